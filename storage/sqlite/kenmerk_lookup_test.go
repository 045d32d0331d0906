package sqlite

import (
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

// TestHeldContentAfterWrite: MessageContent reads what HeldContent returns for the same
// kenmerk in the same statement (heldLookup). A message held after that read, in the
// same transaction, is what HeldContent then reports, and another kenmerk is looked up
// on its own.
func TestHeldContentAfterWrite(t *testing.T) {
	db, _ := openTest(t)
	id := createPerson(t, db, samplePerson("999990019", "Jan", "", "Jansen"))
	update(t, db, func(tx app.Tx) error {
		if _, known, err := tx.MessageContent("K-1"); err != nil || known {
			t.Fatalf("MessageContent K-1: known %v, %v", known, err)
		}
		if _, known, err := tx.HeldContent("K-1"); err != nil || known {
			t.Fatalf("HeldContent K-1 before: known %v, %v", known, err)
		}
		if _, known, err := tx.MessageContent("K-1"); err != nil || known {
			t.Fatalf("MessageContent K-1: known %v, %v", known, err)
		}
		h := &app.Held{PersonID: id, Kenmerk: "K-1", Soort: app.Informatieblad, Bron: "test",
			Verzonden: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC), Ontvangen: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC),
			Inhoud: "hash-1"}
		if err := tx.AddHeld(h); err != nil {
			return err
		}
		if hash, known, err := tx.HeldContent("K-1"); err != nil || !known || hash != "hash-1" {
			t.Errorf("HeldContent K-1 after AddHeld: %q, known %v, %v; want hash-1", hash, known, err)
		}
		if _, _, err := tx.MessageContent("K-2"); err != nil {
			return err
		}
		if hash, known, err := tx.HeldContent("K-1"); err != nil || !known || hash != "hash-1" {
			t.Errorf("HeldContent K-1 after a lookup of K-2: %q, known %v, %v; want hash-1", hash, known, err)
		}
		return nil
	})
}
