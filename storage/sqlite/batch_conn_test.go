package sqlite

import (
	"context"
	"testing"
)

// TestBatchRestoresConnection: a batch's connection has the larger page cache and
// checkpoint bound while the batch is open, and its own settings again once the batch
// committed or rolled back, so the pool keeps SQLite's defaults.
func TestBatchRestoresConnection(t *testing.T) {
	db, _ := openTest(t)
	ctx := context.Background()
	db.sql.SetMaxOpenConns(1) // the batch and the checks below share the one connection
	want := connPragmas(t, db)
	for _, end := range []string{"commit", "rollback"} {
		b, err := db.Batch(ctx)
		if err != nil {
			t.Fatal(err)
		}
		tx := b.(*batch).w.tx
		var size, ckpt int64
		if err := tx.QueryRowContext(ctx, `PRAGMA cache_size`).Scan(&size); err != nil {
			t.Fatal(err)
		}
		if err := tx.QueryRowContext(ctx, `PRAGMA wal_autocheckpoint`).Scan(&ckpt); err != nil {
			t.Fatal(err)
		}
		if size != -batchCacheKiB || ckpt != batchCheckpointPages {
			t.Errorf("in the batch: cache_size %d, wal_autocheckpoint %d; want %d, %d", size, ckpt, -batchCacheKiB, batchCheckpointPages)
		}
		if end == "commit" {
			err = b.Commit()
		} else {
			err = b.Rollback()
		}
		if err != nil {
			t.Fatal(err)
		}
		if got := connPragmas(t, db); got != want {
			t.Errorf("after %s: %+v, want %+v", end, got, want)
		}
	}
}

func connPragmas(t *testing.T, db *DB) connSettings {
	t.Helper()
	var s connSettings
	if err := db.sql.QueryRow(`PRAGMA cache_size`).Scan(&s.cacheSize); err != nil {
		t.Fatal(err)
	}
	if err := db.sql.QueryRow(`PRAGMA wal_autocheckpoint`).Scan(&s.checkpoint); err != nil {
		t.Fatal(err)
	}
	return s
}
