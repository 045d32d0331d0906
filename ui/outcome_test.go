package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/terugkeer/terugkeer/app"
)

// TestCloseTrajectNeedsAnOutcome: the "Traject afsluiten" dialog cannot be confirmed
// before an outcome is chosen, neither with the mouse nor with Enter in the date field
// (it recorded "met maatregelen", 5 years of retention instead of 9 months); once
// "zonder maatregelen" is chosen, Enter closes the traject with that outcome.
func TestCloseTrajectNeedsAnOutcome(t *testing.T) {
	svc := realService(t, exampleNow, []string{"0193"}, true)
	s, w := newShell(t, svc, Options{})
	c := w.Canvas()
	p := openBerg(t, svc, s)

	p.closeTraject()
	cf := p.lastCloseForm
	confirm := findButton(c.Overlays().Top(), T("Afsluiten"))
	if confirm == nil {
		t.Fatal("no Afsluiten button in the dialog")
	}
	if !confirm.Disabled() {
		t.Error("Afsluiten is enabled before an outcome is chosen")
	}
	test.Tap(confirm)
	c.Focus(cf.Datum.Entry)
	pressKey(c, fyne.KeyReturn)
	s.Wait()
	if st := s.Person.file.Traject.Status; st == app.Afgesloten {
		t.Fatalf("the traject was closed without an outcome (%q)", s.Person.file.Traject.Uitkomst)
	}
	if c.Overlays().Top() == nil {
		t.Fatal("the dialog closed without an outcome")
	}

	cf.Uitkomst.SetSelected(T("zonder maatregelen"))
	if confirm.Disabled() {
		t.Error("Afsluiten is still disabled after choosing an outcome")
	}
	c.Focus(cf.Datum.Entry)
	pressKey(c, fyne.KeyReturn)
	s.Wait()
	if tr := s.Person.file.Traject; tr.Status != app.Afgesloten || tr.Uitkomst != app.ZonderMaatregelen {
		t.Errorf("traject after choosing zonder maatregelen and Enter = %+v", tr)
	}
}
