package postgres

import (
	"strings"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

// Together sends the first statement of every read in one batch, the second ones in
// the next: three reads of one statement and one of two are two round trips, not five.
func TestTogetherSharesRoundTrips(t *testing.T) {
	db, _ := openTest(t)
	p := createPerson(t, db, samplePerson(bsn1, "Jan", "", "Jansen"))
	addDetention(t, db, p, "2026-01-01", "2026-12-10")
	update(t, db, func(tx app.Tx) error { return tx.SetSetting(app.SettingLaatstBekeken, "2026-12-01T10:00:00Z") })
	view(t, db, func(tx app.ReadTx) error {
		var n, held, quarantined int
		var seen string
		batches, err := tx.(*reader).together([]func(app.ReadTx) error{
			func(tx app.ReadTx) (err error) {
				n, err = tx.CountReleases(app.MustDate("2026-12-01"), app.MustDate("2026-12-31"))
				return err
			},
			func(tx app.ReadTx) (err error) {
				if seen, err = tx.Setting(app.SettingLaatstBekeken); err != nil {
					return err
				}
				held, err = tx.HeldCount()
				return err
			},
			func(tx app.ReadTx) (err error) { quarantined, err = tx.QuarantinedSince(time.Time{}); return err },
			func(tx app.ReadTx) error {
				rows, err := tx.SearchPersons(app.PersonQuery{Sort: app.SortByName})
				if err == nil && len(rows) != 1 {
					t.Errorf("persons: %v", rows)
				}
				return err
			},
		})
		if err != nil {
			t.Fatal(err)
		}
		if batches != 2 {
			t.Errorf("%d batches, want 2", batches)
		}
		if n != 1 || seen != "2026-12-01T10:00:00Z" || held != 0 || quarantined != 0 {
			t.Errorf("releases %d, seen %q, held %d, quarantined %d", n, seen, held, quarantined)
		}
		return nil
	})
}

// A failed statement fails the later ones of its batch too (the transaction is
// aborted): Together returns the first error, the server's, not a later one.
func TestTogetherReturnsTheFirstError(t *testing.T) {
	db, _ := openTest(t)
	err := db.View(t.Context(), func(tx app.ReadTx) error {
		var n int
		return app.Together(tx,
			func(tx app.ReadTx) (err error) { _, err = tx.HeldCount(); return err },
			func(tx app.ReadTx) error {
				return tx.(*reader).queryRow(`SELECT 1 / (SELECT count(*) FROM persons)`).Scan(&n)
			},
			func(tx app.ReadTx) (err error) { _, err = tx.QuarantinedSince(time.Time{}); return err },
		)
	})
	if err == nil || !strings.Contains(err.Error(), "division by zero") {
		t.Errorf("error %v, want the division by zero", err)
	}
}

// A read that panics panics Together once the other reads are done, and leaves no
// goroutine waiting.
func TestTogetherPanicsWithTheRead(t *testing.T) {
	db, _ := openTest(t)
	var held int
	defer func() {
		if v := recover(); v != "read panics" {
			t.Errorf("recovered %v", v)
		}
		if held != -1 {
			t.Errorf("the read beside the panic did not finish: %d", held)
		}
	}()
	_ = db.View(t.Context(), func(tx app.ReadTx) error {
		return app.Together(tx,
			func(tx app.ReadTx) error { _, _ = tx.HeldCount(); panic("read panics") },
			func(tx app.ReadTx) (err error) {
				if _, err = tx.HeldCount(); err == nil {
					_, err = tx.QuarantinedSince(time.Time{})
				}
				held = -1
				return err
			},
		)
	})
}
