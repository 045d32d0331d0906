package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/terugkeer/terugkeer/app"
)

const followupUsage = "followup set (--bsn N | --id N) --domein D [--status S] [--verantwoordelijke NAAM] " +
	"[--actie TEKST --actiedatum JJJJ-MM-DD] | followup status-corrigeer (--bsn N | --id N) --domein D --status S " +
	"| followup status-verwijder (--bsn N | --id N) --domein D | followup actie-verwijder (--bsn N | --id N) --domein D   " +
	"(status-corrigeer vervangt de laatste statuswijziging, status-verwijder zet de status terug op die ervoor; " +
	"op de teamdatabase is de verantwoordelijke een van de namen die 'team' toont)"

// followupJSON is a domain's "opvolging" in show --json; the field names are a contract.
// It is null for a domain whose consent is not ja, of a person without a D&R-plan.
type followupJSON struct {
	Status            string             `json:"status"`
	Verantwoordelijke string             `json:"verantwoordelijke"`
	Actie             string             `json:"actie"`
	Actiedatum        string             `json:"actiedatum"`
	Contacten         []contactJSON      `json:"contacten"`
	Geschiedenis      []statusChangeJSON `json:"geschiedenis"`
	Aantekeningen     []noteJSON         `json:"aantekeningen"` // oldest first
}

type statusChangeJSON struct {
	Tijd string `json:"tijd"` // RFC 3339 in Europe/Amsterdam
	Door string `json:"door"`
	Van  string `json:"van"`
	Naar string `json:"naar"`
}

func toFollowupJSON(df app.DomainFile) *followupJSON {
	if !df.Opvolgbaar {
		return nil
	}
	f := df.Opvolging
	out := &followupJSON{Status: string(f.Status), Verantwoordelijke: f.Verantwoordelijke, Actie: f.Actie,
		Actiedatum: f.Actiedatum.String(), Contacten: toContactsJSON(df.Contacten), Geschiedenis: []statusChangeJSON{},
		Aantekeningen: toNotesJSON(df.Aantekeningen)}
	loc := zone()
	for _, h := range df.Geschiedenis {
		out.Geschiedenis = append(out.Geschiedenis, statusChangeJSON{Tijd: h.Tijd.In(loc).Format(timeJSON),
			Door: h.Door, Van: string(h.Van), Naar: string(h.Naar)})
	}
	return out
}

func cmdFollowup(ctx context.Context, e *env) error {
	if len(e.args) == 0 {
		return usagef("Geef de subopdracht set, status-corrigeer, status-verwijder of actie-verwijder.")
	}
	switch e.args[0] {
	case "set":
		return cmdFollowupSet(ctx, e)
	case "status-corrigeer", "status-verwijder", "actie-verwijder":
		return cmdFollowupCorrect(ctx, e)
	}
	return usagef("Geef de subopdracht set, status-corrigeer, status-verwijder of actie-verwijder.")
}

func cmdFollowupSet(ctx context.Context, e *env) error {
	fs := newFlags("followup set")
	var who personFlags
	who.register(fs, false)
	domein := fs.String("domein", "", "domein")
	status := fs.String("status", "", "status")
	verantwoordelijke := fs.String("verantwoordelijke", "", "verantwoordelijke collega")
	actie := fs.String("actie", "", "volgende actie")
	actiedatum := fs.String("actiedatum", "", "datum van de volgende actie, JJJJ-MM-DD")
	if err := parse(fs, e.args[1:]); err != nil {
		return err
	}
	d, err := app.ParseDomain(*domein)
	if err != nil {
		return usagef("Geef met --domein een van: %s.", choices(app.Leefgebieden()))
	}
	edit, err := followupEdit(fs, *status, *verantwoordelijke, *actie, *actiedatum)
	if err != nil {
		return err
	}
	id, err := personID(ctx, e, fs, who)
	if err != nil {
		return err
	}
	f, err := e.svc.SetFollowup(ctx, id, d, edit)
	if err != nil {
		return err
	}
	printFollowupSaved(e.stdout, id, f)
	return nil
}

// followupEdit builds the change from the flags that were given.
func followupEdit(fs *flag.FlagSet, status, verantwoordelijke, actie, actiedatum string) (app.FollowupEdit, error) {
	var edit app.FollowupEdit
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if set["status"] {
		s, err := app.ParseFollowupStatus(status)
		if err != nil {
			return edit, usagef("Geef met --status een van: %s.", choices(app.FollowupStatuses()))
		}
		edit.Status = s
	}
	if set["verantwoordelijke"] {
		edit.Verantwoordelijke = &verantwoordelijke
	}
	if set["actie"] != set["actiedatum"] {
		return edit, usagef("Geef --actie en --actiedatum samen op (beide leeg wist de actie).")
	}
	if set["actie"] {
		a := &app.NextAction{Tekst: actie}
		if actiedatum != "" {
			var err error
			if a.Datum, err = app.ParseDate(actiedatum); err != nil {
				return edit, usagef("De actiedatum moet de vorm JJJJ-MM-DD hebben.")
			}
		}
		edit.Actie = a
	}
	if edit.Status == "" && edit.Verantwoordelijke == nil && edit.Actie == nil {
		return edit, usagef("Geef minstens één van --status, --verantwoordelijke of --actie met --actiedatum op.")
	}
	return edit, nil
}

func printFollowupSaved(w io.Writer, id int64, f app.Followup) {
	fmt.Fprintf(w, "Opvolging van %s voor persoon %d vastgelegd.\n", strings.ToLower(f.Domain.Label()), id)
	printFollowupLines(w, "  ", f)
}

// printFollowupLines prints status, verantwoordelijke and next action, indented.
func printFollowupLines(w io.Writer, indent string, f app.Followup) {
	fmt.Fprintf(w, "%sStatus: %s\n", indent, f.Status.Label())
	if f.Verantwoordelijke != "" {
		fmt.Fprintf(w, "%sVerantwoordelijke: %s\n", indent, app.Visible(f.Verantwoordelijke))
	}
	if f.Actie != "" {
		fmt.Fprintf(w, "%sVolgende actie (%s): %s\n", indent, f.Actiedatum.Dutch(), app.Visible(f.Actie))
	}
}

// printFollowup is the follow-up part of a domain in show.
func printFollowup(w io.Writer, df app.DomainFile) {
	if !df.Opvolgbaar {
		return
	}
	fmt.Fprintln(w, "  Opvolging:")
	printFollowupLines(w, "    ", df.Opvolging)
	for _, h := range df.Geschiedenis {
		fmt.Fprintf(w, "    Status %s → %s op %s", h.Van.Label(), h.Naar.Label(), h.Tijd.In(zone()).Format("02-01-2006 15:04"))
		if h.Door != "" {
			fmt.Fprintf(w, " door %s", app.Visible(h.Door))
		}
		fmt.Fprintln(w)
	}
	for _, c := range df.Contacten {
		printContact(w, c)
	}
	for _, n := range df.Aantekeningen {
		printNote(w, "  ", n)
	}
}

// printContacts is the algemeen contact log in show.
func printContacts(w io.Writer, cs []app.ContactMoment) {
	if len(cs) == 0 {
		return
	}
	fmt.Fprintln(w, "\nContacten (algemeen)")
	for _, c := range cs {
		printContact(w, c)
	}
}

// choices joins names for a usage message: "a, b, c".
func choices[T ~string](xs []T) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = string(x)
	}
	return strings.Join(s, ", ")
}
