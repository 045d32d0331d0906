package storetest

import (
	"slices"
	"testing"

	"github.com/terugkeer/terugkeer/app"
)

// testTogether: reads run with app.Together return what each returns alone, a read of
// two statements included, and the error of one read is
// Together's while the others still return theirs.
func testTogether(t *testing.T, open Opener) {
	db := open(t)
	p1 := createPerson(t, db, samplePerson(bsn1, "Jan", "", "Jansen"))
	p2 := createPerson(t, db, samplePerson(bsn2, "Piet", "", "Pietersen"))
	addDetention(t, db, p1, "2019-01-01", "2019-08-05")
	update(t, db, func(tx app.Tx) error { return tx.SetSetting(app.SettingLaatstBekeken, "2019-08-01T10:00:00Z") })
	type result struct {
		names   []string
		n       int
		setting string
		held    int
		count   int
	}
	reads := func(r *result) []func(app.ReadTx) error {
		return []func(app.ReadTx) error{
			func(tx app.ReadTx) error {
				rows, err := tx.SearchPersons(app.PersonQuery{Sort: app.SortByName})
				for _, row := range rows {
					r.names = append(r.names, row.FullName())
				}
				return err
			},
			func(tx app.ReadTx) (err error) {
				r.n, err = tx.CountReleases(app.MustDate("2019-08-01"), app.MustDate("2019-08-31"))
				return err
			},
			// two statements one after the other in one read
			func(tx app.ReadTx) (err error) {
				if r.setting, err = tx.Setting(app.SettingLaatstBekeken); err != nil {
					return err
				}
				r.held, err = tx.HeldCount()
				return err
			},
			func(tx app.ReadTx) (err error) {
				r.count, err = tx.CountPersons(app.PersonQuery{Zoek: "piet"})
				return err
			},
		}
	}
	var alone, together result
	view(t, db, func(tx app.ReadTx) error {
		for _, read := range reads(&alone) {
			if err := read(tx); err != nil {
				return err
			}
		}
		return app.Together(tx, reads(&together)...)
	})
	want := result{names: []string{"Jan Jansen", "Piet Pietersen"}, n: 1, setting: "2019-08-01T10:00:00Z", count: 1}
	if !slices.Equal(alone.names, want.names) || alone.n != want.n || alone.setting != want.setting ||
		alone.held != want.held || alone.count != want.count {
		t.Fatalf("one by one: %+v, want %+v", alone, want)
	}
	if !slices.Equal(together.names, alone.names) || together.n != alone.n || together.setting != alone.setting ||
		together.held != alone.held || together.count != alone.count {
		t.Errorf("together: %+v, one by one %+v", together, alone)
	}
	// An error of one read is Together's; the transaction stays usable for the others.
	view(t, db, func(tx app.ReadTx) error {
		var r result
		err := app.Together(tx, append(reads(&r), func(tx app.ReadTx) error {
			_, err := tx.SearchPersons(app.PersonQuery{Sort: app.PersonSort(99)})
			return err
		})...)
		if err == nil {
			t.Error("Together without the error of its failed read")
		}
		if r.n != 1 || r.setting == "" || len(r.names) != 2 {
			t.Errorf("the reads beside the failed one: %+v", r)
		}
		if p, err := tx.PersonByID(p2); err != nil || p.Achternaam != "Pietersen" {
			t.Errorf("after Together: %v, %v", p, err)
		}
		return nil
	})
}
