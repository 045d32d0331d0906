package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

// contactNumber reads the contact's number, the first argument after the subcommand.
func contactNumber(args []string) (int64, []string, error) {
	if len(args) == 0 {
		return 0, nil, usagef("Geef het nummer van het contact (show toont het als 'nr.').")
	}
	id, err := parseID(args[0])
	return id, args[1:], err
}

// cmdContactCorrect is contact wijzig NR: only the flags given change.
func cmdContactCorrect(ctx context.Context, e *env) error {
	nr, rest, err := contactNumber(e.args[1:])
	if err != nil {
		return err
	}
	fs := newFlags("contact wijzig")
	domein := fs.String("domein", "", "domein of algemeen")
	kanaal := fs.String("kanaal", "", "kanaal")
	met := fs.String("met", "", "met wie")
	notitie := fs.String("notitie", "", "notitie")
	datum := fs.String("datum", "", "datum en tijd (Europe/Amsterdam)")
	if err := parse(fs, rest); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("Onverwacht argument.")
	}
	edit, err := contactEdit(fs, *domein, *kanaal, *met, *notitie, *datum)
	if err != nil {
		return err
	}
	id, err := contactOwner(ctx, e, nr)
	if err != nil {
		return err
	}
	c, err := e.svc.CorrectContact(ctx, id, nr, edit)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Contact %d met persoon %d gewijzigd:\n", c.ID, id)
	printContact(e.stdout, c)
	return nil
}

// contactEdit builds the correction from the flags that were given.
func contactEdit(fs *flag.FlagSet, domein, kanaal, met, notitie, datum string) (app.ContactEdit, error) {
	var edit app.ContactEdit
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if set["domein"] {
		d, err := app.ParseContactDomain(domein)
		if err != nil {
			return edit, usagef("Geef met --domein een van: %s of algemeen.", choices(app.Leefgebieden()))
		}
		edit.Domain = &d
	}
	if set["kanaal"] {
		k, err := app.ParseKanaal(kanaal)
		if err != nil {
			return edit, usagef("Geef met --kanaal een van: %s.", choices(app.Kanalen()))
		}
		edit.Kanaal = &k
	}
	if set["datum"] {
		t, err := app.ParseMoment(datum, zone())
		if err != nil {
			return edit, usagef("De datum moet de vorm JJJJ-MM-DD of \"JJJJ-MM-DD UU:MM\" hebben.")
		}
		edit.Tijd = ptrTo(t)
	}
	if set["met"] {
		edit.Met = &met
	}
	if set["notitie"] {
		edit.Notitie = &notitie
	}
	if !set["domein"] && !set["kanaal"] && !set["datum"] && !set["met"] && !set["notitie"] {
		return edit, usagef("Geef minstens één van --domein, --kanaal, --met, --notitie of --datum op.")
	}
	return edit, nil
}

// contactOwner is the person of contact nr, or an error that names the number.
func contactOwner(ctx context.Context, e *env, nr int64) (int64, error) {
	id, err := e.svc.ContactPerson(ctx, nr)
	if errors.Is(err, app.ErrNotFound) {
		return 0, fmt.Errorf("er is geen contact met nummer %d", nr)
	}
	return id, err
}

func ptrTo(t time.Time) *time.Time { return &t }

// cmdContactRemove is contact verwijder NR.
func cmdContactRemove(ctx context.Context, e *env) error {
	nr, rest, err := contactNumber(e.args[1:])
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("Onverwacht argument.")
	}
	id, err := contactOwner(ctx, e, nr)
	if err != nil {
		return err
	}
	if err := e.svc.RemoveContact(ctx, id, nr); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Contact %d met persoon %d is verwijderd.\n", nr, id)
	return nil
}
