package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/terugkeer/terugkeer/app"
)

// "Wie heeft dit dossier ingezien" (issue 16 item 5): a closed section at the end of the
// file that, opened, lists the log's entries about the person, newest first, with the
// Logboek's labels; opening it writes no audit entry.
func TestPersonAccessSection(t *testing.T) {
	svc := realService(t, exampleNow, []string{"0193"}, true)
	s, _ := newShell(t, svc, Options{})
	p := openBerg(t, svc, s)
	if p.access != nil || containsText(visibleTexts(p.Content()), T("Het logboek noemt deze persoon niet.")) {
		t.Fatal("the section must start closed")
	}
	before, err := svc.AuditLog(s.ctx, app.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	test.Tap(findButton(p.Content(), T("Tonen")))
	s.Wait()
	if len(p.access) < 2 || p.access[0].Actie != app.ActieInzage || p.access[len(p.access)-1].Actie != app.ActieImport {
		t.Fatalf("entries shown: %+v", p.access)
	}
	for _, e := range p.access {
		if e.ObjectID != p.ID() || e.Object != app.ObjectPersoon {
			t.Errorf("entry about %s %d", e.Object, e.ObjectID)
		}
	}
	texts := visibleTexts(p.Content())
	if !containsText(texts, auditActieLabel(app.ActieInzage)) || !containsText(texts, plural(len(p.access), "{{.N}} regel", "{{.N}} regels")) {
		t.Errorf("the section lacks the inzage line or the count: %v", texts)
	}
	after, err := svc.AuditLog(s.ctx, app.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != len(before) {
		t.Errorf("opening the section wrote %d audit entries", len(after)-len(before))
	}
	test.Tap(findButton(p.Content(), T("Verbergen")))
	if p.access != nil {
		t.Error("closing the section keeps its entries")
	}
}
