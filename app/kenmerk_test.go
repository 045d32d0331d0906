package app_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers"
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

// The content hash kept per kenmerk is the message's own ContentHash, whichever path
// imported it: ImportBatch makes the canonical form on its parse goroutine, ImportBytes
// and a retry where they parse.
func TestStoredContentHashIsTheMessages(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	single := []string{melding("999990019", "Berg", "2019-05-01", "2019-08-14"), sheet("999990019", "Berg", "2019-06-03", "HASH1", app.Schulden)}
	grouped := []string{melding("999990020", "Dijk", "2019-05-02", "2019-09-14"), sheet("999990020", "Dijk", "2019-06-04", "HASH2", app.Onderdak, app.Zorg)}
	for _, x := range single {
		w.mustImport(x)
	}
	b := w.svc.NewImportBatch(ctx)
	for i, x := range grouped {
		if err := b.Add(app.ImportInput{Bron: fmt.Sprintf("groep-%d.xml", i), Raw: []byte(x)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	for _, x := range append(single, grouped...) {
		msg, err := importers.Decoder{}.Parse([]byte(x))
		if err != nil {
			t.Fatal(err)
		}
		err = w.db.Update(ctx, func(tx app.Tx) error {
			key, err := tx.SecretKey()
			if err != nil {
				return err
			}
			got, known, err := tx.MessageContent(msg.Kenmerk)
			if err == nil && (!known || got != msg.ContentHash(key)) {
				t.Errorf("%s %s: kept hash %q (known %v), want the message's ContentHash", msg.Soort, msg.Kenmerk, got, known)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
