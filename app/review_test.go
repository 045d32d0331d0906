package app_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/internal/apptest"
)

// other is the betrokkene of a message with Berg's BSN but another date of birth; skn
// "" leaves the SKN out.
func other(skn string) app.Subject {
	s := apptest.Subject("999990019", "Berg")
	s.Voornamen, s.Geboortedatum, s.SKN = "Karel", app.MustDate("1975-03-04"), skn
	return s
}

// sheetOf is an informatieblad about s consenting to ja, each with a topic and a
// hulpvraag holding marker+"-"+domain.
func sheetOf(s app.Subject, opgesteld, marker string, ja ...app.Domain) string {
	m := apptest.Sheet(s, opgesteld, ja...)
	topic := map[app.Domain]string{app.Onderdak: "onderdak.na-detentie", app.Schulden: "schulden.aanwezig",
		app.Zorg: "zorg.medicatie"}
	for _, d := range ja {
		m.Informatieblad.Onderwerpen = append(m.Informatieblad.Onderwerpen,
			app.Answer{Code: topic[d], Antwoord: "ja", Toelichting: fmt.Sprintf("toel %s-%s", marker, d)})
		m.Informatieblad.Hulpvragen[d] = fmt.Sprintf("hulp %s-%s", marker, d)
	}
	return string(apptest.XML(m))
}

// bergWithSheet is Berg's file: a melding and a sheet consenting to schulden and zorg
// (marker OUD); it returns his id.
func bergWithSheet(w *world) int64 {
	w.t.Helper()
	w.mustImport(melding("999990019", "Berg", "2019-05-01", "2019-10-01"))
	w.mustImport(sheet("999990019", "Berg", "2019-06-03", "OUD", app.Schulden, app.Zorg))
	return w.personID("999990019")
}

// heldSheet imports the other person's sheet (consent for onderdak only, newer: under
// rule 2 it would withdraw Berg's schulden and zorg) and checks that it waits.
func heldSheet(w *world, skn string) app.Result {
	w.t.Helper()
	r := w.importXML(sheetOf(other(skn), "2019-07-01", "NIEUW", app.Onderdak))
	if r.Resultaat != app.Geimporteerd || !r.WaitsForReview() || r.Reden != app.ControleReden {
		w.t.Fatalf("result %+v, want geimporteerd and waiting for controle", r)
	}
	return r
}

func (w *world) reviews() []app.Held {
	w.t.Helper()
	hs, err := w.svc.ReviewList(context.Background())
	if err != nil {
		w.t.Fatal(err)
	}
	return hs
}

// An informatieblad with Berg's BSN and another date of birth is not applied: his
// answers stay, nothing is purged, the file shows the message beside his data, and the
// same message again is dubbel.
func TestHeldSheetIsNotApplied(t *testing.T) {
	w := newWorld(t)
	id := bergWithSheet(w)
	r := heldSheet(w, "")
	if r.PersonID != id {
		t.Errorf("held for person %d, want %d", r.PersonID, id)
	}
	f := w.file(id)
	if got := f.Domeinen[app.Schulden].Toestemming; got != app.ConsentJa {
		t.Errorf("schulden = %s, want ja: the held sheet was applied", got)
	}
	if got := f.Domeinen[app.Onderdak].Toestemming; got == app.ConsentJa {
		t.Error("onderdak = ja: the held sheet was applied")
	}
	w.present("OUD-schulden")
	if !f.Person.ControleNodig || len(f.Controle) != 1 {
		t.Fatalf("flag %v, %d held in the file; want flagged with 1", f.Person.ControleNodig, len(f.Controle))
	}
	c := f.Controle[0]
	if !c.Bericht.Geboortedatum.Equal(app.MustDate("1975-03-04")) || c.Bericht.Voornamen != "Karel" ||
		!c.Bestaand.Geboortedatum.Equal(app.MustDate("1980-01-01")) || c.Held.Soort != app.Informatieblad {
		t.Errorf("comparison = %+v / %+v", c.Bestaand, c.Bericht)
	}
	if n, err := w.svc.ReviewCount(context.Background()); err != nil || n != 1 {
		t.Errorf("ReviewCount = %d, %v", n, err)
	}
	if len(w.audit(app.ActieImport)) == 0 || !slices.ContainsFunc(w.audit(app.ActieImport),
		func(e app.AuditEntry) bool { return e.Resultaat == app.ResultaatWachtOpControle && e.ObjectID == id }) {
		t.Error("no audit entry wacht-op-controle")
	}
}

// The same bytes arriving twice while held are dubbel, not held twice.
func TestHeldMessageAgainIsDubbel(t *testing.T) {
	w := newWorld(t)
	bergWithSheet(w)
	x := sheetOf(other(""), "2019-07-01", "NIEUW", app.Onderdak)
	if r := w.importXML(x); !r.WaitsForReview() {
		t.Fatalf("first: %+v", r)
	}
	if r := w.importXML(x); r.Resultaat != app.Dubbel {
		t.Errorf("again: %s, want dubbel", r.Resultaat)
	}
	if n := len(w.reviews()); n != 1 {
		t.Errorf("%d held, want 1", n)
	}
}

// "Zelfde persoon" applies the held sheet as the import would have: onderdak gains
// consent, schulden and zorg are withdrawn (rule 2) and purged; the flag goes.
func TestDecideSameApplies(t *testing.T) {
	w := newWorld(t)
	id := bergWithSheet(w)
	r := heldSheet(w, "")
	got, err := w.svc.DecideSame(context.Background(), r.ControleID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Resultaat != app.Geimporteerd || got.PersonID != id || got.WaitsForReview() {
		t.Errorf("result %+v", got)
	}
	f := w.file(id)
	if s := f.Domeinen[app.Onderdak].Toestemming; s != app.ConsentJa {
		t.Errorf("onderdak = %s, want ja", s)
	}
	if s := f.Domeinen[app.Schulden].Toestemming; s != app.ConsentIngetrokken {
		t.Errorf("schulden = %s, want ingetrokken", s)
	}
	w.absent("OUD-schulden")
	if f.Person.ControleNodig || len(f.Controle) != 0 || len(w.reviews()) != 0 {
		t.Errorf("flag %v, %d held after the decision", f.Person.ControleNodig, len(f.Controle))
	}
	if !f.Person.Geboortedatum.Equal(app.MustDate("1980-01-01")) {
		t.Errorf("geboortedatum = %s: a decision does not overwrite what is known", f.Person.Geboortedatum)
	}
	es := w.audit(app.ActieControle)
	if len(es) != 1 || es[0].Resultaat != app.ResultaatZelfdePersoon || es[0].ObjectID != id {
		t.Errorf("audit = %+v", es)
	}
	if _, err := w.svc.DecideSame(context.Background(), r.ControleID); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("second decision: %v, want ErrNotFound", err)
	}
}

// A revocation signed after the held sheet, arriving before the decision, still wins
// when the sheet is applied (rule 4): the order of signing counts, not of deciding. (A
// revocation of a domain the held sheet holds data of destroys it: TestHeldContentIsPurged.)
func TestDecideSameKeepsRevocationOrder(t *testing.T) {
	w := newWorld(t)
	id := bergWithSheet(w)
	m := apptest.Sheet(other(""), "2019-07-01", app.Onderdak, app.ZorgVoorThuis) // data for onderdak only
	m.Informatieblad.Onderwerpen = []app.Answer{{Code: "onderdak.na-detentie", Antwoord: "ja", Toelichting: "toel NIEUW-onderdak"}}
	r := w.importXML(string(apptest.XML(m)))
	if !r.WaitsForReview() {
		t.Fatalf("%+v", r)
	}
	w.mustImport(intrekking("999990019", "Berg", "2019-07-15", "zorg-voor-thuis"))
	if len(w.reviews()) != 1 {
		t.Fatal("the held sheet holds no zorg-voor-thuis data, yet it went")
	}
	if _, err := w.svc.DecideSame(context.Background(), r.ControleID); err != nil {
		t.Fatal(err)
	}
	f := w.file(id)
	if s := f.Domeinen[app.ZorgVoorThuis].Toestemming; s != app.ConsentIngetrokken {
		t.Errorf("zorg-voor-thuis = %s, want ingetrokken (revoked after the sheet)", s)
	}
	if s := f.Domeinen[app.Onderdak].Toestemming; s != app.ConsentJa {
		t.Errorf("onderdak = %s, want ja", s)
	}
}

// "Andere persoon" gives the message a file of its own under its SKN, without the BSN
// (it stays with Berg, unchanged), and its consent is not Berg's.
func TestDecideOtherCreatesPerson(t *testing.T) {
	w := newWorld(t)
	id := bergWithSheet(w)
	r := heldSheet(w, "1234567")
	got, err := w.svc.DecideOther(context.Background(), r.ControleID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Resultaat != app.Geimporteerd || got.PersonID == 0 || got.PersonID == id {
		t.Fatalf("result %+v, want a new person", got)
	}
	nf := w.file(got.PersonID)
	if nf.Person.BSN != "" || nf.Person.SKN != "1234567" || nf.Person.Voornamen != "Karel" ||
		!nf.Person.Geboortedatum.Equal(app.MustDate("1975-03-04")) {
		t.Errorf("new person = %+v", nf.Person)
	}
	if s := nf.Domeinen[app.Onderdak].Toestemming; s != app.ConsentJa {
		t.Errorf("new person's onderdak = %s, want ja", s)
	}
	f := w.file(id)
	if s := f.Domeinen[app.Schulden].Toestemming; s != app.ConsentJa {
		t.Errorf("Berg's schulden = %s, want ja: the other person's sheet reached him", s)
	}
	if s := f.Domeinen[app.Onderdak].Toestemming; s == app.ConsentJa {
		t.Error("Berg's onderdak = ja: the other person's consent reached him")
	}
	w.present("OUD-schulden")
	if f.Person.ControleNodig || w.personCount() != 2 {
		t.Errorf("flag %v, %d persons", f.Person.ControleNodig, w.personCount())
	}
	es := w.audit(app.ActieControle)
	if len(es) != 1 || es[0].Resultaat != app.ResultaatAnderePersoon {
		t.Errorf("audit = %+v", es)
	}
	// A later message of the other person is held again and goes to the same file.
	r2 := w.importXML(melding2(other("1234567"), "2019-08-01"))
	if !r2.WaitsForReview() {
		t.Fatalf("second message %+v", r2)
	}
	got2, err := w.svc.DecideOther(context.Background(), r2.ControleID)
	if err != nil || got2.PersonID != got.PersonID {
		t.Errorf("second decision: %+v, %v; want person %d", got2, err, got.PersonID)
	}
}

func melding2(s app.Subject, begin string) string {
	return string(apptest.XML(apptest.Melding(s, begin, "")))
}

// Without an SKN nothing identifies another person (the BSN is Berg's): the message
// goes to quarantine with that reason, and nothing is applied.
func TestDecideOtherWithoutSKNQuarantines(t *testing.T) {
	w := newWorld(t)
	id := bergWithSheet(w)
	r := heldSheet(w, "")
	got, err := w.svc.DecideOther(context.Background(), r.ControleID)
	if err != nil {
		t.Fatal(err)
	}
	wantQuarantine(t, got, "geen eigen strafrechtsketennummer")
	if w.personCount() != 1 || len(w.reviews()) != 0 {
		t.Errorf("%d persons, %d held", w.personCount(), len(w.reviews()))
	}
	if f := w.file(id); f.Domeinen[app.Schulden].Toestemming != app.ConsentJa || f.Person.ControleNodig {
		t.Errorf("Berg changed: %s, flag %v", f.Domeinen[app.Schulden].Toestemming, f.Person.ControleNodig)
	}
}

// A melding and a D&R-plan are held too; an intrekking never is.
func TestWhatIsHeld(t *testing.T) {
	w := newWorld(t)
	id := bergWithSheet(w)
	if r := w.importXML(melding2(other(""), "2019-08-01")); !r.WaitsForReview() {
		t.Errorf("melding: %+v", r)
	}
	plan := apptest.DRPlan(other(""), "2019-08-02", app.LifeArea{Code: app.Onderdak, Situatie: "Woning gezocht."})
	if r := w.importXML(string(apptest.XML(plan))); !r.WaitsForReview() {
		t.Errorf("dr-plan: %+v (%s)", r, r.Reden)
	}
	rv := apptest.Revocation(other(""), "2019-08-03", app.Zorg)
	if r := w.importXML(string(apptest.XML(rv))); r.WaitsForReview() || r.Resultaat != app.Geimporteerd {
		t.Errorf("intrekking: %+v, want applied", r)
	}
	f := w.file(id)
	if len(f.Detenties) != 1 || f.Plan != nil {
		t.Errorf("held melding or plan applied: %d detentions, plan %v", len(f.Detenties), f.Plan != nil)
	}
	if s := f.Domeinen[app.Zorg].Toestemming; s != app.ConsentIngetrokken {
		t.Errorf("zorg = %s, want ingetrokken: a revocation is never held back", s)
	}
}

// Held content is personal data: removing the person takes it (counted, its mail
// queued), a revocation that reaches it destroys it, and so does the quarantine term.
func TestHeldContentIsPurged(t *testing.T) {
	ctx := context.Background()
	t.Run("removal", func(t *testing.T) {
		w := newWorld(t)
		id := bergWithSheet(w)
		rs, err := w.svc.ImportBytes(ctx, "mail", "<gehouden@dji.example.test>",
			[]byte(sheetOf(other(""), "2019-07-01", "GEHOUDEN", app.Onderdak)))
		if err != nil || len(rs) != 1 || !rs[0].WaitsForReview() {
			t.Fatalf("%+v, %v", rs, err)
		}
		w.present("GEHOUDEN-onderdak")
		if err := w.svc.RemovePerson(ctx, id); err != nil {
			t.Fatal(err)
		}
		if len(w.reviews()) != 0 {
			t.Error("held message outlived its person")
		}
		w.absent("GEHOUDEN-onderdak")
		pending, err := w.svc.PendingMailDeletions(ctx)
		if err != nil || !slices.Contains(pending, "<gehouden@dji.example.test>") {
			t.Errorf("mail deletions = %v, %v", pending, err)
		}
		es := w.audit(app.ActiePurge)
		if n := es[len(es)-1].Aantal; n < 1 {
			t.Errorf("removal counted %d items", n)
		}
	})
	t.Run("revocation", func(t *testing.T) {
		w := newWorld(t)
		bergWithSheet(w)
		heldSheet(w, "")
		w.present("NIEUW-onderdak")
		w.mustImport(intrekking("999990019", "Berg", "2019-07-20", "onderdak"))
		if len(w.reviews()) != 0 {
			t.Error("a revocation of onderdak left the held sheet with onderdak data")
		}
		w.absent("NIEUW-onderdak")
		es := w.audit(app.ActiePurge)
		if !slices.ContainsFunc(es, func(e app.AuditEntry) bool { return e.Resultaat == app.ResultaatControleGewist && e.Aantal == 1 }) {
			t.Errorf("audit = %+v", es)
		}
	})
	t.Run("term", func(t *testing.T) {
		w := newWorld(t)
		bergWithSheet(w)
		heldSheet(w, "") // received on the clock's day
		received := w.clock
		rep, err := w.svc.RunRetention(ctx, received.AddDate(0, 3, -1), false)
		if err != nil || rep.Controle != 0 || len(w.reviews()) != 1 {
			t.Fatalf("before the term: %+v, %v, %d held", rep, err, len(w.reviews()))
		}
		rep, err = w.svc.RunRetention(ctx, received.AddDate(0, 3, 1), false)
		if err != nil || rep.Controle != 1 || len(w.reviews()) != 0 {
			t.Fatalf("after the term: %+v, %v, %d held", rep, err, len(w.reviews()))
		}
		w.absent("NIEUW-onderdak")
	})
}
