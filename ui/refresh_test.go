package ui

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers"
	"github.com/terugkeer/terugkeer/internal/apptest"
	"github.com/terugkeer/terugkeer/storage"
)

// colleague is a second service on the same database: a colleague on the team's
// PostgreSQL database, or the CLI writing the same SQLite file.
func colleague(t *testing.T, w *apptest.World) *app.Service {
	t.Helper()
	db, err := storage.Open(context.Background(), w.Source)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return app.NewService(db, importers.Decoder{}, func() time.Time { return exampleNow })
}

// tick is one tick of the poller, and the work it started.
func tick(s *Shell) {
	s.PollChanges()
	s.Wait()
}

func inzagen(t *testing.T, svc *app.Service, id int64) int {
	t.Helper()
	es, err := svc.AuditLog(context.Background(), app.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range es {
		if e.Actie == app.ActieInzage && e.Object == app.ObjectPersoon && e.ObjectID == id {
			n++
		}
	}
	return n
}

// What a colleague changes appears in the open window at the next tick of the poller,
// without a click: the person list (where it stands), the open person's file, Overzicht,
// Mijn acties. An unchanged file is not read again (no inzage recorded), and while a form
// is open the screen behind it waits, so what is typed stays.
func TestRefreshShowsWhatAColleagueChanged(t *testing.T) {
	ctx := context.Background()
	w := apptest.Open(t, apptest.WithClock(exampleNow), apptest.WithUser("Mirjam"))
	w.ImportExamples(false)
	mine, other := w.Svc, colleague(t, w)
	s, win := newShell(t, mine, Options{})

	// Personen: a person the colleague imports appears; the highlighted row stays.
	s.Show(SectionPersonen)
	s.Wait()
	before := s.Persons.Rows()
	s.Persons.table.highlight(1)
	tick(s) // nothing changed: nothing happens
	rs, err := other.ImportBytes(ctx, "collega.xml", "", apptest.XML(apptest.Melding(apptest.Subject("999991012", "Collegaland"), "2019-01-01", "2019-09-30")))
	if err != nil || len(rs) != 1 || rs[0].Resultaat != app.Geimporteerd {
		t.Fatalf("the colleague's import: %+v, %v", rs, err)
	}
	if got := s.Persons.Rows(); got != before {
		t.Fatalf("the list changed before the poller ticked: %d rows, had %d", got, before)
	}
	tick(s)
	if got := s.Persons.Rows(); got != before+1 {
		t.Fatalf("after the tick the list has %d rows, want %d (the colleague's import)", got, before+1)
	}
	if !slices.ContainsFunc(visibleTexts(s.Persons.Content()), func(x string) bool { return strings.Contains(x, "Collegaland") }) {
		t.Error("the colleague's person is not in the list after the tick")
	}
	if s.Persons.table.row != 1 {
		t.Errorf("the highlighted row moved to %d after the refresh, want 1", s.Persons.table.row)
	}

	// The open file: a contact the colleague records appears; looking is not recorded
	// again when nothing changed.
	p := openBerg(t, mine, s)
	id, shown := p.ID(), p.file
	seen := inzagen(t, mine, id)
	counter := func() int64 {
		n, err := mine.Changes(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	c0 := counter()
	if _, err := other.PersonFile(ctx, id); err != nil { // the colleague looks: no change
		t.Fatal(err)
	}
	if c := counter(); c != c0 {
		t.Errorf("looking at a file moved the change counter %d → %d: two windows on it would reload each other", c0, c)
	}
	tick(s)
	if p.file != shown {
		t.Error("the file was read again after a colleague only looked at it")
	}
	// The colleague changes someone else: the counter moves, this file stays as it is
	// and no inzage is recorded for a file that showed nothing new.
	if rs, err := other.ImportBytes(ctx, "ander.xml", "", apptest.XML(apptest.Melding(apptest.Subject("999991024", "Anderland"), "2019-02-01", "2019-10-31"))); err != nil || len(rs) != 1 || rs[0].Resultaat != app.Geimporteerd {
		t.Fatalf("the colleague's import: %+v, %v", rs, err)
	}
	tick(s)
	if p.file != shown || inzagen(t, mine, id) != seen+1 {
		t.Errorf("a change of another person showed the file again (%d inzage entries, had %d + the colleague's)", inzagen(t, mine, id), seen)
	}
	if _, err := other.AddContact(ctx, id, app.ContactMoment{Domain: app.Onderdak, Tijd: exampleNow.Add(-time.Hour),
		Kanaal: app.KanaalTelefoon, Met: "woningcorporatie"}); err != nil {
		t.Fatal(err)
	}
	tick(s)
	if n := len(p.file.Domeinen[app.Onderdak].Contacten); n != 1 {
		t.Fatalf("after the tick the file shows %d contacts of onderdak, want the colleague's 1", n)
	}
	if got := inzagen(t, mine, id); got != seen+2 { // the colleague's look and the refresh that showed news
		t.Errorf("inzage entries %d → %d, want +2", seen, got)
	}
	shown = p.file
	tick(s)
	if p.file != shown || inzagen(t, mine, id) != seen+2 {
		t.Error("a tick without change read the file again")
	}

	// A form is open: the screen behind it waits, the typed text stays.
	p.contactDialog(app.Onderdak)
	f := p.lastContactForm
	f.Met.SetText("mevrouw De Vries")
	if _, err := other.AddContact(ctx, id, app.ContactMoment{Domain: app.Onderdak, Tijd: exampleNow.Add(-30 * time.Minute),
		Kanaal: app.KanaalEmail, Met: "zorgverzekeraar"}); err != nil {
		t.Fatal(err)
	}
	tick(s)
	if win.Canvas().Overlays().Top() == nil || f.Met.Text != "mevrouw De Vries" {
		t.Fatalf("the open form lost its text or closed: %q", f.Met.Text)
	}
	if p.file != shown {
		t.Error("the file behind the open form was shown again")
	}
	f.Dialog.Hide()
	tick(s)
	if n := len(p.file.Domeinen[app.Onderdak].Contacten); n != 2 {
		t.Errorf("after the form closed the file shows %d contacts, want 2", n)
	}

	// Mijn acties: an action the colleague plans for the user appears.
	s.Show(SectionActies)
	s.Wait()
	acts := len(s.Actions.Rows)
	who := "Mirjam" // the configured name; on the team database the signed-in role
	if u, team := mine.SignedIn(); team {
		who = u
	}
	if _, err := other.SetFollowup(ctx, id, app.Onderdak, app.FollowupEdit{Verantwoordelijke: &who,
		Actie: &app.NextAction{Tekst: "woning bellen", Datum: app.MustDate("2019-08-07")}}); err != nil {
		t.Fatal(err)
	}
	tick(s)
	if len(s.Actions.Rows) <= acts {
		t.Errorf("Mijn acties shows %d rows after the tick, had %d: the colleague's action is missing", len(s.Actions.Rows), acts)
	}

	// Overzicht: the colleague removes the person who came in; the dashboard is read again.
	s.Show(SectionOverzicht)
	s.Wait()
	d := s.Overview.Data
	tick(s)
	if s.Overview.Data != d {
		t.Error("Overzicht was read again without a change")
	}
	rows, err := other.Persons(ctx, app.PersonQuery{Zoek: "Collegaland"})
	if err != nil || len(rows) != 1 {
		t.Fatalf("Collegaland: %v, %v", rows, err)
	}
	if err := other.RemovePerson(ctx, rows[0].ID); err != nil {
		t.Fatal(err)
	}
	tick(s)
	if s.Overview.Data == d {
		t.Error("Overzicht was not read again after the colleague's removal")
	}
	// Quarantaine: a message the colleague's import could not read appears.
	s.Show(SectionQuarantaine)
	s.Wait()
	held := len(s.Quarantine.Items)
	if rs, err := other.ImportBytes(ctx, "kapot.xml", "", []byte("<bericht>niet af")); err != nil || len(rs) != 1 || rs[0].Resultaat != app.Quarantaine {
		t.Fatalf("the colleague's broken import: %+v, %v", rs, err)
	}
	tick(s)
	if len(s.Quarantine.Items) != held+1 {
		t.Errorf("Quarantaine shows %d messages after the tick, want %d", len(s.Quarantine.Items), held+1)
	}

	// The person list, not shown meanwhile, is read again when shown.
	s.Show(SectionPersonen)
	s.Wait()
	if got := s.Persons.Rows(); got != before+1 { // Anderland stays
		t.Errorf("Personen shows %d rows after the removal, want %d", got, before+1)
	}
}

// The welcome of a new database asks for the gemeentecodes in a field on Overzicht: a
// change of another process does not rebuild it, so what is typed stays.
func TestRefreshKeepsTheWelcomeField(t *testing.T) {
	ctx := context.Background()
	w := apptest.Open(t, apptest.WithClock(exampleNow), apptest.WithGemeenten())
	other := colleague(t, w)
	s, _ := newShell(t, w.Svc, Options{})
	field := s.Overview.Setup
	if field == nil {
		t.Fatal("a new database shows no welcome field")
	}
	field.SetText("01")
	if err := other.SetSetting(ctx, app.SettingGebruiker, "Collega"); err != nil {
		t.Fatal(err)
	}
	tick(s)
	if s.Overview.Setup != field || field.Text != "01" {
		t.Errorf("the welcome field was rebuilt or lost its text (%q)", s.Overview.Setup.Text)
	}
}
