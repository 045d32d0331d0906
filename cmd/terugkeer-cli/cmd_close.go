package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/terugkeer/terugkeer/app"
)

func cmdClose(ctx context.Context, e *env) error {
	fs := newFlags("close")
	var who personFlags
	who.register(fs, false)
	uitkomst := fs.String("uitkomst", "", "met-maatregelen of zonder-maatregelen")
	datum := fs.String("datum", "", "datum van afsluiten, JJJJ-MM-DD (standaard vandaag)")
	if err := parse(fs, e.args); err != nil {
		return err
	}
	u, err := app.ParseUitkomst(*uitkomst)
	if err != nil {
		return usagef("Geef met --uitkomst met-maatregelen of zonder-maatregelen op.")
	}
	var on app.Date
	if *datum != "" {
		if on, err = app.ParseDate(*datum); err != nil {
			return usagef("De datum moet de vorm JJJJ-MM-DD hebben.")
		}
	}
	id, err := personID(ctx, e, fs, who)
	if err != nil {
		return err
	}
	if err := e.svc.CloseTraject(ctx, id, u, on); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Traject van persoon %d is afgesloten (%s).\n", id, u)
	return nil
}

// personID resolves --bsn or --id to the internal id.
func personID(ctx context.Context, e *env, fs *flag.FlagSet, who personFlags) (int64, error) {
	if fs.NArg() > 0 {
		return 0, usagef("Onverwacht argument.")
	}
	if (who.bsn == "") == (who.id == 0) {
		return 0, usagef("Geef precies één van --bsn of --id op.")
	}
	if who.id != 0 {
		return who.id, nil
	}
	return e.svc.FindPerson(ctx, who.bsn, "")
}

const reopenUsage = "reopen (--bsn N | --id N)   (heropent een afgesloten traject; de bewaartermijn loopt dan niet meer)"

func cmdReopen(ctx context.Context, e *env) error {
	fs := newFlags("reopen")
	var who personFlags
	who.register(fs, false)
	if err := parse(fs, e.args); err != nil {
		return err
	}
	id, err := personID(ctx, e, fs, who)
	if err != nil {
		return err
	}
	if err := e.svc.ReopenTraject(ctx, id); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Traject van persoon %d is heropend (in behandeling).\n", id)
	return nil
}
