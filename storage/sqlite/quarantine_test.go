package sqlite

import (
	"testing"

	"github.com/terugkeer/terugkeer/app"
)

// An entry from before migration 0004 has no hash: its bytes still match (the rest of
// quarantine's behaviour is in storetest).
func TestQuarantineWithoutHashRecognised(t *testing.T) {
	db, _ := openTest(t)
	q3 := &app.Quarantined{Bron: "postvak uid 8", Reden: "kapot", Raw: []byte("<b/>")}
	update(t, db, func(tx app.Tx) error { return tx.AddQuarantine(q3) })
	update(t, db, func(tx app.Tx) error {
		_, err := tx.(*writer).exec(`UPDATE quarantine SET sha256 = NULL WHERE id = ?`, q3.ID)
		return err
	})
	q4 := &app.Quarantined{Bron: "x", Reden: "kapot", Raw: []byte("<b/>")}
	update(t, db, func(tx app.Tx) error { return tx.AddQuarantine(q4) })
	if q4.ID != q3.ID {
		t.Errorf("old entry without hash not recognised: %d, want %d", q4.ID, q3.ID)
	}
}
