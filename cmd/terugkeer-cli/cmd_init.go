package main

import (
	"context"
	"fmt"
	"strings"
)

func cmdInit(ctx context.Context, e *env) error {
	fs := newFlags("init")
	gemeente := fs.String("gemeente", "", "CBS-codes, met komma's gescheiden")
	if err := parse(fs, e.args); err != nil {
		return err
	}
	if *gemeente == "" {
		return usagef("Geef met --gemeente de CBS-code(s) op die deze installatie bedient.")
	}
	codes := strings.Split(*gemeente, ",")
	if err := e.svc.Init(ctx, codes); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Database ingericht voor gemeente %s.\n", strings.Join(codes, ", "))
	return nil
}
