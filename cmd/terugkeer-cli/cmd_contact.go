package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

const contactUsage = "contact add (--bsn N | --id N) --domein D|algemeen --kanaal K [--met NAAM] [--notitie TEKST] " +
	"[--datum \"JJJJ-MM-DD[ UU:MM]\"] | contact wijzig NR [--domein D|algemeen] [--kanaal K] [--met NAAM] " +
	"[--notitie TEKST] [--datum \"JJJJ-MM-DD[ UU:MM]\"] | contact verwijder NR   (NR: het nummer van het contact, " +
	"zie show)"

// contactJSON is one contact in show --json; the field names are a contract.
type contactJSON struct {
	ID      int64  `json:"id"`
	Datum   string `json:"datum"` // RFC 3339 in Europe/Amsterdam
	Domein  string `json:"domein"`
	Kanaal  string `json:"kanaal"`
	Met     string `json:"met"`
	Notitie string `json:"notitie"`
}

// timeJSON formats times in JSON output: RFC 3339 with the Amsterdam offset.
const timeJSON = time.RFC3339

func toContactsJSON(cs []app.ContactMoment) []contactJSON {
	loc := zone()
	out := make([]contactJSON, 0, len(cs))
	for _, c := range cs {
		out = append(out, contactJSON{ID: c.ID, Datum: c.Tijd.In(loc).Format(timeJSON), Domein: string(c.Domain),
			Kanaal: string(c.Kanaal), Met: c.Met, Notitie: c.Notitie})
	}
	return out
}

func cmdContact(ctx context.Context, e *env) error {
	if len(e.args) == 0 {
		return usagef("Geef de subopdracht add, wijzig of verwijder.")
	}
	switch e.args[0] {
	case "add":
		return cmdContactAdd(ctx, e)
	case "wijzig":
		return cmdContactCorrect(ctx, e)
	case "verwijder":
		return cmdContactRemove(ctx, e)
	}
	return usagef("Geef de subopdracht add, wijzig of verwijder.")
}

func cmdContactAdd(ctx context.Context, e *env) error {
	fs := newFlags("contact add")
	var who personFlags
	who.register(fs, false)
	domein := fs.String("domein", "", "domein of algemeen")
	kanaal := fs.String("kanaal", "", "kanaal")
	met := fs.String("met", "", "met wie")
	notitie := fs.String("notitie", "", "notitie")
	datum := fs.String("datum", "", "datum en tijd (Europe/Amsterdam), standaard nu")
	if err := parse(fs, e.args[1:]); err != nil {
		return err
	}
	c := app.ContactMoment{Met: *met, Notitie: *notitie}
	var err error
	if c.Domain, err = app.ParseContactDomain(*domein); err != nil {
		return usagef("Geef met --domein een van: %s of algemeen.", choices(app.Leefgebieden()))
	}
	if c.Kanaal, err = app.ParseKanaal(*kanaal); err != nil {
		return usagef("Geef met --kanaal een van: %s.", choices(app.Kanalen()))
	}
	if *datum != "" {
		if c.Tijd, err = app.ParseMoment(*datum, zone()); err != nil {
			return usagef("De datum moet de vorm JJJJ-MM-DD of \"JJJJ-MM-DD UU:MM\" hebben.")
		}
	}
	id, err := personID(ctx, e, fs, who)
	if err != nil {
		return err
	}
	c, err = e.svc.AddContact(ctx, id, c)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Contact %d met persoon %d vastgelegd:\n", c.ID, id)
	printContact(e.stdout, c)
	return nil
}

// printContact prints one contact on one line (plus its note), in Amsterdam time.
func printContact(w io.Writer, c app.ContactMoment) {
	line := fmt.Sprintf("  Contact %s, %s", c.Tijd.In(zone()).Format("02-01-2006 15:04"), c.Kanaal.Label())
	if c.Domain == app.DomainAlgemeen {
		line += " (algemeen)"
	} else {
		line += " (" + strings.ToLower(c.Domain.Label()) + ")"
	}
	if c.Met != "" {
		line += ", met " + app.Visible(c.Met)
	}
	line += fmt.Sprintf("  (nr. %d)", c.ID)
	fmt.Fprintln(w, line)
	if c.Notitie != "" {
		fmt.Fprintf(w, "    %s\n", strings.ReplaceAll(app.VisibleText(c.Notitie), "\n", "\n    "))
	}
}
