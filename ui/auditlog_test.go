package ui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/terugkeer/terugkeer/app"
)

// The Logboek names persons by name and masked BSN beside their number, opens the file
// from a row, speaks Dutch for every code, filters on a name as it is typed, and shows a
// removed person as removed (issue 18, defect 8).
func TestLogboekNamesPersonsAndSpeaksDutch(t *testing.T) {
	svc := realService(t, exampleNow, []string{"0193"}, true)
	s, _ := newShell(t, svc, Options{})
	berg := openBerg(t, svc, s) // writes an inzage entry
	bergID := berg.file.Person.ID
	if err := svc.CloseTraject(context.Background(), bergID, app.MetMaatregelen, app.DateOf(exampleNow)); err != nil {
		t.Fatal(err)
	}
	s.Show(SectionLogboek)
	s.Wait()
	l := s.Log

	// A traject's entry is about the person's file: named as such, its result in Dutch
	// (the walk through the real window found "traject 1" and "afgesloten:met-maatregelen").
	traject := slices.IndexFunc(l.Entries, func(e app.AuditEntry) bool { return e.Object == app.ObjectTraject })
	if traject < 0 {
		t.Fatal("no entry for closing the traject")
	}
	if got := l.cell(l.Entries[traject], colBetreft); got != "traject van Jan Willem van der Berg (*****0019)" {
		t.Errorf("the traject entry names %q", got)
	}
	if got := l.cell(l.Entries[traject], colResultaat); got != "afgesloten (met maatregelen)" {
		t.Errorf("the traject entry's result is %q", got)
	}

	var inzage = -1
	for i, e := range l.Entries {
		if e.Actie == app.ActieInzage && e.ObjectID == bergID {
			inzage = i
		}
		for col := range auditColumns {
			cell := l.cell(e, col)
			for _, code := range []string{"purge", "export", "opnieuw-geimporteerd", "geimporteerd", "geen-bericht", "vernietigd:"} {
				if cell == code || strings.HasPrefix(cell, "vernietigd:") {
					t.Errorf("row %d column %s shows the code %q", i, auditColumns[col].title, cell)
				}
			}
		}
	}
	if inzage < 0 {
		t.Fatal("no inzage entry for Jan Willem's file")
	}
	if got := l.cell(l.Entries[inzage], colBetreft); got != "Jan Willem van der Berg (*****0019)" {
		t.Errorf("inzage row names %q, want the name and masked BSN", got)
	}
	if got := l.cell(l.Entries[inzage], colActie); got != "inzage" {
		t.Errorf("action label %q", got)
	}

	s.Show(SectionLogboek)
	s.Person = nil
	l.selected(widget.TableCellID{Row: inzage, Col: colBetreft})
	s.Wait()
	if s.Current() != "Persoon" || s.Person == nil || s.Person.id != bergID {
		t.Errorf("a row about Jan Willem does not open his file (screen %q)", s.Current())
	}

	s.Show(SectionLogboek)
	test.Type(l.object, "berg") // applies as it is typed: no Enter
	s.Wait()
	if len(l.Entries) == 0 {
		t.Fatal("typing 'berg' left no entries")
	}
	for _, e := range l.Entries {
		if !aboutPerson(e) || e.ObjectID != bergID {
			t.Fatalf("filter 'berg' kept an entry about %s %d", e.Object, e.ObjectID)
		}
	}
	if !slices.ContainsFunc(l.Entries, func(e app.AuditEntry) bool { return e.Object == app.ObjectTraject }) {
		t.Error("filter 'berg' dropped the entry for closing his traject")
	}

	if err := svc.RemovePerson(context.Background(), bergID); err != nil {
		t.Fatal(err)
	}
	l.object.SetText("")
	l.Reload()
	s.Wait()
	for _, e := range l.Entries {
		if e.Object == app.ObjectPersoon && e.ObjectID == bergID {
			if got := l.cell(e, colBetreft); !strings.HasPrefix(got, "verwijderde persoon") {
				t.Fatalf("a removed person's entry names %q", got)
			}
			return
		}
	}
	t.Error("no entry about the removed person")
}
