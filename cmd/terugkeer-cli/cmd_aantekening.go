package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/terugkeer/terugkeer/app"
)

const aantekeningUsage = "aantekening add (--bsn N | --id N) --domein D --tekst TEKST | aantekening wijzig NR --tekst TEKST " +
	"| aantekening verwijder NR   (NR: het nummer van de aantekening, zie show; alleen bij een domein met toestemming " +
	"of een D&R-plan)"

// noteJSON is one note in show --json ("aantekeningen" of a domain's opvolging); the
// field names are a contract.
type noteJSON struct {
	ID        int64  `json:"id"`
	Datum     string `json:"datum"`     // vastgelegd, RFC 3339 in Europe/Amsterdam
	Gewijzigd string `json:"gewijzigd"` // "" unless corrected
	Door      string `json:"door"`
	Tekst     string `json:"tekst"`
}

func toNotesJSON(ns []app.Note) []noteJSON {
	loc := zone()
	out := make([]noteJSON, 0, len(ns))
	for _, n := range ns {
		j := noteJSON{ID: n.ID, Datum: n.Vastgelegd.In(loc).Format(timeJSON), Door: n.Door, Tekst: n.Tekst}
		if !n.Gewijzigd.IsZero() {
			j.Gewijzigd = n.Gewijzigd.In(loc).Format(timeJSON)
		}
		out = append(out, j)
	}
	return out
}

func cmdAantekening(ctx context.Context, e *env) error {
	if len(e.args) == 0 {
		return usagef("Geef de subopdracht add, wijzig of verwijder.")
	}
	switch e.args[0] {
	case "add":
		return cmdNoteAdd(ctx, e)
	case "wijzig":
		return cmdNoteCorrect(ctx, e)
	case "verwijder":
		return cmdNoteRemove(ctx, e)
	}
	return usagef("Geef de subopdracht add, wijzig of verwijder.")
}

func cmdNoteAdd(ctx context.Context, e *env) error {
	fs := newFlags("aantekening add")
	var who personFlags
	who.register(fs, false)
	domein := fs.String("domein", "", "domein")
	tekst := fs.String("tekst", "", "de aantekening")
	if err := parse(fs, e.args[1:]); err != nil {
		return err
	}
	d, err := app.ParseDomain(*domein)
	if err != nil {
		return usagef("Geef met --domein een van: %s.", choices(app.Leefgebieden()))
	}
	id, err := personID(ctx, e, fs, who)
	if err != nil {
		return err
	}
	n, err := e.svc.AddNote(ctx, id, d, *tekst)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Aantekening %d bij persoon %d vastgelegd:\n", n.ID, id)
	printNote(e.stdout, "  ", n)
	return nil
}

// noteNumber reads the note's number and the flags after it.
func noteNumber(args []string) (int64, []string, error) {
	if len(args) == 0 {
		return 0, nil, usagef("Geef het nummer van de aantekening (show toont het als 'nr.').")
	}
	id, err := parseID(args[0])
	return id, args[1:], err
}

// noteOwner is the person of note nr, or an error that names the number.
func noteOwner(ctx context.Context, e *env, nr int64) (int64, error) {
	id, err := e.svc.NotePerson(ctx, nr)
	if errors.Is(err, app.ErrNotFound) {
		return 0, fmt.Errorf("er is geen aantekening met nummer %d", nr)
	}
	return id, err
}

func cmdNoteCorrect(ctx context.Context, e *env) error {
	nr, rest, err := noteNumber(e.args[1:])
	if err != nil {
		return err
	}
	fs := newFlags("aantekening wijzig")
	tekst := fs.String("tekst", "", "de nieuwe tekst")
	if err := parse(fs, rest); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("Onverwacht argument.")
	}
	id, err := noteOwner(ctx, e, nr)
	if err != nil {
		return err
	}
	n, err := e.svc.CorrectNote(ctx, id, nr, *tekst)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Aantekening %d bij persoon %d gewijzigd:\n", n.ID, id)
	printNote(e.stdout, "  ", n)
	return nil
}

func cmdNoteRemove(ctx context.Context, e *env) error {
	nr, rest, err := noteNumber(e.args[1:])
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("Onverwacht argument.")
	}
	id, err := noteOwner(ctx, e, nr)
	if err != nil {
		return err
	}
	if err := e.svc.RemoveNote(ctx, id, nr); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Aantekening %d bij persoon %d is verwijderd.\n", nr, id)
	return nil
}

// printNote prints a note's heading line and its text, indented.
func printNote(w io.Writer, indent string, n app.Note) {
	line := fmt.Sprintf("%sAantekening %s (%s)", indent, n.Vastgelegd.In(zone()).Format("02-01-2006 15:04"),
		strings.ToLower(n.Domain.Label()))
	if n.Door != "" {
		line += " door " + app.Visible(n.Door)
	}
	if !n.Gewijzigd.IsZero() {
		line += ", gewijzigd " + n.Gewijzigd.In(zone()).Format("02-01-2006 15:04")
	}
	fmt.Fprintf(w, "%s  (nr. %d)\n", line, n.ID)
	fmt.Fprintf(w, "%s  %s\n", indent, strings.ReplaceAll(app.VisibleText(n.Tekst), "\n", "\n"+indent+"  "))
}
