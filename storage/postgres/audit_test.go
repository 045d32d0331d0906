package postgres

import (
	"context"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

func TestAuditChain(t *testing.T) {
	db, _ := openTest(t)
	ctx := context.Background()
	t0 := time.Date(2019, 6, 3, 10, 0, 0, 0, time.UTC)
	err := db.Update(ctx, func(tx app.Tx) error {
		for i, actie := range []string{app.ActieImport, app.ActiePurge} {
			e := &app.AuditEntry{Tijd: t0.Add(time.Duration(i) * time.Minute), Actie: actie, Object: "persoon",
				ObjectID: 7, Domeinen: []app.Domain{app.Schulden}, Aantal: 3}
			if err := tx.AddAudit(e); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var es []app.AuditEntry
	err = db.View(ctx, func(tx app.ReadTx) error {
		var err error
		es, err = tx.AuditEntries(app.AuditFilter{})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 2 || es[0].PrevHash != "" || es[1].PrevHash != es[0].Hash {
		t.Fatalf("chain = %+v", es)
	}
	if !es[0].Intact("") || !es[1].Intact(es[0].Hash) {
		t.Error("stored entries do not verify")
	}
	es[1].Aantal = 4
	if es[1].Intact(es[0].Hash) {
		t.Error("an altered entry still verifies")
	}
	if len(es[1].Domeinen) != 1 || es[1].Domeinen[0] != app.Schulden || !es[1].Tijd.Equal(t0.Add(time.Minute)) {
		t.Errorf("round trip = %+v", es[1])
	}
}
