package sqlite

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/terugkeer/terugkeer/app"
)

// The forensic tests read every file of the database directory byte for byte: after a
// purge, no trace of the removed content may remain, neither in the database file nor
// in the WAL. Each first proves that the marker is on disk, so that it can fail.

// purgeCase stores content carrying marker and removes it again.
type purgeCase struct {
	name   string
	store  func(tx app.Tx, marker string) error
	remove func(tx app.Tx) error
}

func purgeCases(t *testing.T, db *DB) []purgeCase {
	id := createPerson(t, db, samplePerson(bsn1, "Jan", "", "Jansen"))
	var qid int64
	return []purgeCase{{
		name: "PurgeDomainData",
		store: func(tx app.Tx, m string) error {
			return tx.ReplaceDomainData(id, app.Zorg, app.DomainData{Hulpvraag: "hulp " + m,
				Onderwerpen: []app.Answer{{Code: "zorg.behandeling", Antwoord: "ja", Toelichting: "ggz " + m}}})
		},
		remove: func(tx app.Tx) error { _, err := tx.PurgeDomainData(id, app.Zorg); return err },
	}, {
		name: "PurgeSheetData",
		store: func(tx app.Tx, m string) error {
			return tx.ReplaceDomainData(id, app.Schulden, app.DomainData{Hulpvraag: "hulp " + m})
		},
		remove: func(tx app.Tx) error { _, err := tx.PurgeSheetData(id, app.Schulden); return err },
	}, {
		name: "ReplacePlan",
		store: func(tx app.Tx, m string) error {
			return tx.ReplacePlan(id, testPlan("K-1", "2024-03-12", app.LifeArea{Code: app.Zorg, Situatie: "ggz " + m,
				Doelen: []string{"doel " + m}, Afspraken: []app.Agreement{{ID: "zo-1", Wie: app.WieDJI,
					Status: app.AfspraakOpen, Tekst: "afspraak " + m}}}))
		},
		remove: func(tx app.Tx) error {
			return tx.ReplacePlan(id, testPlan("K-2", "2024-05-28", app.LifeArea{Code: app.Onderdak}))
		},
	}, {
		// A newer plan that keeps the agreement but changes its text overwrites it.
		name: "ReplacePlan overwriting",
		store: func(tx app.Tx, m string) error {
			return tx.ReplacePlan(id, testPlan("K-3", "2024-06-01", app.LifeArea{Code: app.Zorg,
				Afspraken: []app.Agreement{{ID: "zo-2", Wie: app.WieDJI, Status: app.AfspraakOpen, Tekst: "afspraak " + m}}}))
		},
		remove: func(tx app.Tx) error {
			return tx.ReplacePlan(id, testPlan("K-4", "2024-07-01", app.LifeArea{Code: app.Zorg,
				Afspraken: []app.Agreement{{ID: "zo-2", Wie: app.WieDJI, Status: app.AfspraakLopend, Tekst: "afspraak"}}}))
		},
	}, {
		name: "PurgeGeneral",
		store: func(tx app.Tx, m string) error {
			return tx.ReplaceGeneral(id, []app.Answer{{Code: "contact.bereikbaarheid", Toelichting: m}})
		},
		remove: func(tx app.Tx) error { _, err := tx.PurgeGeneral(id); return err },
	}, {
		name: "DeletePerson",
		store: func(tx app.Tx, m string) error {
			p := samplePerson(bsn2, "Voornaam", "", m)
			err := tx.CreatePerson(p)
			qid = p.ID
			return err
		},
		remove: func(tx app.Tx) error { return tx.DeletePerson(qid) },
	}, {
		name: "DeleteQuarantine",
		store: func(tx app.Tx, m string) error {
			q := &app.Quarantined{Bron: "x.xml", Reden: "kapot",
				Raw: bytes.Repeat([]byte("<bericht>"+m+"</bericht>"), 2000)} // overflow pages
			err := tx.AddQuarantine(q)
			qid = q.ID
			return err
		},
		remove: func(tx app.Tx) error { return tx.DeleteQuarantine(qid) },
	}}
}

func TestPurgeLeavesNoTrace(t *testing.T) {
	for _, checkpointFirst := range []bool{false, true} {
		db, path := openTest(t)
		for _, c := range purgeCases(t, db) {
			marker := "MARKER-7f3a9-" + c.name
			update(t, db, func(tx app.Tx) error { return c.store(tx, marker) })
			if checkpointFirst { // the marker then lives in the database file itself
				db.writeMu.Lock()
				_, err := db.checkpoint(t.Context(), true)
				db.writeMu.Unlock()
				if err != nil {
					t.Fatal(err)
				}
			}
			if !markerOnDisk(t, filepath.Dir(path), marker) {
				t.Fatalf("%s: marker not on disk before the purge: the test cannot fail", c.name)
			}
			update(t, db, c.remove)
			if markerOnDisk(t, filepath.Dir(path), marker) {
				t.Errorf("%s (checkpoint first: %v): marker still on disk after the purge", c.name, checkpointFirst)
			}
		}
		db.Close()
		if markerOnDisk(t, filepath.Dir(path), "MARKER-7f3a9") {
			t.Errorf("checkpoint first %v: a marker is on disk after Close", checkpointFirst)
		}
	}
}

// markerOnDisk reports whether any file below dir contains marker, in any case (the
// search column holds it folded to lower case).
func markerOnDisk(t *testing.T, dir, marker string) bool {
	t.Helper()
	needle := []byte(strings.ToLower(marker))
	found := false
	err := filepath.WalkDir(dir, func(name string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := os.ReadFile(name)
		if bytes.Contains(bytes.ToLower(b), needle) {
			found = true
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}
