package main

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/terugkeer/terugkeer/internal/apptest"
)

// team lists who can be verantwoordelijke (issue 16 item 5). On a SQLite file: the
// configured user and the names in use, and any name may be typed. On the team database:
// the login roles of the team and the signed-in one; followup set refuses another name
// in a Dutch sentence that does not repeat it, takes a member in another case in the
// member's spelling, and leaves a free text recorded before as it is.
func TestTeamEndToEnd(t *testing.T) {
	for _, backend := range []string{apptest.SQLite, apptest.Postgres} {
		t.Run(backend, func(t *testing.T) {
			c := newCLIOn(t, backend)
			c.ok("init", "--gemeente", "0193")
			c.ok("import", examples)
			team := func() teamJSON {
				t.Helper()
				var tj teamJSON
				if err := json.Unmarshal([]byte(c.ok("team", "--json")), &tj); err != nil {
					t.Fatal(err)
				}
				return tj
			}
			verantwoordelijke := func() string {
				t.Helper()
				op := c.show("--bsn", "999990019").Domeinen["onderdak"].Opvolging
				if op == nil {
					t.Fatal("onderdak has no opvolging")
				}
				return op.Verantwoordelijke
			}
			set := func(args ...string) (string, int) {
				t.Helper()
				_, errOut, code := c.run(append([]string{"followup", "set", "--bsn", "999990019", "--domein", "onderdak"}, args...)...)
				return errOut, code
			}
			if backend == apptest.SQLite {
				if tj := team(); tj.Teamdatabase || tj.Aangemeld != "" || tj.Leden == nil || len(tj.Leden) != 0 {
					t.Errorf("team of a new file = %+v", tj)
				}
				c.sqlite(t, "INSERT INTO settings (key, value) VALUES ('gebruiker', 'Petra de Vries')")
				if errOut, code := set("--verantwoordelijke", "Iemand Vrij"); code != 0 {
					t.Fatalf("a free name on a file: exit %d, %q", code, errOut)
				}
				if tj := team(); tj.Teamdatabase || !slices.Equal(tj.Leden, []string{"Iemand Vrij", "Petra de Vries"}) {
					t.Errorf("team = %+v", tj)
				}
				if out := c.ok("team"); !strings.Contains(out, "elke naam toegestaan") || !strings.Contains(out, "  Iemand Vrij\n") {
					t.Errorf("team:\n%s", out)
				}
				return
			}
			c.colleagues("Teamlid Ee")
			tj := team()
			if !tj.Teamdatabase || tj.Aangemeld == "" || !slices.Contains(tj.Leden, tj.Aangemeld) ||
				!slices.Contains(tj.Leden, "Teamlid Ee") || !slices.IsSortedFunc(tj.Leden, func(a, b string) int {
				return strings.Compare(strings.ToLower(a), strings.ToLower(b)) // as the list is shown: case folded
			}) {
				t.Errorf("team = %+v", tj)
			}
			if out := c.ok("team"); !strings.Contains(out, "terugkeer_medewerker") || !strings.Contains(out, "  "+tj.Aangemeld+" (aangemeld)\n") {
				t.Errorf("team:\n%s", out)
			}
			errOut, code := set("--verantwoordelijke", "Niet In Het Team")
			if code != exitError || !strings.Contains(errOut, "geen collega van het team") ||
				!strings.Contains(errOut, "terugkeer-cli team") || strings.Contains(errOut, "Niet In") {
				t.Errorf("a name outside the team: exit %d, %q", code, errOut)
			}
			if got := verantwoordelijke(); got != "" {
				t.Errorf("after the refusal: %q", got)
			}
			if errOut, code := set("--verantwoordelijke", "teamlid EE"); code != 0 || verantwoordelijke() != "Teamlid Ee" {
				t.Errorf("a member in another case: exit %d, %q, stored %q", code, errOut, verantwoordelijke())
			}
			// A free text from before the team list stays readable and as it is.
			c.sqlite(t, "UPDATE followups SET verantwoordelijke = 'Oud Vrij Ingevuld' WHERE domain = 'onderdak'")
			if errOut, code := set("--status", "geregeld"); code != 0 || verantwoordelijke() != "Oud Vrij Ingevuld" {
				t.Errorf("a status change beside a free text: exit %d, %q, stored %q", code, errOut, verantwoordelijke())
			}
			if errOut, code := set("--status", "open", "--verantwoordelijke", "Oud Vrij Ingevuld"); code != 0 {
				t.Errorf("the free text given again: exit %d, %q", code, errOut)
			}
		})
	}
}
