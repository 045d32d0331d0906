package sqlite

import (
	"context"
	"errors"
	"os"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

// TestBatchSavepointUndoesAlone: a failing savepoint leaves nothing behind, neither in
// the database nor in the batch's cache (a setting it changed, the audit head it moved),
// while the savepoints around it are committed.
func TestBatchSavepointUndoesAlone(t *testing.T) {
	db, _ := openTest(t)
	ctx := context.Background()
	update(t, db, func(tx app.Tx) error { return tx.SetSetting(app.SettingGebruiker, "Anna") })
	b, err := db.Batch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Rollback() //nolint:errcheck // after Commit a no-op; frees the lock when the test fails
	fail := errors.New("bericht ongeldig")
	steps := []struct {
		name string
		fail bool
	}{{"Kees", false}, {"Mieke", true}, {"", false}}
	for _, s := range steps {
		err := b.Savepoint(func(tx app.Tx) error {
			if s.name != "" {
				if err := tx.SetSetting(app.SettingGebruiker, s.name); err != nil {
					return err
				}
			}
			if err := tx.AddAudit(&app.AuditEntry{Tijd: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC), Actie: app.ActieImport, Object: "test", Resultaat: s.name}); err != nil {
				return err
			}
			if s.fail {
				return fail
			}
			return nil
		})
		if s.fail != errors.Is(err, fail) {
			t.Fatalf("savepoint %s: %v", s.name, err)
		}
	}
	var inBatch string
	if err := b.Savepoint(func(tx app.Tx) error { inBatch, err = tx.Setting(app.SettingGebruiker); return err }); err != nil {
		t.Fatal(err)
	}
	if inBatch != "Kees" {
		t.Errorf("in the batch after the undone savepoint: gebruiker = %q, want Kees", inBatch)
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	var got string
	var entries []app.AuditEntry
	view(t, db, func(tx app.ReadTx) error {
		got, err = tx.Setting(app.SettingGebruiker)
		if err != nil {
			return err
		}
		entries, err = tx.AuditEntries(app.AuditFilter{Actie: app.ActieImport})
		return err
	})
	if got != "Kees" {
		t.Errorf("gebruiker = %q, want Kees", got)
	}
	if len(entries) != 2 || entries[0].Resultaat != "Kees" || entries[1].Resultaat != "" {
		t.Fatalf("audit entries = %+v, want Kees's and the last one", entries)
	}
	if entries[1].PrevHash != entries[0].Hash {
		t.Error("the entry after the undone one is not chained onto Kees's: the head was not restored")
	}
	checkChain(t, db)
}

// checkChain asserts that the audit log verifies, seal included.
func checkChain(t *testing.T, db *DB) {
	t.Helper()
	var seal *app.AuditSeal
	var all []app.AuditEntry
	view(t, db, func(tx app.ReadTx) error {
		var err error
		if seal, err = tx.AuditSeal(); err != nil {
			return err
		}
		all, err = tx.AuditEntries(app.AuditFilter{})
		return err
	})
	if seal == nil || !seal.Echt {
		t.Fatalf("seal = %+v, want one that fits", seal)
	}
	if seal.Aantal != len(all) || seal.Laatste != all[len(all)-1].Hash {
		t.Errorf("seal says %d entries up to %.8s, the log has %d up to %.8s", seal.Aantal, seal.Laatste, len(all), all[len(all)-1].Hash)
	}
	for i := 1; i < len(all); i++ {
		if all[i].PrevHash != all[i-1].Hash {
			t.Errorf("entry %d is not chained onto entry %d", all[i].ID, all[i-1].ID)
		}
	}
}

// TestBatchPurgeTruncatesTheLog: a batch whose savepoint purged makes the removal
// irreversible at its commit, as Update does: the WAL is empty and no wipe is pending.
func TestBatchPurgeTruncatesTheLog(t *testing.T) {
	const marker = "Batchwisachternaam"
	db, path := openTest(t)
	id := createPerson(t, db, samplePerson(bsn1, "Jan", "", marker))
	ctx := context.Background()
	b, err := db.Batch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Rollback() //nolint:errcheck // after Commit a no-op
	if err := b.Savepoint(func(tx app.Tx) error { return tx.DeletePerson(id) }); err != nil {
		t.Fatal(err)
	}
	if err := b.Savepoint(func(tx app.Tx) error { return tx.SetSetting("proef", "na de wis") }); err != nil {
		t.Fatal(err)
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	if db.WipePending() {
		t.Error("a wipe is pending after the batch's commit")
	}
	if fi, err := os.Stat(path + "-wal"); err == nil && fi.Size() != 0 {
		t.Errorf("WAL holds %d bytes after a batch that purged", fi.Size())
	}
	for _, f := range []string{path, path + "-wal"} {
		if fileHolds(t, f, marker) {
			t.Errorf("%s still holds the purged name", f)
		}
	}
}

// TestBatchDeferringWipeLeavesItToCompleteWipe: a batch begun with BatchDeferringWipe
// that purged commits with the wipe recorded (wisopdracht) but not done, the removed
// name still in the WAL; CompleteWipe then wipes it as Commit would have.
func TestBatchDeferringWipeLeavesItToCompleteWipe(t *testing.T) {
	const marker = "Uitgesteldwisachternaam"
	db, path := openTest(t)
	id := createPerson(t, db, samplePerson(bsn1, "Jan", "", marker))
	ctx := context.Background()
	b, err := db.BatchDeferringWipe(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Rollback() //nolint:errcheck // after Commit a no-op
	if err := b.Savepoint(func(tx app.Tx) error { return tx.DeletePerson(id) }); err != nil {
		t.Fatal(err)
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	if n, err := wipeTicket(ctx, db.sql); err != nil || n == 0 {
		t.Fatalf("no wipe recorded after the deferring batch's commit (%d, %v)", n, err)
	}
	if !fileHolds(t, path+"-wal", marker) {
		t.Fatal("the WAL does not hold the purged name before CompleteWipe: the test cannot fail")
	}
	if err := db.CompleteWipe(ctx); err != nil {
		t.Fatal(err)
	}
	if n, err := wipeTicket(ctx, db.sql); err != nil || n != 0 || db.WipePending() {
		t.Errorf("wipe still pending after CompleteWipe (%d, %v)", n, err)
	}
	if fi, err := os.Stat(path + "-wal"); err == nil && fi.Size() != 0 {
		t.Errorf("WAL holds %d bytes after CompleteWipe", fi.Size())
	}
	for _, f := range []string{path, path + "-wal"} {
		if fileHolds(t, f, marker) {
			t.Errorf("%s still holds the purged name", f)
		}
	}
}

// TestBatchRollbackKeepsNothing: Rollback undoes every savepoint, and the write lock is
// free afterwards.
func TestBatchRollbackKeepsNothing(t *testing.T) {
	db, _ := openTest(t)
	b, err := db.Batch(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Savepoint(func(tx app.Tx) error { return tx.SetSetting("proef", "x") }); err != nil {
		t.Fatal(err)
	}
	if err := b.Rollback(); err != nil {
		t.Fatal(err)
	}
	update(t, db, func(tx app.Tx) error {
		v, err := tx.Setting("proef")
		if err == nil && v != "" {
			t.Errorf("setting after Rollback = %q", v)
		}
		return err
	})
}

// TestBatchEndsWithItsContext: a batch's statements run without the end of its context
// (statementContext), so the batch itself must stop once that context ends: the next
// savepoint is refused without running, and nothing of the open group is stored.
func TestBatchEndsWithItsContext(t *testing.T) {
	db, _ := openTest(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	b, err := db.Batch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Rollback() //nolint:errcheck // frees the lock when the test fails
	if err := b.Savepoint(func(tx app.Tx) error { return tx.SetSetting("proef", "eerste") }); err != nil {
		t.Fatal(err)
	}
	cancel()
	ran := false
	err = b.Savepoint(func(tx app.Tx) error { ran = true; return tx.SetSetting("proef", "tweede") })
	if !errors.Is(err, context.Canceled) || ran {
		t.Errorf("savepoint after the context ended: err %v, ran %v; want context.Canceled, not run", err, ran)
	}
	if err := b.Commit(); err == nil {
		t.Error("Commit after the context ended succeeded")
	}
	update(t, db, func(tx app.Tx) error {
		v, err := tx.Setting("proef")
		if err == nil && v != "" {
			t.Errorf("setting after the batch's context ended = %q, want nothing stored", v)
		}
		return err
	})
}
