package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
	_ "time/tzdata" // Europe/Amsterdam also where the system has no zone database (Windows)

	"github.com/terugkeer/terugkeer/app"
)

const dashboardUsage = "dashboard [--json] [--dagen 14] [--nu JJJJ-MM-DD]"

// zone is Europe/Amsterdam, loaded once. The embedded zone database makes loading
// fail only on a broken build; times are then shown in UTC with their offset.
var zone = sync.OnceValue(func() *time.Location {
	loc, err := app.LoadZone()
	if err != nil {
		return time.UTC
	}
	return loc
})

// dashboardJSON is the output of dashboard --json; the field names are a contract.
type dashboardJSON struct {
	Vandaag      string         `json:"vandaag"`
	Dagen        int            `json:"dagen"`
	Aantallen    map[string]int `json:"aantallen"`
	Signalen     []signalJSON   `json:"signalen"`
	Vrijlatingen []releaseJSON  `json:"vrijlatingen"` // the first app.MaxReleases
	// VrijlatingenAantal is the number of all releases of the coming weeks.
	VrijlatingenAantal int          `json:"vrijlatingen_aantal"`
	Nieuw              arrivalsJSON `json:"nieuw"`
	Controle           int          `json:"wachten_op_controle"` // messages held for controle
}

type signalJSON struct {
	Soort             string   `json:"soort"`
	PersoonID         int64    `json:"persoon_id"`
	BSN               string   `json:"bsn"`
	Naam              string   `json:"naam"`
	Domein            string   `json:"domein"`
	Domeinen          []string `json:"domeinen,omitempty"` // vrij-niet-geregeld: every domain not arranged
	Status            string   `json:"status"`
	Datum             string   `json:"datum"`
	Dagen             int      `json:"dagen"`
	Actie             string   `json:"actie"`
	Verantwoordelijke string   `json:"verantwoordelijke"`
	QuarantaineID     int64    `json:"quarantaine_id"`
	Tekst             string   `json:"tekst"`
}

type releaseJSON struct {
	PersoonID       int64    `json:"persoon_id"`
	BSN             string   `json:"bsn"`
	Naam            string   `json:"naam"`
	Inrichting      string   `json:"inrichting"`
	Einddatum       string   `json:"einddatum"`
	EinddatumStatus string   `json:"einddatum_status"`
	Dagen           int      `json:"dagen"`
	Week            int      `json:"week"`
	NietGeregeld    []string `json:"niet_geregeld"`
}

type arrivalsJSON struct {
	LaatstBekeken string        `json:"laatst_bekeken"` // "" when never
	Aantal        int           `json:"aantal"`
	Afgekapt      bool          `json:"aantal_afgekapt"` // more than aantal (the count stops at app.MaxArrivalCount)
	Berichten     []arrivalJSON `json:"berichten"`
	Quarantaine   int           `json:"quarantaine"`
}

type arrivalJSON struct {
	Kenmerk   string `json:"kenmerk"`
	Soort     string `json:"soort"`
	Ontvangen string `json:"ontvangen"`
	PersoonID int64  `json:"persoon_id"`
	Naam      string `json:"naam"`
}

func cmdDashboard(ctx context.Context, e *env) error {
	fs := newFlags("dashboard")
	asJSON := fs.Bool("json", false, "JSON-object")
	dagen := fs.Int("dagen", app.DefaultSignalDays, "vrijlating binnen zoveel dagen")
	nu := fs.String("nu", "", "rekendatum JJJJ-MM-DD (standaard vandaag)")
	if err := parse(fs, e.args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("Onverwacht argument.")
	}
	if *dagen < 1 {
		return usagef("--dagen moet minstens 1 zijn.")
	}
	now := e.now().In(zone())
	if *nu != "" {
		var err error
		if now, err = app.ParseMoment(*nu, zone()); err != nil {
			return usagef("--nu moet de vorm JJJJ-MM-DD hebben.")
		}
	}
	db, err := e.svc.Dashboard(ctx, now, *dagen)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e, toDashboardJSON(db))
	}
	printDashboard(e.stdout, db)
	return nil
}

func toDashboardJSON(db *app.Dashboard) dashboardJSON {
	out := dashboardJSON{Vandaag: db.Vandaag.String(), Dagen: db.Dagen, Aantallen: map[string]int{},
		Signalen: []signalJSON{}, Vrijlatingen: []releaseJSON{}, VrijlatingenAantal: db.VrijlatingenAantal,
		Nieuw: arrivalsJSON{Aantal: db.Nieuw.Aantal, Afgekapt: db.Nieuw.Afgekapt, Quarantaine: db.Nieuw.Quarantaine,
			Berichten: []arrivalJSON{}},
		Controle: db.Controle}
	for k, n := range db.Aantallen {
		out.Aantallen[string(k)] = n
	}
	for _, s := range db.Signalen {
		sj := signalJSON{Soort: string(s.Soort), PersoonID: s.PersonID, BSN: s.BSN,
			Naam: s.Naam, Domein: string(s.Domain), Status: string(s.Status), Datum: s.Datum.String(), Dagen: s.Dagen,
			Actie: s.Actie, Verantwoordelijke: s.Verantwoordelijke, QuarantaineID: s.QuarantineID, Tekst: signalText(s)}
		for _, d := range s.Domeinen {
			sj.Domeinen = append(sj.Domeinen, string(d))
		}
		out.Signalen = append(out.Signalen, sj)
	}
	for _, r := range db.Vrijlatingen {
		rj := releaseJSON{PersoonID: r.PersonID, BSN: r.BSN, Naam: r.Naam, Inrichting: r.Inrichting,
			Einddatum: r.Einddatum.String(), EinddatumStatus: r.EinddatumStatus, Dagen: r.Dagen, Week: r.Week,
			NietGeregeld: []string{}}
		for _, d := range r.NietGeregeld {
			rj.NietGeregeld = append(rj.NietGeregeld, string(d))
		}
		out.Vrijlatingen = append(out.Vrijlatingen, rj)
	}
	if !db.Nieuw.LaatstBekeken.IsZero() {
		out.Nieuw.LaatstBekeken = db.Nieuw.LaatstBekeken.In(zone()).Format(timeJSON)
	}
	for _, a := range db.Nieuw.Berichten {
		out.Nieuw.Berichten = append(out.Nieuw.Berichten, arrivalJSON{Kenmerk: a.Kenmerk, Soort: string(a.Soort),
			Ontvangen: a.Ontvangen.In(zone()).Format(timeJSON), PersoonID: a.PersonID, Naam: a.Naam})
	}
	return out
}

func printDashboard(w io.Writer, db *app.Dashboard) {
	fmt.Fprintf(w, "Overzicht op %s (vrijlating binnen %d dagen)\n", db.Vandaag.Dutch(), db.Dagen)
	for _, k := range app.SignalKinds() {
		fmt.Fprintf(w, "\n%s (%d)\n", k.Label(), db.Aantallen[k])
		for _, s := range db.Signalen {
			if s.Soort != k {
				continue
			}
			if s.PersonID == 0 {
				fmt.Fprintf(w, "  Nr. %d: %s\n", s.QuarantineID, app.Visible(signalText(s)))
				continue
			}
			line := fmt.Sprintf("  %s (nr. %d): %s", app.Visible(s.Naam), s.PersonID, app.Visible(signalText(s)))
			if s.Actie != "" {
				line += " — " + app.Visible(s.Actie)
			}
			if s.Verantwoordelijke != "" {
				line += " [" + app.Visible(s.Verantwoordelijke) + "]"
			}
			fmt.Fprintln(w, line)
		}
	}
	fmt.Fprintf(w, "\nVrijlatingen komende weken (%d)\n", db.VrijlatingenAantal)
	for _, r := range db.Vrijlatingen {
		line := fmt.Sprintf("  week %d, %s: %s (nr. %d), %s", r.Week, r.Einddatum.Dutch(), app.Visible(r.Naam), r.PersonID,
			orDash(app.Visible(r.Inrichting)))
		if len(r.NietGeregeld) > 0 {
			var names []string
			for _, d := range r.NietGeregeld {
				names = append(names, strings.ToLower(d.Label()))
			}
			line += "; niet geregeld: " + strings.Join(names, ", ")
		}
		fmt.Fprintln(w, line)
	}
	if more := db.VrijlatingenAantal - len(db.Vrijlatingen); more > 0 {
		fmt.Fprintf(w, "  en nog %d meer\n", more)
	}
	since := "nooit bekeken"
	if !db.Nieuw.LaatstBekeken.IsZero() {
		since = "sinds " + db.Nieuw.LaatstBekeken.In(zone()).Format("02-01-2006 15:04")
	}
	aantal := fmt.Sprint(db.Nieuw.Aantal)
	if db.Nieuw.Afgekapt {
		aantal = "meer dan " + aantal
	}
	fmt.Fprintf(w, "\nNieuw (%s): %s berichten geïmporteerd, %d in quarantaine\n", since, aantal, db.Nieuw.Quarantaine)
	if db.Controle > 0 {
		fmt.Fprintf(w, "\nWachten op controle: %s; zie 'terugkeer-cli controle list'\n", berichtenCount(db.Controle))
	}
}
