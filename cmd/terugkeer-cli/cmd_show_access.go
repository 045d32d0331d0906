package main

import (
	"context"
	"fmt"
	"text/tabwriter"

	"github.com/terugkeer/terugkeer/app"
)

// accessJSON is the output of show --ingezien --json; the field names are a contract.
type accessJSON struct {
	PersoonID int64       `json:"persoon_id"`
	Totaal    int         `json:"totaal"` // entries about the person in the whole log
	Regels    []auditJSON `json:"regels"` // newest first, at most --aantal
}

// showAccess prints who viewed, exported or changed a person's file (the audit log's
// entries about the person, newest first). Like audit, it is not itself an inzage.
func showAccess(ctx context.Context, e *env, who personFlags, limit int, asJSON bool) error {
	if limit < 1 {
		return usagef("--aantal moet minstens 1 zijn.")
	}
	id, err := who.personID(ctx, e)
	if err != nil {
		return err
	}
	l, err := e.svc.PersonAccess(ctx, id, limit)
	if err != nil {
		return err
	}
	if asJSON {
		out := accessJSON{PersoonID: id, Totaal: l.Totaal, Regels: make([]auditJSON, 0, len(l.Entries))}
		for _, a := range l.Entries {
			out.Regels = append(out.Regels, toAuditJSON(a))
		}
		return writeJSON(e, out)
	}
	if l.Totaal == 0 {
		fmt.Fprintf(e.stdout, "Het logboek noemt persoon nr. %d niet.\n", id)
		return nil
	}
	if len(l.Entries) < l.Totaal {
		fmt.Fprintf(e.stdout, "Persoon nr. %d: de nieuwste %d van %d regels in het logboek.\n", id, len(l.Entries), l.Totaal)
	} else {
		fmt.Fprintf(e.stdout, "Persoon nr. %d: %d regels in het logboek, nieuwste eerst.\n", id, l.Totaal)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "Tijd\tActie\tGebruiker\tResultaat\tBron")
	for _, a := range l.Entries {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", a.Tijd.In(zone()).Format("02-01-2006 15:04:05"), app.Visible(a.Actie),
			orDash(app.Visible(a.Actor)), app.Visible(a.Resultaat), orDash(app.Visible(a.Bron)))
	}
	return tw.Flush()
}
