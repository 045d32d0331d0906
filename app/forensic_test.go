package app_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

// The forensic tests import messages carrying unique markers through the real importer,
// service and SQLite store, purge, and then read every file of the data directory byte
// for byte. Each first proves the marker is on disk, so the scan can fail.

func TestForensicRevokeOneDomain(t *testing.T) {
	w := newWorld(t)
	const bsn, name = "999990007", "Dekker"
	w.mustImport(melding(bsn, name, "2019-05-01", "2019-08-01"))
	r := w.mustImport(sheet(bsn, name, "2019-06-01", "MRKrevone", app.Zorg, app.Onderdak))
	w.present("MRKrevone-zorg-hulp", "MRKrevone-zorg", "MRKrevone-onderdak")
	w.mustImport(intrekking(bsn, name, "2019-07-01", "zorg"))
	w.absent("MRKrevone-zorg") // topic and hulpvraag both carry this prefix
	// What still stands must still be found: the scan sees live data after a purge.
	w.present("MRKrevone-onderdak-hulp", "MRKrevone-contact")
	purges := w.audit(app.ActiePurge)
	if len(purges) != 1 || purges[0].ObjectID != r.PersonID || !slices.Equal(purges[0].Domeinen, []app.Domain{app.Zorg}) ||
		purges[0].Aantal != 2 || purges[0].Grondslag != "toestemming" {
		t.Errorf("purge audit = %+v, want one entry for zorg with 2 items", purges)
	}
}

func TestForensicRevokeAll(t *testing.T) {
	w := newWorld(t)
	const bsn, name = "999990019", "Visser"
	r := w.mustImport(melding(bsn, name, "2019-05-01", "2019-08-01"))
	w.mustImport(sheet(bsn, name, "2019-06-01", "MRKall", app.Domains()...))
	w.present("MRKall-contact", "MRKall-zorg-voor-thuis-hulp", "MRKall-identiteitsbewijs")
	w.mustImport(intrekking(bsn, name, "2019-07-01", "alle"))
	w.absent("MRKall")
	if w.personCount() != 1 {
		t.Error("the legal-basis data (melding) must stay after revoking all consent")
	}
	purges := w.audit(app.ActiePurge)
	// six domains of two items each, plus the general contact topic
	if len(purges) != 1 || purges[0].ObjectID != r.PersonID || len(purges[0].Domeinen) != 6 || purges[0].Aantal != 13 {
		t.Errorf("purge audit = %+v", purges)
	}
}

func TestForensicNewerSheetWithdrawsDomain(t *testing.T) {
	w := newWorld(t)
	const bsn, name = "999990020", "Smit"
	w.mustImport(melding(bsn, name, "2019-05-01", "2019-08-01"))
	w.mustImport(sheet(bsn, name, "2019-06-01", "MRKold", app.Zorg, app.Schulden))
	w.present("MRKold-zorg-hulp", "MRKold-schulden")
	w.mustImport(sheet(bsn, name, "2019-06-15", "MRKnew", app.Schulden))
	w.absent("MRKold") // zorg withdrawn; schulden and contact replaced by the newer sheet
	w.present("MRKnew-schulden-hulp", "MRKnew-contact")
	purges := w.audit(app.ActiePurge)
	if len(purges) != 1 || !slices.Equal(purges[0].Domeinen, []app.Domain{app.Zorg}) || purges[0].Aantal != 2 {
		t.Errorf("purge audit = %+v, want zorg withdrawn with 2 items", purges)
	}
}

func TestForensicRemovePerson(t *testing.T) {
	w := newWorld(t)
	const bsn, name = "999990032", "Mrkremovenaam"
	r := w.mustImport(melding(bsn, name, "2019-05-01", "2019-08-01"))
	w.mustImport(sheet(bsn, name, "2019-06-01", "MRKremove", app.Onderdak))
	if _, err := w.svc.PersonFile(context.Background(), r.PersonID); err != nil {
		t.Fatal(err)
	}
	w.present(name, "MRKremove-onderdak-hulp", bsn)
	if err := w.svc.RemovePerson(context.Background(), r.PersonID); err != nil {
		t.Fatal(err)
	}
	w.absent(name, "MRKremove", bsn)
	if w.personCount() != 0 {
		t.Error("person still listed")
	}
	purges := w.audit(app.ActiePurge)
	// detention, onderdak topic and hulpvraag, contact topic
	if len(purges) != 1 || purges[0].ObjectID != r.PersonID || purges[0].Resultaat != "verwijderd" || purges[0].Aantal != 4 {
		t.Errorf("purge audit = %+v", purges)
	}
	if err := w.svc.RemovePerson(context.Background(), r.PersonID); err == nil {
		t.Error("removing a removed person succeeded")
	}
	// Rule 4 still holds after removal: the ledger outlives the person.
	w.mustImport(intrekking(bsn, name, "2019-07-01", "onderdak"))
	w.importXML(sheet(bsn, name, "2019-06-20", "MRKlate", app.Onderdak))
	w.absent("MRKlate")
}

func TestForensicRule6(t *testing.T) {
	w := newWorld(t)
	const bsn, name = "999990044", "Mrkregelzesnaam"
	r := w.mustImport(sheet(bsn, name, "2019-06-01", "MRKrule6", app.WerkEnInkomen))
	w.present(name, "MRKrule6-werk-en-inkomen-hulp", bsn)
	w.mustImport(intrekking(bsn, name, "2019-07-01", "alle"))
	w.absent(name, "MRKrule6", bsn)
	if w.personCount() != 0 {
		t.Error("a person with no data left was not removed (rule 6)")
	}
	purges := w.audit(app.ActiePurge)
	if len(purges) != 2 || purges[1].Resultaat != "verwijderd-regel-6" || purges[1].ObjectID != r.PersonID {
		t.Errorf("purge audit = %+v, want the purge and the rule-6 removal", purges)
	}
}

func TestForensicRetentionRun(t *testing.T) {
	w := newWorld(t)
	const bsn, name = "999990056", "Mrkbewaarnaam"
	w.mustImport(melding(bsn, name, "2019-05-01", "2019-08-14"))
	w.mustImport(sheet(bsn, name, "2019-06-01", "MRKretain", app.Zorg))
	w.present(name, "MRKretain-zorg-hulp")
	// Never taken into treatment: 9 months after the release date 2019-08-14.
	rep, err := w.svc.RunRetention(context.Background(), day("2020-05-13"), false)
	if err != nil || len(rep.Personen) != 0 {
		t.Fatalf("a day early: %+v, %v", rep, err)
	}
	w.present(name, "MRKretain-zorg-hulp")
	rep, err = w.svc.RunRetention(context.Background(), day("2020-05-14"), false)
	if err != nil || len(rep.Personen) != 1 || rep.Items != 4 {
		t.Fatalf("on the day: %+v, %v", rep, err)
	}
	w.absent(name, "MRKretain", bsn)
	es := w.audit(app.ActieBewaring)
	if len(es) != 3 || es[1].Resultaat != "vernietigd:niet-gestart" || es[1].Aantal != 4 {
		t.Errorf("retention audit = %+v", es)
	}
}

func TestForensicDiscardQuarantine(t *testing.T) {
	w := newWorld(t)
	x := strings.Replace(sheet("999990068", "Mrkquarnaam", "2019-06-01", "MRKquar", app.Zorg),
		`<gemeente code="0193">`, `<gemeente code="0200">`, 1) // not served here: quarantined
	r := w.importXML(x)
	if r.Resultaat != app.Quarantaine {
		t.Fatalf("result %s, want quarantaine", r.Resultaat)
	}
	w.present("Mrkquarnaam", "MRKquar-zorg-hulp")
	if err := w.svc.Discard(context.Background(), r.QuarantineID); err != nil {
		t.Fatal(err)
	}
	w.absent("Mrkquarnaam", "MRKquar", "999990068")
	es := w.audit(app.ActieQuarantaine)
	if len(es) != 2 || es[0].Resultaat != "geplaatst" || es[1].Resultaat != "verwijderd" || es[1].ObjectID != r.QuarantineID {
		t.Errorf("quarantine audit = %+v", es)
	}
}

// day is noon UTC on a date.
func day(s string) time.Time { return app.MustDate(s).Time().Add(12 * time.Hour) }

// TestForensicImportBatchWipesAtFlushAndClose: an ImportBatch wipes after purges at most
// once per app.WipeInterval while its commits follow each other, but always at Flush and
// Close: the revocations here commit well within one interval of each other, and each
// one's removed content is gone from every file once the Flush or Close that ends it
// returns.
func TestForensicImportBatchWipesAtFlushAndClose(t *testing.T) {
	w := newWorld(t)
	people := []struct{ bsn, name, marker string }{
		{"999990007", "Dekker", "MRKbatchone"}, {"999990019", "Visser", "MRKbatchtwo"}, {"999990020", "Smit", "MRKbatchthree"},
	}
	for _, p := range people {
		w.mustImport(melding(p.bsn, p.name, "2019-05-01", "2019-08-01"))
		w.mustImport(sheet(p.bsn, p.name, "2019-06-01", p.marker, app.Zorg, app.Onderdak))
		w.present(p.marker + "-zorg")
	}
	b := w.svc.NewImportBatch(context.Background())
	for i, p := range people {
		w.seq++
		err := b.Add(app.ImportInput{Bron: fmt.Sprintf("intrekking-%d.xml", w.seq), Raw: []byte(intrekking(p.bsn, p.name, "2019-07-01", "zorg")),
			Done: func(rs []app.Result, err error) {
				if err != nil || rs[0].Resultaat != app.Geimporteerd {
					t.Errorf("revocation %d: %v %+v", i, err, rs)
				}
			}})
		if err != nil {
			t.Fatal(err)
		}
		end := b.Flush
		if i == len(people)-1 {
			end = b.Close
		}
		if err := end(); err != nil {
			t.Fatal(err)
		}
		w.absent(p.marker + "-zorg")
		w.present(p.marker + "-onderdak")
	}
}
