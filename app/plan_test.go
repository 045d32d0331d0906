package app_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers"
)

// msgDecoder decodes "msg:N" to the constructed message N and anything else as v1 XML,
// so that the plan rules can be tested before (and apart from) the v2 parser.
type msgDecoder struct {
	importers.V1
	msgs map[string]*app.Message
}

func (m *msgDecoder) Extract(bron string, raw []byte) ([]app.Item, error) {
	if strings.HasPrefix(string(raw), "msg:") {
		return []app.Item{{Bron: bron, Raw: raw}}, nil
	}
	return m.V1.Extract(bron, raw)
}

func (m *msgDecoder) Parse(raw []byte) (*app.Message, error) {
	if msg, ok := m.msgs[string(raw)]; ok {
		c := *msg
		return &c, nil
	}
	return m.V1.Parse(raw)
}

type planWorld struct {
	*world
	dec *msgDecoder
}

func newPlanWorld(t *testing.T) *planWorld {
	dec := &msgDecoder{msgs: map[string]*app.Message{}}
	w := &planWorld{world: newWorldWith(t, dec), dec: dec}
	w.clock = time.Date(2024, 6, 5, 9, 0, 0, 0, time.UTC) // after the plans were sent
	return w
}

// importMsg imports a constructed message.
func (w *planWorld) importMsg(m *app.Message) app.Result {
	w.t.Helper()
	key := fmt.Sprintf("msg:%d", len(w.dec.msgs))
	w.dec.msgs[key] = m
	return w.importXML(key)
}

func samira() app.Subject {
	return app.Subject{BSN: "999995005", SKN: "23456789", Voornamen: "Samira", Achternaam: "El Idrissi",
		Geboortedatum: app.MustDate("1993-04-17")}
}

func planMessage(kenmerk, opgesteld string, verzonden time.Time, s app.Subject, areas ...app.LifeArea) *app.Message {
	return &app.Message{Versie: "2", Soort: app.DRPlan, Kenmerk: kenmerk, Verzonden: verzonden,
		InrichtingCode: "PI-VGT", Inrichting: "PI Vught", GemeenteCode: "0193", GemeenteNaam: "Zwolle", Betrokkene: s,
		Plan: &app.Plan{Opgesteld: app.MustDate(opgesteld), Grondslag: app.GrondslagPlan, Leefgebieden: areas}}
}

func examplePlan02() *app.Message {
	m := planMessage("DJI-2024-000202", "2024-03-12", time.Date(2024, 3, 12, 13, 0, 0, 0, time.UTC), samira(),
		app.LifeArea{Code: app.Onderdak, Situatie: "Huurwoning opgezegd tijdens detentie.",
			Onderwerpen: []app.Answer{{Code: "onderdak.na-detentie", Antwoord: "nee", Toelichting: "Zus zes weken."}},
			Doelen:      []string{"Binnen drie maanden eigen woonruimte."},
			Afspraken: []app.Agreement{
				{ID: "ond-1", Wie: app.WieGemeente, Status: app.AfspraakOpen, Datum: app.MustDate("2024-04-15"), Tekst: "Aanmelden woningcorporatie."},
				{ID: "ond-2", Wie: app.WieDJI, Status: app.AfspraakAfgerond, Tekst: "Inschrijving Woningnet."}}},
		app.LifeArea{Code: app.Zorg, Situatie: "zorgmarker ggz loopt.",
			Onderwerpen: []app.Answer{{Code: "zorg.verzekering", Antwoord: "geschorst"}},
			Afspraken: []app.Agreement{{ID: "zo-1", Wie: app.WieDJI, Status: app.AfspraakOpen,
				Datum: app.MustDate("2024-05-01"), Tekst: "Overdracht ggz."}}},
		app.LifeArea{Code: app.SociaalNetwerk, Situatie: "Goed contact met zus."})
	m.Plan.Algemeen = []app.Answer{{Code: "contact.bereikbaarheid", Toelichting: "Via zus."}}
	return m
}

func examplePlan03() *app.Message {
	return planMessage("DJI-2024-000203", "2024-05-28", time.Date(2024, 5, 28, 9, 0, 0, 0, time.UTC), samira(),
		app.LifeArea{Code: app.Onderdak, Situatie: "Huurwoning opgezegd tijdens detentie.",
			Afspraken: []app.Agreement{
				{ID: "ond-1", Wie: app.WieGemeente, Status: app.AfspraakAfgerond, Datum: app.MustDate("2024-04-15"), Tekst: "Aanmelden woningcorporatie."},
				{ID: "ond-3", Wie: app.WieGemeente, Status: app.AfspraakOpen, Datum: app.MustDate("2024-06-10"), Tekst: "Intake opvang."}}},
		app.LifeArea{Code: app.WerkEnInkomen, Afspraken: []app.Agreement{{ID: "wi-1", Wie: app.WieGemeente,
			Status: app.AfspraakLopend, Datum: app.MustDate("2024-06-01"), Tekst: "Bijstandsaanvraag klaarzetten."}}},
		app.LifeArea{Code: app.SociaalNetwerk, Situatie: "Goed contact met zus."})
}

// Rule 1: a plan for an unknown person creates the person and counts as legal-basis
// data; its leefgebieden carry grondslag art-18a-pbw; follow-up opens on all seven.
func TestPlanCreatesPersonWithGrondslag(t *testing.T) {
	w := newPlanWorld(t)
	r := w.importMsg(examplePlan02())
	if r.Resultaat != app.Geimporteerd || r.PersonID == 0 || r.Soort != app.DRPlan || r.Weggelaten != 0 {
		t.Fatalf("result = %+v", r)
	}
	f := w.file(r.PersonID)
	if f.Plan == nil || f.Plan.Kenmerk != "DJI-2024-000202" || f.Plan.Opgesteld.String() != "2024-03-12" ||
		len(f.Plan.Plan.Leefgebieden) != 3 || len(f.Plan.Plan.Algemeen) != 1 {
		t.Fatalf("plan = %+v", f.Plan)
	}
	if got, want := f.Plan.Plan, *examplePlan02().Plan; !reflect.DeepEqual(got, want) {
		t.Errorf("stored plan differs:\n got %+v\nwant %+v", got, want)
	}
	if len(f.Domeinen) != 7 {
		t.Errorf("%d domains, want 7", len(f.Domeinen))
	}
	for _, d := range app.Leefgebieden() {
		df := f.Domeinen[d]
		want := []string{}
		if d == app.Onderdak || d == app.Zorg || d == app.SociaalNetwerk {
			want = []string{app.GrondslagPlan}
		}
		if !reflect.DeepEqual(df.Grondslag, want) || df.Toestemming != app.ConsentOnbekend || !df.Opvolgbaar ||
			df.Opvolging.Status != app.FollowupOpen {
			t.Errorf("%s: grondslag %v, toestemming %s, opvolgbaar %v, opvolging %+v", d, df.Grondslag,
				df.Toestemming, df.Opvolgbaar, df.Opvolging)
		}
	}
	audit := w.audit(app.ActieImport)
	if last := audit[len(audit)-1]; last.Grondslag != app.GrondslagPlan {
		t.Errorf("import audited with grondslag %q", last.Grondslag)
	}
}

// Rule 2: a newer plan replaces the old one whole, purging what it no longer holds
// from the file; an older plan arriving late is recorded and changes nothing.
func TestNewerPlanReplacesOlderChangesNothing(t *testing.T) {
	w := newPlanWorld(t)
	id := w.importMsg(examplePlan02()).PersonID
	w.present("zorgmarker")
	r := w.importMsg(examplePlan03())
	if r.Resultaat != app.Geimporteerd || r.PersonID != id {
		t.Fatalf("newer plan: %+v", r)
	}
	w.absent("zorgmarker")
	f := w.file(id)
	if f.Plan.Kenmerk != "DJI-2024-000203" || !reflect.DeepEqual(f.Plan.Plan, *examplePlan03().Plan) {
		t.Errorf("current plan = %+v", f.Plan)
	}
	if g := f.Domeinen[app.Zorg].Grondslag; len(g) != 0 {
		t.Errorf("zorg grondslag = %v, want none", g)
	}
	var purge *app.AuditEntry
	for _, e := range w.audit(app.ActiePurge) {
		if e.Bron == "DJI-2024-000203" {
			purge = &e
		}
	}
	// zorg: situatie, topic, zo-1; onderdak: its topic, goal and ond-2; the general topic.
	if purge == nil || purge.Aantal != 7 || purge.Grondslag != app.GrondslagPlan ||
		!reflect.DeepEqual(purge.Domeinen, []app.Domain{app.Onderdak, app.Zorg}) {
		t.Errorf("purge audit = %+v", purge)
	}

	late := examplePlan02()
	late.Kenmerk = "DJI-2024-000199" // an older version, arriving after the newer one
	if r := w.importMsg(late); r.Resultaat != app.Geimporteerd || r.PersonID != id {
		t.Fatalf("late older plan: %+v", r)
	}
	if f := w.file(id); f.Plan.Kenmerk != "DJI-2024-000203" {
		t.Errorf("an older plan replaced the current one: %s", f.Plan.Kenmerk)
	}
	w.absent("zorgmarker")
	if r := w.importMsg(late); r.Resultaat != app.Dubbel {
		t.Errorf("its kenmerk is not known: %+v", r)
	}
}

// Rule 3: while a person has a plan, follow-up is allowed on every domain and an
// intrekking no longer purges it; rule 1: a plan does not revive purged v1 data.
func TestFollowupRestsOnThePlan(t *testing.T) {
	w := newPlanWorld(t)
	ctx := context.Background()
	w.mustImport(sheet("999990019", "Berg", "2019-06-03", "blad", app.Schulden, app.Onderdak))
	id := w.personID("999990019")
	_, err := w.svc.SetFollowup(ctx, id, app.SociaalNetwerk, app.FollowupEdit{Status: app.FollowupInBehandeling})
	var cre *app.ConsentRequiredError
	if !errors.As(err, &cre) {
		t.Fatalf("follow-up on sociaal-netwerk without a plan: %v", err)
	}
	berg := app.Subject{BSN: "999990019", Voornamen: "Piet", Achternaam: "Berg", Geboortedatum: app.MustDate("1980-01-01")}
	w.importMsg(planMessage("DJI-2024-000205", "2024-04-02", time.Date(2024, 4, 2, 8, 0, 0, 0, time.UTC), berg,
		app.LifeArea{Code: app.Schulden, Situatie: "plansituatie schulden"}))
	for _, d := range []app.Domain{app.SociaalNetwerk, app.Zorg, app.Schulden} {
		if _, err := w.svc.SetFollowup(ctx, id, d, app.FollowupEdit{Status: app.FollowupInBehandeling}); err != nil {
			t.Fatalf("follow-up on %s with a plan: %v", d, err)
		}
	}
	_, err = w.svc.AddContact(ctx, id, app.ContactMoment{Domain: app.Schulden, Kanaal: app.KanaalTelefoon,
		Notitie: "contactnotitie-schulden", Tijd: w.clock.Add(-time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	w.present("blad-schulden", "contactnotitie-schulden")
	w.mustImport(intrekking("999990019", "Berg", "2019-07-01", "schulden"))
	w.absent("blad-schulden") // the informatieblad's schulden data goes
	f := w.file(id)
	sch := f.Domeinen[app.Schulden]
	if sch.Toestemming != app.ConsentIngetrokken || !sch.Data.Empty() {
		t.Errorf("schulden = %+v", sch)
	}
	if sch.Opvolging.Status != app.FollowupInBehandeling || len(sch.Contacten) != 1 {
		t.Errorf("the intrekking purged follow-up that rests on the plan: %+v", sch.Opvolging)
	}
	if !reflect.DeepEqual(sch.Grondslag, []string{app.GrondslagPlan}) ||
		!reflect.DeepEqual(f.Domeinen[app.Onderdak].Grondslag, []string{app.GrondslagToestemming}) {
		t.Errorf("grondslag schulden %v, onderdak %v", sch.Grondslag, f.Domeinen[app.Onderdak].Grondslag)
	}
	bases := map[app.Domain]string{}
	for _, e := range w.audit(app.ActieWijziging) {
		if len(e.Domeinen) == 1 {
			bases[e.Domeinen[0]] = e.Grondslag
		}
	}
	if bases[app.SociaalNetwerk] != app.GrondslagPlan || bases[app.Schulden] != app.GrondslagToestemming {
		t.Errorf("follow-up audited with grondslag %v", bases)
	}
}

// Rule 1 and v1 rule 6: the plan is legal-basis data, so revoking all consent of a
// person who has a plan and no detention keeps the person.
func TestPlanKeepsPersonUnderRule6(t *testing.T) {
	w := newPlanWorld(t)
	w.mustImport(sheet("999990019", "Berg", "2019-06-03", "blad", app.Schulden))
	berg := app.Subject{BSN: "999990019", Voornamen: "Piet", Achternaam: "Berg", Geboortedatum: app.MustDate("1980-01-01")}
	w.importMsg(planMessage("DJI-2024-000205", "2024-04-02", time.Date(2024, 4, 2, 8, 0, 0, 0, time.UTC), berg))
	w.mustImport(intrekking("999990019", "Berg", "2019-07-01", "alle"))
	if w.personCount() != 1 {
		t.Error("a person with a plan was removed under rule 6")
	}
	f := w.file(w.personID("999990019"))
	if f.Domeinen[app.SociaalNetwerk].Toestemming != app.ConsentOnbekend {
		t.Errorf("sociaal-netwerk toestemming = %s after intrekking alle", f.Domeinen[app.SociaalNetwerk].Toestemming)
	}
}

// A risicomelding never enters a file: quarantined with the spec's reason.
func TestRisicomeldingIsQuarantined(t *testing.T) {
	w := newPlanWorld(t)
	m := planMessage("DJI-2024-000206", "2024-05-01", time.Date(2024, 5, 1, 7, 0, 0, 0, time.UTC), samira())
	m.Soort, m.Plan, m.Risicomelding = app.Risicomelding, nil, &app.RiskReport{Opgesteld: app.MustDate("2024-05-01")}
	r := w.importMsg(m)
	if r.Resultaat != app.Quarantaine || r.Reden != app.RisicomeldingReden || w.personCount() != 0 {
		t.Errorf("risicomelding: %+v, %d persons", r, w.personCount())
	}
}

// The person filters "heeft D&R-plan" and "open afspraken voor de gemeente".
func TestPersonFiltersOnPlan(t *testing.T) {
	w := newPlanWorld(t)
	w.mustImport(melding("999990019", "Berg", "2024-02-01", "2024-07-31"))
	w.importMsg(examplePlan02())
	other := planMessage("DJI-2024-000300", "2024-03-01", time.Date(2024, 3, 1, 8, 0, 0, 0, time.UTC),
		app.Subject{BSN: "999990032", Achternaam: "Zonder", Geboortedatum: app.MustDate("1970-01-01")},
		app.LifeArea{Code: app.Onderdak, Afspraken: []app.Agreement{{ID: "x", Wie: app.WieGemeente,
			Status: app.AfspraakAfgerond, Tekst: "klaar"}}})
	w.importMsg(other)
	names := func(q app.PersonQuery) string {
		rows, err := w.svc.Persons(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range rows {
			out = append(out, r.Achternaam)
		}
		return strings.Join(out, ",")
	}
	if got := names(app.PersonQuery{HeeftPlan: true}); got != "El Idrissi,Zonder" {
		t.Errorf("heeft plan: %s", got)
	}
	if got := names(app.PersonQuery{AfsprakenGemeente: true}); got != "El Idrissi" {
		t.Errorf("afspraken gemeente: %s", got)
	}
}

// Removing a person removes the plan too, counted in the audit and gone from the file.
func TestRemovePersonWithPlan(t *testing.T) {
	w := newPlanWorld(t)
	id := w.importMsg(examplePlan02()).PersonID
	w.present("zorgmarker")
	if err := w.svc.RemovePerson(context.Background(), id); err != nil {
		t.Fatal(err)
	}
	w.absent("zorgmarker")
	var removed *app.AuditEntry
	for _, e := range w.audit(app.ActiePurge) {
		if e.Resultaat == "verwijderd" {
			removed = &e
		}
	}
	// onderdak 5 items, zorg 3, sociaal-netwerk 1, the general topic 1.
	if removed == nil || removed.Aantal != 10 ||
		!reflect.DeepEqual(removed.Domeinen, []app.Domain{app.Onderdak, app.Zorg, app.SociaalNetwerk}) {
		t.Errorf("removal audit = %+v", removed)
	}
}

// The domain-status filter sees the follow-up of a person with a plan on every
// leefgebieden, whatever the consent (v2 rule 3).
func TestDomainFilterWithPlan(t *testing.T) {
	w := newPlanWorld(t)
	ctx := context.Background()
	id := w.importMsg(examplePlan02()).PersonID
	w.mustImport(sheet("999990019", "Berg", "2019-06-03", "blad", app.Zorg)) // consented, open
	set := func(d app.Domain, s app.FollowupStatus) {
		if _, err := w.svc.SetFollowup(ctx, id, d, app.FollowupEdit{Status: s}); err != nil {
			t.Fatal(err)
		}
	}
	set(app.Onderdak, app.FollowupGeregeld)
	set(app.SociaalNetwerk, app.FollowupInBehandeling)
	cases := []struct {
		d    app.Domain
		f    app.DomainFilter
		want []string
	}{
		{"", app.FilterOpen, []string{"999990019", "999995005"}},
		{app.Onderdak, app.FilterOpen, nil},
		{app.Onderdak, app.FilterGeregeld, []string{"999995005"}},
		{app.Zorg, app.FilterOpen, []string{"999990019", "999995005"}},
		{app.SociaalNetwerk, app.FilterNietGeregeld, []string{"999995005"}},
		{"", app.FilterGeregeld, []string{"999995005"}},
		{app.Zorg, app.FilterGeenToestemming, nil},
	}
	for _, c := range cases {
		if got := w.filterBSNs(c.d, c.f); !slices.Equal(got, c.want) {
			t.Errorf("%q %s: %v, want %v", c.d, c.f, got, c.want)
		}
	}
	for _, d := range app.Leefgebieden() {
		set(d, app.FollowupNietNodig)
	}
	if got := w.filterBSNs("", app.FilterOpen); !slices.Equal(got, []string{"999990019"}) {
		t.Errorf("everything niet nodig: open %v", got)
	}
}
