package main

import (
	"context"
	"fmt"
	"strconv"
	"text/tabwriter"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

// controleJSON is one element of controle list --json; the field names are a contract.
type controleJSON struct {
	ID        int64  `json:"id"`
	PersoonID int64  `json:"persoon_id"`
	Soort     string `json:"soort"`
	Kenmerk   string `json:"kenmerk"`
	Bron      string `json:"bron"`
	Ontvangen string `json:"ontvangen"`
}

// cmdControle lists, shows and decides the messages held for controle: same BSN as a
// stored person, another date of birth.
func cmdControle(ctx context.Context, e *env) error {
	if len(e.args) == 0 {
		return usagef("Geef een subopdracht: list, show, zelfde of ander.")
	}
	sub, rest := e.args[0], e.args[1:]
	if sub == "list" {
		return controleList(ctx, e, rest)
	}
	actions := map[string]func(context.Context, *env, int64) error{
		"show": controleShow, "zelfde": controleSame, "ander": controleOther,
	}
	act, ok := actions[sub]
	if !ok {
		return usagef("Onbekende subopdracht %q.", sub)
	}
	if len(rest) != 1 {
		return usagef("Geef het nummer van het bericht dat op controle wacht.")
	}
	id, err := parseID(rest[0])
	if err != nil {
		return err
	}
	return act(ctx, e, id)
}

func controleList(ctx context.Context, e *env, args []string) error {
	fs := newFlags("controle list")
	asJSON := fs.Bool("json", false, "JSON-array")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("Onverwacht argument.")
	}
	hs, err := e.svc.ReviewList(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		out := make([]controleJSON, 0, len(hs))
		for _, h := range hs {
			out = append(out, controleJSON{h.ID, h.PersonID, string(h.Soort), h.Kenmerk, h.Bron,
				h.Ontvangen.UTC().Format(time.RFC3339)})
		}
		return writeJSON(e, out)
	}
	if len(hs) == 0 {
		fmt.Fprintln(e.stdout, "Er wachten geen berichten op controle.")
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "Nr\tOntvangen\tSoort\tKenmerk\tPersoon (nr.)\tBron")
	for _, h := range hs {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d\t%s\n", h.ID, h.Ontvangen.In(zone()).Format("02-01-2006 15:04"),
			h.Soort.Label(), app.Visible(h.Kenmerk), h.PersonID, app.Visible(h.Bron))
	}
	return tw.Flush()
}

func controleShow(ctx context.Context, e *env, id int64) error {
	c, err := e.svc.Review(ctx, id)
	if err != nil {
		return err
	}
	h := c.Held
	fmt.Fprintf(e.stdout, "Nr: %d\nSoort: %s\nKenmerk: %s\nVerzonden: %s\nOntvangen: %s\nBron: %s\n\n", h.ID, h.Soort.Label(),
		app.Visible(h.Kenmerk), h.Verzonden.In(zone()).Format("02-01-2006 15:04"),
		h.Ontvangen.In(zone()).Format("02-01-2006 15:04"), app.Visible(h.Bron))
	fmt.Fprintf(e.stdout, "Het BSN hoort bij persoon %d, maar de geboortedatum verschilt. Het bericht is nog niet toegepast.\n\n", h.PersonID)
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "\tIn het dossier\tIn het bericht\t")
	for _, row := range app.CompareSubjects(c.Bestaand, c.Bericht) {
		mark := ""
		if row.Verschilt {
			mark = "verschilt"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", row.Veld, orDash(app.Visible(row.Dossier)), orDash(app.Visible(row.Bericht)), mark)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	n := strconv.FormatInt(id, 10)
	fmt.Fprintf(e.stdout, "\nZelfde persoon: 'terugkeer-cli controle zelfde %s' past het bericht toe op dit dossier.\n"+
		"Andere persoon: 'terugkeer-cli controle ander %s' geeft het bericht een eigen dossier (het BSN blijft bij persoon %d).\n",
		n, n, h.PersonID)
	return nil
}

func controleSame(ctx context.Context, e *env, id int64) error {
	r, err := e.svc.DecideSame(ctx, id)
	if err != nil {
		return err
	}
	return reportDecision(e, id, r, "zelfde persoon")
}

func controleOther(ctx context.Context, e *env, id int64) error {
	r, err := e.svc.DecideOther(ctx, id)
	if err != nil {
		return err
	}
	return reportDecision(e, id, r, "andere persoon")
}

// reportDecision says what a decision did with the held message.
func reportDecision(e *env, id int64, r app.Result, besluit string) error {
	switch {
	case r.Resultaat == app.Quarantaine:
		fmt.Fprintf(e.stdout, "Bericht %d (%s) staat nu in quarantaine (nr. %d): %s\n", id, besluit, r.QuarantineID, app.Visible(r.Reden))
	case r.Resultaat == app.Dubbel:
		fmt.Fprintf(e.stdout, "Bericht %d (%s): %s\n", id, besluit, app.Visible(r.Reden))
	case r.PersonID == 0:
		fmt.Fprintf(e.stdout, "Bericht %d (%s) is verwerkt; het laat niets over om op te slaan, dus er is geen dossier (regel 6).\n", id, besluit)
	default:
		fmt.Fprintf(e.stdout, "Bericht %d (%s) is toegepast op het dossier van persoon %d.\n", id, besluit, r.PersonID)
	}
	if r.Reden != "" && r.Resultaat == app.Geimporteerd {
		fmt.Fprintf(e.stdout, "Opmerking: %s\n", app.Visible(r.Reden))
	}
	return nil
}

// berichtenCount is "1 bericht" or "N berichten".
func berichtenCount(n int) string {
	if n == 1 {
		return "1 bericht"
	}
	return strconv.Itoa(n) + " berichten"
}
