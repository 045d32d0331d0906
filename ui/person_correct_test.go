package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/terugkeer/terugkeer/app"
)

func (p *PersonView) reloadNow(s *Shell) {
	p.Reload()
	s.Wait()
}

// A recorded contact is corrected from its row ("Wijzigen": the form filled with it,
// staying open on a validation error) and removed ("Verwijderen", after confirmation).
func TestCorrectAndRemoveContactFromItsRow(t *testing.T) {
	svc := realService(t, exampleNow, []string{"0193"}, true)
	s, w := newShell(t, svc, Options{})
	c := w.Canvas()
	p := openBerg(t, svc, s)
	ctx := context.Background()
	if _, err := svc.AddContact(ctx, p.ID(), app.ContactMoment{Domain: app.Onderdak, Kanaal: app.KanaalTelefoon,
		Met: "Corporatie", Notitie: "Eerste gesprek"}); err != nil {
		t.Fatal(err)
	}
	p.reloadNow(s)

	edit := findButton(p.Content(), T("Wijzigen"))
	if edit == nil {
		t.Fatal("the contact's row has no 'Wijzigen'")
	}
	test.Tap(edit)
	f := p.lastContactForm
	if f == nil || f.editing == nil || f.Met.Text != "Corporatie" || f.Notitie.Text != "Eerste gesprek" ||
		f.Domein.Selected != domainLabel(app.Onderdak) {
		t.Fatalf("the correction form is not filled with the contact: %+v", f)
	}
	f.Datum.Entry.SetText(formatDate(p.today().AddDays(2)))
	f.Notitie.SetText("Tweede versie")
	f.Dialog.Submit()
	s.Wait()
	if c.Overlays().Top() == nil || !strings.Contains(f.Problem.Text(), "toekomst") || f.Notitie.Text != "Tweede versie" {
		t.Fatalf("a correction into the future must keep the form open with its reason (%q)", f.Problem.Text())
	}
	f.Datum.Entry.SetText(formatDate(p.today()))
	f.Tijd.SetText("08:00")
	f.Dialog.Submit()
	s.Wait()
	noOverlay(t, c, "saving the correction")
	cs := s.Person.file.Domeinen[app.Onderdak].Contacten
	if len(cs) != 1 || cs[0].Notitie != "Tweede versie" || cs[0].Met != "Corporatie" {
		t.Fatalf("after the correction: %+v", cs)
	}

	test.Tap(findButton(s.Person.Content(), T("Verwijderen")))
	if s.Person.lastConfirm == nil || c.Overlays().Top() == nil {
		t.Fatal("removing a contact asks no confirmation")
	}
	s.Person.lastConfirm.Dismiss() // Cancel keeps it
	s.Wait()
	if n := len(s.Person.file.Domeinen[app.Onderdak].Contacten); n != 1 {
		t.Fatalf("cancel removed the contact (%d left)", n)
	}
	test.Tap(findButton(s.Person.Content(), T("Verwijderen")))
	s.Person.lastConfirm.Confirm()
	s.Wait()
	if n := len(s.Person.file.Domeinen[app.Onderdak].Contacten); n != 0 {
		t.Errorf("%d contacts after removal", n)
	}
}

// The last status change is corrected (the form stays open when nothing changes) and
// removed, the planned action removed, each from its row; a closed traject reopened.
func TestCorrectStatusRemoveActionAndReopenFromTheFile(t *testing.T) {
	svc := realService(t, exampleNow, []string{"0193"}, true)
	s, w := newShell(t, svc, Options{})
	c := w.Canvas()
	p := openBerg(t, svc, s)
	ctx := context.Background()
	if _, err := svc.SetFollowup(ctx, p.ID(), app.Onderdak, app.FollowupEdit{Status: app.FollowupNietNodig,
		Actie: &app.NextAction{Tekst: "Opvang bellen", Datum: app.MustDate("2019-08-09")}}); err != nil {
		t.Fatal(err)
	}
	p.reloadNow(s)

	test.Tap(findButton(p.Content(), T("Corrigeren")))
	f := p.lastStatusCorrectForm
	if f == nil || f.Status.Selected != followupStatusLabel(app.FollowupNietNodig) {
		t.Fatalf("the correction form does not start at the last status: %+v", f)
	}
	f.Dialog.Submit()
	s.Wait()
	if c.Overlays().Top() == nil || f.Problem.Text() != T("Er is niets gewijzigd.") {
		t.Fatalf("correcting to the same status must keep the form open (%q)", f.Problem.Text())
	}
	f.Status.SetSelected(followupStatusLabel(app.FollowupGeregeld))
	f.Dialog.Submit()
	s.Wait()
	noOverlay(t, c, "saving the corrected status")
	df := s.Person.file.Domeinen[app.Onderdak]
	if df.Opvolging.Status != app.FollowupGeregeld || len(df.Geschiedenis) != 1 {
		t.Fatalf("after correction: %+v, history %+v", df.Opvolging, df.Geschiedenis)
	}

	// The first 'Verwijderen' is the status change's, then the action's.
	test.Tap(findButton(s.Person.Content(), T("Verwijderen")))
	s.Person.lastConfirm.Confirm()
	s.Wait()
	df = s.Person.file.Domeinen[app.Onderdak]
	if df.Opvolging.Status != app.FollowupOpen || len(df.Geschiedenis) != 0 || df.Opvolging.Actie == "" {
		t.Fatalf("after removing the status change: %+v, history %+v", df.Opvolging, df.Geschiedenis)
	}
	test.Tap(findButton(s.Person.Content(), T("Verwijderen")))
	s.Person.lastConfirm.Confirm()
	s.Wait()
	if a := s.Person.file.Domeinen[app.Onderdak].Opvolging; a.Actie != "" {
		t.Fatalf("after removing the action: %+v", a)
	}
	if findButton(s.Person.Content(), T("Traject heropenen")) != nil {
		t.Error("an open traject offers 'Traject heropenen'")
	}

	if err := svc.CloseTraject(ctx, p.ID(), app.ZonderMaatregelen, app.Date{}); err != nil {
		t.Fatal(err)
	}
	s.Person.reloadNow(s)
	reopen := findButton(s.Person.Content(), T("Traject heropenen"))
	if reopen == nil {
		t.Fatal("a closed traject has no 'Traject heropenen'")
	}
	test.Tap(reopen)
	s.Person.lastConfirm.Confirm()
	s.Wait()
	if tr := s.Person.file.Traject; tr.Status != app.InBehandeling {
		t.Errorf("after reopening: %+v", tr)
	}
}
