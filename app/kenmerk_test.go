package app_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/terugkeer/terugkeer/app"
)

var kenmerkRe = regexp.MustCompile(`kenmerk="[^"]*"`)

func withKenmerk(x, k string) string { return kenmerkRe.ReplaceAllString(x, `kenmerk="`+k+`"`) }

// Only identical content is 'dubbel'; the same message in another layout (another
// transfer encoding, other white space) is identical content.
func TestSameKenmerkSameContentIsDubbel(t *testing.T) {
	w := newWorld(t)
	m := withKenmerk(melding("999990019", "Berg", "2019-05-01", "2019-08-14"), "HERGEBRUIK-1")
	w.mustImport(m)
	if r := w.importXML(strings.ReplaceAll(m, "\n  ", "\n\t\t")); r.Resultaat != app.Dubbel {
		t.Errorf("the same message again: %s (%s), want dubbel", r.Resultaat, r.Reden)
	}
}

// A reused kenmerk with other content is no duplicate: a melding, a sheet go to
// quarantine with that reason; an intrekking is applied all the same, with that reason.
func TestReusedKenmerk(t *testing.T) {
	w := newWorld(t)
	w.mustImport(withKenmerk(melding("999990019", "Berg", "2019-05-01", "2019-08-14"), "HERGEBRUIK-1"))
	later := withKenmerk(melding("999990019", "Berg", "2019-05-01", "2019-12-31"), "HERGEBRUIK-1")
	wantQuarantine(t, w.importXML(later), app.ReusedKenmerkReden)
	if d, _ := w.file(w.personID("999990019")).LatestDetention(); d.Einddatum.String() != "2019-08-14" {
		t.Errorf("einddatum %s: the quarantined melding changed the detention", d.Einddatum)
	}
	wantQuarantine(t, w.importXML(withKenmerk(sheet("999990019", "Berg", "2019-06-03", "HER", app.Schulden), "HERGEBRUIK-1")), app.ReusedKenmerkReden)

	w.mustImport(sheet("999990019", "Berg", "2019-06-03", "HER", app.Schulden))
	w.present("HER-schulden")
	r := w.mustImport(withKenmerk(intrekking("999990019", "Berg", "2019-07-01", "schulden"), "HERGEBRUIK-1"))
	if !strings.Contains(r.Reden, app.ReusedKenmerkReden) || !strings.Contains(r.Reden, "de intrekking is toch toegepast") {
		t.Errorf("reden %q", r.Reden)
	}
	if got := w.file(w.personID("999990019")).Domeinen[app.Schulden].Toestemming; got != app.ConsentIngetrokken {
		t.Errorf("schulden = %s, want ingetrokken", got)
	}
	w.absent("HER-schulden")
	// The kenmerk keeps the first message's content: the same melding is still dubbel.
	if r := w.importXML(withKenmerk(melding("999990019", "Berg", "2019-05-01", "2019-08-14"), "HERGEBRUIK-1")); r.Resultaat != app.Dubbel {
		t.Errorf("first message again: %s (%s)", r.Resultaat, r.Reden)
	}
}
