package main

import (
	"context"
	"fmt"
)

func cmdRemove(ctx context.Context, e *env) error {
	fs := newFlags("remove")
	var who personFlags
	who.register(fs, false)
	if err := parse(fs, e.args); err != nil {
		return err
	}
	id, err := personID(ctx, e, fs, who)
	if err != nil {
		return err
	}
	if err := e.svc.RemovePerson(ctx, id); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Persoon %d en alle gegevens over deze persoon zijn onherroepelijk verwijderd.\n", id)
	return nil
}
