package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/terugkeer/terugkeer/app"
)

const actiesUsage = "acties [--json] [--mijn] [--nu JJJJ-MM-DD]   (elke geplande actie op datum: achterstallig, " +
	"deze week, later; --mijn: alleen die met jou (de ingestelde gebruiker) als verantwoordelijke)"

// actiesJSON is the output of acties --json; the field names are a contract.
type actiesJSON struct {
	Vandaag       string       `json:"vandaag"`
	Mijn          bool         `json:"mijn"`
	Gebruiker     string       `json:"gebruiker"`
	Aantal        int          `json:"aantal"`
	Achterstallig []actionJSON `json:"achterstallig"`
	DezeWeek      []actionJSON `json:"deze_week"`
	Later         []actionJSON `json:"later"`
}

type actionJSON struct {
	PersoonID         int64  `json:"persoon_id"`
	BSN               string `json:"bsn"`
	Naam              string `json:"naam"`
	Domein            string `json:"domein"`
	Status            string `json:"status"`
	Actie             string `json:"actie"`
	Actiedatum        string `json:"actiedatum"`
	Dagen             int    `json:"dagen"` // from today; negative when overdue
	Verantwoordelijke string `json:"verantwoordelijke"`
}

func cmdActies(ctx context.Context, e *env) error {
	fs := newFlags("acties")
	asJSON := fs.Bool("json", false, "JSON-uitvoer")
	mijn := fs.Bool("mijn", false, "alleen mijn acties")
	nu := fs.String("nu", "", "de dag vanaf waar gerekend wordt, JJJJ-MM-DD (standaard vandaag)")
	if err := parse(fs, e.args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("Onverwacht argument.")
	}
	q := app.ActionQuery{Mine: *mijn}
	if *nu != "" {
		d, err := app.ParseDate(*nu)
		if err != nil {
			return usagef("De datum bij --nu moet de vorm JJJJ-MM-DD hebben.")
		}
		q.Today = d
	}
	l, err := e.svc.PlannedActions(ctx, q)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeActionsJSON(e.stdout, l)
	}
	printActions(e.stdout, l)
	return nil
}

func writeActionsJSON(w io.Writer, l app.ActionList) error {
	out := actiesJSON{Vandaag: l.Today.String(), Mijn: l.Mine, Gebruiker: l.User, Aantal: l.Total()}
	lists := map[app.ActionGroup]*[]actionJSON{app.ActionsOverdue: &out.Achterstallig,
		app.ActionsThisWeek: &out.DezeWeek, app.ActionsLaterOnes: &out.Later}
	for _, g := range app.ActionGroups() {
		*lists[g] = []actionJSON{}
		for _, a := range l.Groups[g] {
			f := a.Followup
			*lists[g] = append(*lists[g], actionJSON{PersoonID: a.Person.ID, BSN: a.Person.BSN, Naam: a.Person.FullName(),
				Domein: string(f.Domain), Status: string(f.Status), Actie: f.Actie, Actiedatum: f.Actiedatum.String(),
				Dagen: l.Today.DaysUntil(f.Actiedatum), Verantwoordelijke: f.Verantwoordelijke})
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

var actionGroupTitles = map[app.ActionGroup]string{
	app.ActionsOverdue: "Achterstallig", app.ActionsThisWeek: "Deze week", app.ActionsLaterOnes: "Later",
}

func printActions(w io.Writer, l app.ActionList) {
	if l.Mine {
		fmt.Fprintf(w, "Mijn acties (%s) op %s: %d\n", app.Visible(l.User), l.Today.Dutch(), l.Total())
	} else {
		fmt.Fprintf(w, "Acties van het team op %s: %d\n", l.Today.Dutch(), l.Total())
	}
	if l.Total() == 0 {
		fmt.Fprintln(w, "Geen geplande acties.")
		return
	}
	for _, g := range app.ActionGroups() {
		as := l.Groups[g]
		fmt.Fprintf(w, "\n%s (%d)\n", actionGroupTitles[g], len(as))
		for _, a := range as {
			f := a.Followup
			line := fmt.Sprintf("  %s  %s (persoon %d, BSN %s), %s: %s", f.Actiedatum.Dutch(),
				app.Visible(a.Person.FullName()), a.Person.ID, app.MaskBSN(a.Person.BSN),
				strings.ToLower(f.Domain.Label()), app.Visible(f.Actie))
			if f.Verantwoordelijke != "" {
				line += " — " + app.Visible(f.Verantwoordelijke)
			}
			fmt.Fprintln(w, line)
		}
	}
}
