package ui

import (
	"strings"
	"testing"
)

// teamService is a service on a team database (app.Service.SignedIn).
type teamService struct {
	Service
	user string
}

func (t teamService) SignedIn() (string, bool) { return t.user, true }

// On a team database the window names who signed in, in its title and status line.
func TestShellShowsWhoSignedIn(t *testing.T) {
	svc := teamService{Service: realService(t, exampleNow, []string{"0193"}, false), user: "j_jansen"}
	s, w := newShell(t, svc, Options{})
	if got := w.Title(); !strings.Contains(got, "j_jansen") {
		t.Errorf("title %q does not name the signed-in user", got)
	}
	if got := s.status.Text; !strings.Contains(got, "j_jansen") {
		t.Errorf("status %q does not name the signed-in user", got)
	}
}
