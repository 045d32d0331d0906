package ui

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers"
	"github.com/terugkeer/terugkeer/internal/apptest"
)

// teamStore plays the team database under a real store: it knows who signed in and the
// team's login roles, which a test may change (storage/postgres has the real ones).
type teamStore struct {
	app.Store
	user    string
	members *[]string
}

func (s teamStore) SessionUser() string { return s.user }

func (s teamStore) TeamMembers(context.Context) ([]string, error) {
	return slices.Clone(*s.members), nil
}

// On the team database the Verantwoordelijke of "Status wijzigen" is a choice of the
// team (issue 16 item 5): nobody, the colleagues, and a free text recorded before (shown
// as such, and kept unless another is chosen); the signed-in user is chosen when nobody
// was; Enter saves and Esc cancels from the choice; a colleague who left the team
// meanwhile is refused inside the form, in the window's words.
func TestStatusFormChoosesFromTheTeam(t *testing.T) {
	w := apptest.Open(t, apptest.WithClock(exampleNow))
	w.ImportExamples(false)
	members := []string{"Sanne Teamlid", "bert"}
	svc := app.NewService(teamStore{Store: w.Store, user: "anne", members: &members}, importers.Decoder{},
		func() time.Time { return exampleNow })
	s, win := newShell(t, svc, Options{})
	c := win.Canvas()
	p := openBerg(t, svc, s)
	open := func() *StatusForm {
		t.Helper()
		p = s.Person
		p.statusDialog(app.Onderdak, p.file.Domeinen[app.Onderdak].Opvolging)
		s.Wait()
		sf := p.lastStatusForm
		if sf.Teamlid == nil || sf.Verantwoordelijke != nil {
			t.Fatalf("on the team database the form has entry %v, choice %v; want only the choice", sf.Verantwoordelijke, sf.Teamlid)
		}
		return sf
	}
	stored := func() string {
		t.Helper()
		return s.Person.file.Domeinen[app.Onderdak].Opvolging.Verantwoordelijke
	}

	sf := open()
	if got, want := sf.Teamlid.Choices(), []string{"", "anne", "bert", "Sanne Teamlid"}; !reflect.DeepEqual(got, want) {
		t.Errorf("choices %q, want %q", got, want)
	}
	if sf.Teamlid.Name() != "anne" || c.Focused() != sf.Teamlid {
		t.Errorf("the form opens on %q (focus %v), want the signed-in user, focused", sf.Teamlid.Name(), c.Focused())
	}
	sf.Status.SetSelected("in behandeling")
	sf.Teamlid.Choose("Sanne Teamlid")
	sf.Dialog.Hide()
	sf.Submit()
	s.Wait()
	if got := stored(); got != "Sanne Teamlid" {
		t.Fatalf("stored %q, want the chosen colleague", got)
	}

	// Enter in the choice saves; Esc cancels.
	sf = open()
	if sf.Teamlid.Name() != "Sanne Teamlid" {
		t.Errorf("the form opens on %q, want the recorded colleague", sf.Teamlid.Name())
	}
	sf.Teamlid.Choose("bert")
	pressKey(c, fyne.KeyReturn)
	s.Wait()
	if got := stored(); got != "bert" {
		t.Fatalf("Enter in the choice: stored %q, want bert", got)
	}
	sf = open()
	sf.Teamlid.Choose("")
	pressEsc(c)
	s.Wait()
	noOverlay(t, c, "Esc in the choice")
	if got := stored(); got != "bert" {
		t.Fatalf("Esc saved: %q", got)
	}

	// A colleague who left the team meanwhile: refused inside the form.
	sf = open()
	sf.Teamlid.Choose("Sanne Teamlid")
	members = []string{"bert"}
	sf.Dialog.Hide()
	sf.Submit()
	s.Wait()
	if got := sf.Problem.Text(); !strings.Contains(got, "Kies een collega uit het team") {
		t.Errorf("the form says %q, want that the name is not one of the team", got)
	}
	if got := stored(); got != "bert" {
		t.Errorf("after the refusal: %q", got)
	}
	sf.Dialog.Hide()

	// A free text from before the team list stays readable, and stays.
	if err := w.Store.Update(context.Background(), func(tx app.Tx) error {
		fu := s.Person.file.Domeinen[app.Onderdak].Opvolging
		fu.Verantwoordelijke = "Oud Vrij Ingevuld"
		return tx.SaveFollowup(fu)
	}); err != nil {
		t.Fatal(err)
	}
	s.Person.Reload()
	s.Wait()
	sf = open()
	if sf.Teamlid.Name() != "Oud Vrij Ingevuld" || !strings.Contains(sf.Teamlid.Selected, "geen lid van het team") {
		t.Errorf("a free text shows as %q (%q)", sf.Teamlid.Selected, sf.Teamlid.Name())
	}
	sf.Status.SetSelected("geregeld")
	sf.Dialog.Hide()
	sf.Submit()
	s.Wait()
	if fu := s.Person.file.Domeinen[app.Onderdak].Opvolging; fu.Verantwoordelijke != "Oud Vrij Ingevuld" || fu.Status != app.FollowupGeregeld {
		t.Errorf("after a status change beside the free text: %+v", fu)
	}
}

// On a local file the Verantwoordelijke is typed, and the names known (the configured
// user, the verantwoordelijken in use) are offered in its list.
func TestStatusFormOffersKnownNamesOnAFile(t *testing.T) {
	svc := realService(t, exampleNow, []string{"0193"}, true)
	if err := svc.SetSetting(context.Background(), app.SettingGebruiker, "Petra de Vries"); err != nil {
		t.Fatal(err)
	}
	s, win := newShell(t, svc, Options{})
	p := openBerg(t, svc, s)
	p.statusDialog(app.Onderdak, p.file.Domeinen[app.Onderdak].Opvolging)
	s.Wait()
	sf := p.lastStatusForm
	if sf.Verantwoordelijke == nil || sf.Teamlid != nil {
		t.Fatalf("on a file the form has entry %v, choice %v; want only the entry", sf.Verantwoordelijke, sf.Teamlid)
	}
	if items := sf.Verantwoordelijke.Known(); !reflect.DeepEqual(items, []string{"Petra de Vries"}) {
		t.Errorf("offered %q, want the configured user", items)
	}
	// Down opens the list, which the keyboard works: Down and Enter pick the first name.
	c := win.Canvas()
	c.Focus(sf.Verantwoordelijke)
	pressKey(c, fyne.KeyDown)
	if _, ok := c.Focused().(*widget.PopUpMenu); !ok {
		t.Fatalf("Down in the field: focus on %T, want the list", c.Focused())
	}
	pressKey(c, fyne.KeyDown)
	pressKey(c, fyne.KeyReturn)
	if sf.Verantwoordelijke.Text != "Petra de Vries" {
		t.Errorf("picked %q from the list", sf.Verantwoordelijke.Text)
	}
}
