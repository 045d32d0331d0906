package postgres

import (
	"testing"

	"github.com/terugkeer/terugkeer/app"
)

// CountReleases counts the persons whose latest detention ends in the window, bounds
// included; an earlier detention or a person without one does not count.
func TestCountReleases(t *testing.T) {
	db, _ := openTest(t)
	a := createPerson(t, db, samplePerson(bsn1, "Anna", "", "Aa"))
	b := createPerson(t, db, samplePerson(bsn2, "Bert", "", "Bb"))
	c := createPerson(t, db, samplePerson(bsn3, "Cor", "", "Cc"))
	createPerson(t, db, samplePerson(bsn4, "Dirk", "", "Dd")) // no detention
	addDetention(t, db, a, "2019-01-01", "2019-09-01")
	addDetention(t, db, b, "2019-01-01", "2019-09-10")
	addDetention(t, db, c, "2019-01-01", "2019-09-05")
	addDetention(t, db, c, "2019-10-01", "2020-03-01") // c's latest ends later
	view(t, db, func(tx app.ReadTx) error {
		n, err := tx.CountReleases(app.MustDate("2019-09-01"), app.MustDate("2019-09-10"))
		if n != 2 {
			t.Errorf("CountReleases = %d, want 2 (Anna and Bert)", n)
		}
		return err
	})
}
