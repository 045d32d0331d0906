package ui

import (
	"strings"
	"testing"

	"github.com/terugkeer/terugkeer/app"
)

// A colleague saves the same follow-up while the status form is open (issue 16): the
// save is refused, the form stays open with what was typed and says why, the screen
// shows the colleague's change, and a second Opslaan saves over it knowingly.
func TestStatusFormRefusedWhenAColleagueSavedMeanwhile(t *testing.T) {
	svc := realService(t, exampleNow, []string{"0193"}, true)
	s, _ := newShell(t, svc, Options{PDF: pdfWriter(svc)})
	p := openBerg(t, svc, s)

	p.statusDialog(app.Onderdak, p.file.Domeinen[app.Onderdak].Opvolging)
	sf := p.lastStatusForm
	sf.Status.SetSelected("geregeld")
	sf.Verantwoordelijke.SetText("Sanne")

	colleague := "Collega Kees"
	if _, err := svc.SetFollowup(p.ctx, p.id, app.Onderdak, app.FollowupEdit{Status: app.FollowupNietBereikbaar,
		Verantwoordelijke: &colleague}); err != nil {
		t.Fatal(err)
	}
	sf.Dialog.Hide()
	sf.Submit()
	s.Wait()
	if got := sf.Problem.Text(); !strings.Contains(got, "collega") || !strings.Contains(got, "bijgewerkt") {
		t.Errorf("the form says %q, want that a colleague changed it and the screen was refreshed", got)
	}
	if sf.Verantwoordelijke.Text != "Sanne" {
		t.Errorf("the form lost what was typed: %q", sf.Verantwoordelijke.Text)
	}
	fu := s.Person.file.Domeinen[app.Onderdak].Opvolging
	if fu.Status != app.FollowupNietBereikbaar || fu.Verantwoordelijke != colleague {
		t.Fatalf("the screen shows %+v, want the colleague's change", fu)
	}

	sf.Dialog.Hide()
	sf.Submit()
	s.Wait()
	fu = s.Person.file.Domeinen[app.Onderdak].Opvolging
	if fu.Status != app.FollowupGeregeld || fu.Verantwoordelijke != "Sanne" || sf.Problem.Text() != "" {
		t.Errorf("second Opslaan: %+v, problem %q", fu, sf.Problem.Text())
	}
}
