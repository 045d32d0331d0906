package main

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

// quarantineJSON is one element of quarantine list --json; the field names are a contract.
type quarantineJSON struct {
	ID        int64  `json:"id"`
	Bron      string `json:"bron"`
	Reden     string `json:"reden"`
	Ontvangen string `json:"ontvangen"`
}

func cmdQuarantine(ctx context.Context, e *env) error {
	if len(e.args) == 0 {
		return usagef("Geef een subopdracht: list, show, retry of discard.")
	}
	sub, rest := e.args[0], e.args[1:]
	if sub == "list" {
		return quarantineList(ctx, e, rest)
	}
	actions := map[string]func(context.Context, *env, int64) error{
		"show": quarantineShow, "retry": quarantineRetry, "discard": quarantineDiscard,
	}
	act, ok := actions[sub]
	if !ok {
		return usagef("Onbekende subopdracht %q.", sub)
	}
	if len(rest) != 1 {
		return usagef("Geef het nummer van het bericht in quarantaine.")
	}
	id, err := parseID(rest[0])
	if err != nil {
		return err
	}
	return act(ctx, e, id)
}

func quarantineList(ctx context.Context, e *env, args []string) error {
	fs := newFlags("quarantine list")
	asJSON := fs.Bool("json", false, "JSON-array")
	if err := parse(fs, args); err != nil {
		return err
	}
	qs, err := e.svc.QuarantineList(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		out := make([]quarantineJSON, 0, len(qs))
		for _, q := range qs {
			out = append(out, quarantineJSON{q.ID, q.Bron, q.Reden, q.Ontvangen.UTC().Format(time.RFC3339)})
		}
		return writeJSON(e, out)
	}
	if len(qs) == 0 {
		fmt.Fprintln(e.stdout, "Er staan geen berichten in quarantaine.")
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "Nr\tOntvangen\tBron\tReden")
	for _, q := range qs {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", q.ID, q.Ontvangen.In(zone()).Format("02-01-2006 15:04"), app.Visible(q.Bron), app.Visible(q.Reden))
	}
	return tw.Flush()
}

func quarantineShow(ctx context.Context, e *env, id int64) error {
	q, err := e.svc.QuarantineItem(ctx, id)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Nr: %d\nBron: %s\nOntvangen: %s\nReden: %s\n\n", q.ID, app.Visible(q.Bron),
		q.Ontvangen.In(zone()).Format("02-01-2006 15:04"), app.Visible(q.Reden))
	// The message as received, its control characters (ESC, CR, C1, bidi) shown
	// escaped: the bytes are the sender's, and a terminal would obey them.
	_, err = io.WriteString(e.stdout, app.VisibleText(string(q.Raw)))
	return err
}

func quarantineRetry(ctx context.Context, e *env, id int64) error {
	results, err := e.svc.Retry(ctx, id)
	if err != nil {
		return err
	}
	stuck := false
	for _, r := range results {
		if r.Resultaat == app.Quarantaine {
			fmt.Fprintf(e.stdout, "Nog steeds niet te importeren: %s\n", app.Visible(r.Reden))
			stuck = true
			continue
		}
		fmt.Fprintf(e.stdout, "%s: %s\n", orDash(app.Visible(r.Kenmerk)), r.Resultaat)
	}
	if stuck {
		return fmt.Errorf("bericht %d blijft in quarantaine", id)
	}
	fmt.Fprintf(e.stdout, "Bericht %d is geïmporteerd en uit de quarantaine gehaald.\n", id)
	return nil
}

func quarantineDiscard(ctx context.Context, e *env, id int64) error {
	if err := e.svc.Discard(ctx, id); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Bericht %d is verwijderd uit de quarantaine.\n", id)
	return nil
}
