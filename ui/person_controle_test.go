package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/internal/apptest"
)

// heldForBerg writes a sheet with Jan Willem van der Berg's BSN, another date of birth
// and an SKN of its own, consenting to zorg with one topic.
func heldForBerg(t *testing.T, dir string) string {
	t.Helper()
	s := apptest.Subject("999990019", "Berg")
	s.Voornamen, s.Geboortedatum, s.SKN = "Karel", app.MustDate("1975-03-04"), "7654321"
	m := apptest.Sheet(s, "2019-07-01", app.Zorg)
	m.Informatieblad.Onderwerpen = []app.Answer{{Code: "zorg.medicatie", Antwoord: "ja"}}
	p := filepath.Join(dir, "controle.xml")
	if err := os.WriteFile(p, apptest.XML(m), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// The window's controle: the import screen says the message waits, the overview counts
// it, Berg's file shows both dates of birth with the two decisions, and "Andere persoon"
// gives the message a file of its own while Berg's stays as it was.
func TestControleInTheWindow(t *testing.T) {
	svc := realService(t, exampleNow, []string{"0193"}, true)
	s, w := newShell(t, svc, Options{})
	s.Import.ImportPaths([]string{heldForBerg(t, t.TempDir())})
	s.Wait()
	if len(s.Import.Results) != 1 || !strings.Contains(resultText(s.Import.Results[0]), "wacht op controle") {
		t.Fatalf("import results = %+v", s.Import.Results)
	}
	if !strings.Contains(s.Import.summary.Text, "1 daarvan wacht op controle") {
		t.Errorf("summary = %q", s.Import.summary.Text)
	}
	s.Show(SectionOverzicht)
	s.Overview.Reload()
	s.Wait()
	wantTexts(t, "Overzicht", visibleTexts(s.Overview.Content()), "1 bericht wacht op controle")

	v := openPerson(t, s, "999990019")
	texts := visibleTexts(v.Content())
	wantTexts(t, "Berg's file", texts, "Wacht op controle", "In het dossier", "In het bericht", "29-02-1988", "04-03-1975", "Karel")
	if v.file.Domeinen[app.Zorg].Toestemming == app.ConsentJa {
		t.Fatal("the held sheet was applied before the decision")
	}
	other := findButton(v.Content(), "Andere persoon")
	if other == nil || findButton(v.Content(), "Zelfde persoon") == nil {
		t.Fatal("the decisions are not offered")
	}
	test.Tap(other)
	if v.decision == nil {
		t.Fatal("no confirmation asked")
	}
	v.decision.Confirm()
	s.Wait()
	if !containsText(visibleTexts(w.Canvas().Overlays().Top()), "Het bericht heeft een eigen dossier gekregen.") {
		t.Error("no word on what the decision did")
	}
	if v.file.Person.ControleNodig || len(v.file.Controle) != 0 || findButton(v.Content(), "Andere persoon") != nil {
		t.Errorf("after the decision: flag %v, %d held", v.file.Person.ControleNodig, len(v.file.Controle))
	}
	if v.file.Domeinen[app.Zorg].Toestemming == app.ConsentJa {
		t.Error("the other person's consent reached Berg")
	}
	rows, err := svc.Persons(s.ctx, app.PersonQuery{Zoek: "7654321"})
	if err != nil || len(rows) != 1 || rows[0].BSN != "" {
		t.Errorf("the other person = %+v, %v", rows, err)
	}
	if got := auditResultLabel(app.ResultaatAnderePersoon); got != "andere persoon: eigen dossier" || auditActieLabel(app.ActieControle) != "controle" {
		t.Errorf("logboek labels = %q, %q", got, auditActieLabel(app.ActieControle))
	}
}

// The person "andere persoon" made has no BSN: the Logboek names them without "()".
func TestLogboekNamesAPersonWithoutBSN(t *testing.T) {
	v := &AuditView{Persons: map[int64]app.AuditPerson{7: {Naam: "Karel Berg"}, 8: {Naam: "Jan Berg", BSN: "*****0019"}}}
	if got := v.betreft(app.AuditEntry{Object: app.ObjectPersoon, ObjectID: 7}); got != "Karel Berg" {
		t.Errorf("without BSN: %q", got)
	}
	if got := v.betreft(app.AuditEntry{Object: app.ObjectPersoon, ObjectID: 8}); got != "Jan Berg (*****0019)" {
		t.Errorf("with BSN: %q", got)
	}
}
