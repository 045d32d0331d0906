package ui

import (
	"context"
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

const forgedMeldingXML = `<?xml version="1.0" encoding="UTF-8"?>
<bericht xmlns="urn:terugkeer:bericht:1" versie="1" soort="melding-begin-detentie" kenmerk="VIS-UI-1" verzonden="2019-05-21T08:00:00+02:00">
  <afzender><inrichting code="PI-ZWL">PI&#13;&#10;Nergens</inrichting></afzender>
  <gemeente code="0193">Zwolle</gemeente>
  <betrokkene><bsn>999990019</bsn><voornamen>Jan&#x202E;</voornamen><achternaam>Berg&#13;&#10;999990032 Nep</achternaam><geboortedatum>1988-02-29</geboortedatum></betrokkene>
  <detentie><begindatum>2019-05-20</begindatum><einddatum status="verwacht">2019-08-14</einddatum></detentie>
</bericht>`

// hasControl reports whether s holds a control character a label would obey.
func hasControl(s string) bool {
	return strings.ContainsAny(s, "\r\n\t\x1b\x07\u0085\u202e")
}

// Names and sources with CR/LF, ESC/OSC and bidi overrides are shown escaped in the
// person table, the person screen's title and labels, and the quarantine list and
// detail; the database keeps them exactly.
func TestControlCharactersShownEscaped(t *testing.T) {
	svc := realService(t, exampleNow, []string{"0193"}, false)
	ctx := context.Background()
	if _, err := svc.ImportBytes(ctx, "melding.xml", "", []byte(forgedMeldingXML)); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.ImportBytes(ctx, "map/bericht\x1b]0;GEHACKT\x07.xml", "", []byte("<x>\x1b[2J</x>")); err != nil {
		t.Fatal(err)
	}
	s, w := newShell(t, svc, Options{})
	s.Show(SectionPersonen)
	s.Wait()
	rows := tableRows(s.Persons)
	if len(rows) != 1 || rows[0][0] != `Jan\u202e Berg\r\n999990032 Nep` || rows[0][colInrichting] != `PI\r\nNergens` {
		t.Fatalf("rows = %q", rows)
	}
	s.Persons.OpenRow(0)
	s.Wait()
	if got := s.Person.file.Person.Achternaam; got != "Berg\r\n999990032 Nep" {
		t.Errorf("stored achternaam %q, want it as received", got)
	}
	texts := visibleTexts(w.Canvas().Content())
	if !containsText(texts, `Berg\r\n999990032 Nep`) {
		t.Errorf("the person screen does not show the escaped name: %q", texts)
	}
	for _, tx := range texts {
		if strings.Contains(tx, "Nep") && hasControl(tx) || strings.Contains(tx, "Nergens") && hasControl(tx) {
			t.Errorf("person screen shows %q", tx)
		}
	}
	s.Show(SectionQuarantaine)
	s.Wait()
	q := s.Quarantine
	if len(q.Items) != 1 {
		t.Fatalf("%d quarantined", len(q.Items))
	}
	q.list.Select(0)
	s.Wait()
	for _, tx := range append(visibleTexts(w.Canvas().Content()), q.bron.Text, q.raw.Text) {
		if strings.Contains(tx, "GEHACKT") && hasControl(tx) || strings.Contains(tx, "[2J") && strings.Contains(tx, "\x1b") {
			t.Errorf("quarantine shows %q", tx)
		}
	}
	if !strings.Contains(q.bron.Text, `bericht\x1b]0;GEHACKT\x07.xml`) || !strings.Contains(q.raw.Text, `\x1b[2J`) {
		t.Errorf("bron %q, raw %q", q.bron.Text, q.raw.Text)
	}
}

// An error's details (which may name a file) are shown escaped too.
func TestErrorDetailsShownEscaped(t *testing.T) {
	_, w := newShell(t, realService(t, exampleNow, []string{"0193"}, false), Options{})
	showError(w, "Het bestand kon niet worden gelezen.", errors.New("map/bericht\x1b]0;GEHACKT\x07.xml kan niet worden gelezen"))
	top := w.Canvas().Overlays().Top()
	acc := findAccordion(top)
	if acc == nil {
		t.Fatal("no Details in the error dialog")
	}
	acc.Open(0)
	texts := visibleTexts(top)
	if !containsText(texts, `bericht\x1b]0;GEHACKT\x07.xml`) {
		t.Errorf("details = %q", texts)
	}
	for _, tx := range texts {
		if hasControl(tx) {
			t.Errorf("error dialog shows %q", tx)
		}
	}
}

func findAccordion(o fyne.CanvasObject) *widget.Accordion {
	switch x := o.(type) {
	case *widget.Accordion:
		return x
	case *fyne.Container:
		for _, c := range x.Objects {
			if a := findAccordion(c); a != nil {
				return a
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			if a := findAccordion(c); a != nil {
				return a
			}
		}
	}
	return nil
}
