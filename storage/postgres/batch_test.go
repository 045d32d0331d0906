package postgres

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

// A failing savepoint, even one whose statement failed (which aborts a PostgreSQL
// transaction until the rollback to the savepoint), leaves nothing behind, while the
// savepoints around it are committed and the audit chain and seal verify.
func TestBatchSavepointUndoesAlone(t *testing.T) {
	db, _ := openTest(t)
	ctx := context.Background()
	b, err := db.Batch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Rollback() //nolint:errcheck // after Commit a no-op; frees the lock when the test fails
	fail := errors.New("bericht ongeldig")
	for i, step := range []string{"Kees", "fout", "sql", "Mieke"} {
		err := b.Savepoint(func(tx app.Tx) error {
			if err := tx.SetSetting(app.SettingGebruiker, step); err != nil {
				return err
			}
			if err := tx.AddAudit(&app.AuditEntry{Tijd: time.Date(2026, 3, 1, 12, 0, i, 0, time.UTC),
				Actie: app.ActieImport, Object: "test", Resultaat: step}); err != nil {
				return err
			}
			switch step {
			case "fout":
				return fail
			case "sql": // a person without a valid BSN: the CHECK fails
				return tx.CreatePerson(&app.Person{BSN: "12"})
			}
			return nil
		})
		if (step == "fout" || step == "sql") == (err == nil) {
			t.Fatalf("savepoint %s: %v", step, err)
		}
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	var got string
	view(t, db, func(tx app.ReadTx) error {
		got, err = tx.Setting(app.SettingGebruiker)
		return err
	})
	if got != "Mieke" {
		t.Errorf("gebruiker = %q, want Mieke", got)
	}
	check, err := app.NewService(db, nil, time.Now).VerifyAudit(ctx)
	if err != nil || !check.Intact || check.Zegel != "" || check.Entries != 2 {
		t.Fatalf("audit after the batch: %+v, %v", check, err)
	}
}

// A batch that purged vacuums at its commit, as Update does; Rollback keeps nothing and
// frees the write lock.
func TestBatchPurgeVacuumsAndRollbackKeepsNothing(t *testing.T) {
	db, _ := openTest(t)
	id := createPerson(t, db, samplePerson(bsn1, "Jan", "", "Jansen"))
	ctx := context.Background()
	b, err := db.Batch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Savepoint(func(tx app.Tx) error { return tx.DeletePerson(id) }); err != nil {
		t.Fatal(err)
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	if d := deadTuples(t, db, "persons"); d != 0 {
		t.Errorf("persons holds %d dead row versions after the batch", d)
	}
	b, err = db.Batch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Savepoint(func(tx app.Tx) error { return tx.SetSetting("proef", "x") }); err != nil {
		t.Fatal(err)
	}
	if err := b.Rollback(); err != nil {
		t.Fatal(err)
	}
	update(t, db, func(tx app.Tx) error { // the lock is free again
		v, err := tx.Setting("proef")
		if v != "" {
			t.Errorf("rolled back setting = %q", v)
		}
		return err
	})
}
