package report_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers"
	"github.com/terugkeer/terugkeer/report"
	"github.com/terugkeer/terugkeer/report/reporttest"
	"github.com/terugkeer/terugkeer/storage/sqlite"
)

// bergFile is Jan Willem van der Berg as the spec's examples leave him: his 2019
// informatieblad with onderdak, schulden revoked, and his 2024 plan holding schulden.
func bergFile() *app.PersonFile {
	sheet := app.MustDate("2019-06-03")
	plan := &app.StoredPlan{Kenmerk: "DJI-2024-000205", Opgesteld: app.MustDate("2024-05-28"), Plan: app.Plan{
		Opgesteld: app.MustDate("2024-05-28"), Grondslag: app.GrondslagPlan,
		Leefgebieden: []app.LifeArea{{
			Code: app.Schulden, Situatie: "Schulden bij zorgverzekeraar en energieleverancier.",
			Onderwerpen: []app.Answer{{Code: "schulden.aanwezig", Antwoord: "ja", Toelichting: "Omvang onbekend."}},
			Doelen:      []string{"Aanmelding bij de schuldhulpverlening."},
			Afspraken: []app.Agreement{
				{ID: "sch-1", Wie: app.WieGemeente, Status: app.AfspraakOpen, Datum: app.MustDate("2024-06-10"), Tekst: "Aanmelden bij de schuldhulpverlening."},
				{ID: "sch-2", Wie: app.WieDJI, Status: app.AfspraakAfgerond, Tekst: "Overzicht schuldeisers opgevraagd."},
			},
		}},
	}}
	f := &app.PersonFile{
		Person: app.Person{ID: 1, BSN: "999990019", Voornamen: "Jan Willem", Voorvoegsel: "van der", Achternaam: "Berg",
			Geboortedatum: app.MustDate("1985-03-12")},
		Detenties: []app.Detention{{Inrichting: "PI Zwolle", Begindatum: app.MustDate("2024-04-02")}},
		Domeinen:  map[app.Domain]app.DomainFile{},
		Plan:      plan,
	}
	for _, d := range app.Leefgebieden() {
		f.Domeinen[d] = app.DomainFile{Toestemming: app.ConsentOnbekend}
	}
	f.Domeinen[app.Onderdak] = app.DomainFile{Toestemming: app.ConsentJa, Opgesteld: sheet, Grondslag: []string{app.GrondslagToestemming},
		Data: app.DomainData{Onderwerpen: []app.Answer{{Code: "onderdak.voor-detentie", Antwoord: "huur"}}, Hulpvraag: "Zoekt tijdelijke opvang."}}
	f.Domeinen[app.Schulden] = app.DomainFile{Toestemming: app.ConsentIngetrokken, Opgesteld: sheet,
		IngetrokkenOp: app.MustDate("2019-07-01"), Grondslag: []string{app.GrondslagPlan}}
	return f
}

// The person overview prints the plan per leefgebied under its basis, apart from the
// informatieblad's data under its own, and the basis of the detention data.
func TestPersonOverviewPlanAndGrondslag(t *testing.T) {
	reporttest.NeedPDFToText(t)
	kop := app.ReportHeader{Gemeenten: []string{"0193"}, Afgedrukt: reporttest.Clock}
	r := app.BuildPersonReport(bergFile(), kop, app.MustDate("2024-06-05"), app.PersonReportOptions{})
	pdf, err := report.Person(r)
	if err != nil {
		t.Fatal(err)
	}
	text := reporttest.PDFText(t, pdf, 0, 0)
	if out := os.Getenv("PLAN_PDF"); out != "" {
		os.WriteFile(out, pdf, 0o600)
	}
	contains(t, text,
		"Grondslag: art. 51c Wjsg",
		"Re-integratieplan", "Grondslag: art. 18a Pbw, D&R-plan van 28-05-2024",
		"Situatie", "Schulden bij zorgverzekeraar en",
		"Schulden aanwezig?", "Omvang onbekend.", "Doel", "Aanmelding bij de schuldhulpverlening.",
		"Afspraak sch-1 (gemeente, open)", "datum 10-06-2024", "Afspraak sch-2 (DJI, afgerond)",
		"Toestemming ingetrokken op 01-07-2019",
		"De gegevens uit het informatieblad zijn verwijderd omdat de toestemming is ingetrokken.",
		"Grondslag: toestemming, informatieblad van 03-06-2019", "Woonsituatie voor detentie", "Zoekt tijdelijke opvang.",
		"Alleen in het D&R-plan",
	)
	// Without a plan no plan block is printed.
	f := bergFile()
	f.Plan = nil
	r = app.BuildPersonReport(f, kop, app.MustDate("2024-06-05"), app.PersonReportOptions{})
	pdf, err = report.Person(r)
	if err != nil {
		t.Fatal(err)
	}
	text = reporttest.PDFText(t, pdf, 0, 0)
	lacks(t, text, "Re-integratieplan", "art. 18a Pbw", "Aanmelden bij de schuldhulpverlening.", "Alleen in het D&R-plan")
	contains(t, text, "Grondslag: art. 51c Wjsg", "Grondslag: toestemming, informatieblad van 03-06-2019")
}

// The person overview of Samira El Idrissi, imported from the examples of both versions
// through the real decoder and store: her current plan per leefgebied with its basis;
// zorg, which only the older plan held, is not printed.
func TestPersonOverviewOfImportedPlan(t *testing.T) {
	reporttest.NeedPDFToText(t)
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "terugkeer.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	svc := app.NewService(st, importers.Decoder{}, func() time.Time { return time.Date(2024, 6, 5, 10, 0, 0, 0, time.UTC) })
	if err := svc.Init(ctx, []string{"0193"}); err != nil {
		t.Fatal(err)
	}
	for _, e := range importers.AllExamples() {
		if _, err := svc.ImportBytes(ctx, e.Name, "", e.Data); err != nil {
			t.Fatal(err)
		}
	}
	id, err := svc.FindPerson(ctx, "999995005", "")
	if err != nil {
		t.Fatal(err)
	}
	r, err := svc.PersonReport(ctx, id, app.PersonReportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := report.Person(r)
	if err != nil {
		t.Fatal(err)
	}
	text := reporttest.PDFText(t, pdf, 0, 0)
	contains(t, text, "Samira El Idrissi", "Grondslag: art. 51c Wjsg", "Re-integratieplan",
		"Grondslag: art. 18a Pbw, D&R-plan van 28-05-2024", "Zus heeft ruimte voor hooguit zes weken.",
		"Afspraak ond-1 (gemeente, afgerond)", "Afspraak ond-3 (gemeente, open)", "datum 10-06-2024",
		"Afspraak wi-1 (gemeente, lopend)", "Sociaal netwerk", "Goed contact met haar zus", "Via haar zus, 06 0000 0000.")
	lacks(t, text, "Behandeling bij de ggz loopt in de inrichting.", "Overdracht naar de ggz", "999995005")
}
