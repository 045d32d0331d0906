package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/report"
)

// personJSON is one element of persons --json; the field names are a contract.
type personJSON struct {
	ID            int64  `json:"id"`
	BSN           string `json:"bsn"`
	SKN           string `json:"skn"`
	Voornamen     string `json:"voornamen"`
	Voorvoegsel   string `json:"voorvoegsel"`
	Achternaam    string `json:"achternaam"`
	Geboortedatum string `json:"geboortedatum"`
}

func toPersonJSON(p app.Person) personJSON {
	return personJSON{
		ID: p.ID, BSN: p.BSN, SKN: p.SKN, Voornamen: p.Voornamen, Voorvoegsel: p.Voorvoegsel,
		Achternaam: p.Achternaam, Geboortedatum: p.Geboortedatum.String(),
	}
}

func cmdPersons(ctx context.Context, e *env) error {
	fs := newFlags("persons")
	asJSON := fs.Bool("json", false, "JSON-array")
	zoek := fs.String("zoek", "", "zoektekst: naamdelen, BSN of SKN")
	domein := fs.String("domein", "", "met --domeinstatus: alleen dit domein (standaard elk domein)")
	status := fs.String("domeinstatus", "", "alleen personen met een domein in deze stand")
	plan := fs.Bool("plan", false, "alleen personen met een D&R-plan")
	afspraken := fs.Bool("afspraken-gemeente", false, "alleen personen met open afspraken voor de gemeente in hun D&R-plan")
	mijn := fs.Bool("mijn", false, "alleen mijn dossiers: personen met jou (de aangemelde of ingestelde gebruiker) als verantwoordelijke van een domein of actie")
	signaal := fs.String("signaal", "", "alleen personen met dit signaal van het overzicht")
	overDatum := fs.Bool("acties-over-datum", false, "alleen personen met een actie over de datum (--signaal actie-verlopen)")
	dagen := fs.Int("dagen", app.DefaultSignalDays, "met --signaal: vrijlating binnen zoveel dagen")
	nu := fs.String("nu", "", "met --signaal of --acties-over-datum: rekendatum JJJJ-MM-DD (standaard vandaag)")
	asCSV := fs.Bool("csv", false, "CSV voor Excel (met de stand per domein; vastgelegd in het logboek)")
	uit := fs.String("uit", "", "met --csv: CSV-bestand (standaard de uitvoer)")
	full := fs.Bool("volledig-bsn", false, "met --csv: het hele BSN in plaats van de laatste vier cijfers")
	sorteer := fs.String("sorteer", "naam", "volgorde: "+strings.Join(app.PersonSortNames(), ", ")+
		" (een domein: op de stand van dat domein, open eerst; wie geen opvolging heeft achteraan)")
	aflopend := fs.Bool("aflopend", false, "in omgekeerde volgorde (wie de waarde mist, blijft achteraan)")
	if err := parse(fs, e.args); err != nil {
		return err
	}
	if *asJSON && *asCSV {
		return usagef("Kies --json of --csv, niet allebei.")
	}
	if !*asCSV && (*uit != "" || *full) {
		return usagef("--uit en --volledig-bsn horen bij --csv.")
	}
	q := app.PersonQuery{Zoek: *zoek, Desc: *aflopend, HeeftPlan: *plan, AfsprakenGemeente: *afspraken, Mijn: *mijn}
	if err := app.ParsePersonSort(*sorteer, &q); err != nil {
		return usagef("Geef met --sorteer een van: %s.", strings.Join(app.PersonSortNames(), ", "))
	}
	if err := domainFilterFlags(&q, *domein, *status); err != nil {
		return err
	}
	if err := signalFlags(&q, *signaal, *overDatum, *dagen, *nu); err != nil {
		return err
	}
	if *asCSV {
		return personsCSV(ctx, e, q, *uit, app.ListOptions{VolledigBSN: *full})
	}
	if *asJSON {
		return writePersonsJSON(ctx, e, q)
	}
	return writePersonsTable(ctx, e, q)
}

// writePersonsJSON writes the persons of q as one JSON array, each row encoded as it
// comes from the database: byte for byte what writeJSON of the whole slice wrote, without
// holding the list (150,000 persons took 164–193 MB that way).
func writePersonsJSON(ctx context.Context, e *env, q app.PersonQuery) error {
	out := bufio.NewWriter(e.stdout)
	arr := jsonArray{w: out}
	err := e.svc.EachPerson(ctx, q, func(r app.PersonRow) error { return arr.add(toPersonJSON(r.Person)) })
	if err != nil {
		return err
	}
	if err := arr.close(); err != nil {
		return err
	}
	return out.Flush()
}

// writePersonsTable writes the persons of q as a table (a row at a time from the
// database; the tabwriter keeps only the text until it knows the column widths).
func writePersonsTable(ctx context.Context, e *env, q app.PersonQuery) error {
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	n := 0
	err := e.svc.EachPerson(ctx, q, func(r app.PersonRow) error {
		if n == 0 {
			fmt.Fprintln(tw, "ID\tNaam\tGeboortedatum\tBSN\tInrichting\tEinddatum")
		}
		n++
		_, err := fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", r.ID, app.Visible(r.FullName()), r.Geboortedatum.Dutch(),
			app.Visible(r.BSN), app.Visible(r.Inrichting), r.Einddatum.Dutch())
		return err
	})
	if err != nil {
		return err
	}
	if n == 0 {
		fmt.Fprintln(e.stdout, "Geen personen gevonden.")
		return nil
	}
	return tw.Flush()
}

// signalFlags reads --signaal, --acties-over-datum, --dagen and --nu into q.
func signalFlags(q *app.PersonQuery, signaal string, overDatum bool, dagen int, nu string) error {
	if overDatum {
		if signaal != "" && signaal != string(app.SignaalActieVerlopen) {
			return usagef("--acties-over-datum en --signaal %s gaan niet samen.", signaal)
		}
		signaal = string(app.SignaalActieVerlopen)
	}
	if signaal == "" {
		if nu != "" {
			return usagef("--nu filtert alleen samen met --signaal of --acties-over-datum.")
		}
		return nil
	}
	if q.Signaal = app.SignalKind(signaal); !q.Signaal.Valid() || q.Signaal == app.SignaalQuarantaine {
		var kinds []app.SignalKind
		for _, k := range app.SignalKinds() {
			if k != app.SignaalQuarantaine {
				kinds = append(kinds, k)
			}
		}
		return usagef("Geef met --signaal een van: %s.", choices(kinds))
	}
	if dagen < 1 || dagen > 366 {
		return usagef("--dagen moet tussen 1 en 366 liggen.")
	}
	q.SignaalDagen = dagen
	if nu != "" {
		t, err := app.ParseMoment(nu, zone())
		if err != nil {
			return usagef("--nu moet de vorm JJJJ-MM-DD hebben.")
		}
		q.SignaalVandaag = app.DateOf(t)
	}
	return nil
}

// personsCSV writes the persons of q as CSV to the file uit, or to the output when uit
// is "". The export is recorded in the audit log.
func personsCSV(ctx context.Context, e *env, q app.PersonQuery, uit string, opts app.ListOptions) error {
	l, err := e.svc.PersonListReport(ctx, e.now(), q, opts)
	if err != nil {
		return err
	}
	if uit == "" {
		return report.WriteListCSV(e.stdout, l)
	}
	if err := report.WriteFile(uit, func(w io.Writer) error { return report.WriteListCSV(w, l) }); err != nil {
		return writeError(uit, err)
	}
	fmt.Fprintf(e.stdout, "Personenlijst (%d personen) opgeslagen in %s.\n", len(l.Rijen), uit)
	return nil
}

// domainFilterFlags reads --domein and --domeinstatus into q.
func domainFilterFlags(q *app.PersonQuery, domein, status string) error {
	if status == "" {
		if domein != "" {
			return usagef("--domein filtert alleen samen met --domeinstatus.")
		}
		return nil
	}
	f, err := app.ParseDomainFilter(status)
	if err != nil {
		return usagef("Geef met --domeinstatus een van: %s.", choices(app.DomainFilters()))
	}
	q.DomeinStatus = f
	if domein == "" {
		return nil
	}
	if q.Domein, err = app.ParseDomain(domein); err != nil {
		return usagef("Geef met --domein een van: %s.", choices(app.Leefgebieden()))
	}
	return nil
}

func writeJSON(e *env, v any) error {
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
