package sqlite

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

// WarmCache gives every connection of the pool, also one a batch held, the larger page
// cache; without it they keep SQLite's default (-2000: 2,000 KiB).
func TestWarmCacheSetsEveryConnectionsPageCache(t *testing.T) {
	for _, c := range []struct {
		name string
		opts []Option
		want int64
	}{{"default", nil, -2000}, {"warm", []Option{WarmCache()}, -WarmCacheKiB}} {
		for i, got := range pageCaches(t, c.opts...) {
			if got != c.want {
				t.Errorf("%s: connection %d has cache_size %d, want %d", c.name, i, got, c.want)
			}
		}
	}
}

// pageCaches opens a new database with opts, commits a batch, and returns the
// cache_size of each connection of the pool, all held at once so that each is asked.
func pageCaches(t *testing.T, opts ...Option) []int64 {
	ctx := context.Background()
	db, err := Open(filepath.Join(t.TempDir(), "t.db"), opts...)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	b, err := db.Batch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Savepoint(func(app.Tx) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	sizes := make([]int64, maxOpenConns)
	for i := range sizes {
		conn, err := db.sql.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close() // before db.Close, which waits for them
		if err := conn.QueryRowContext(ctx, `PRAGMA cache_size`).Scan(&sizes[i]); err != nil {
			t.Fatal(err)
		}
	}
	return sizes
}

// A database opened WarmCache closes the connections that reads at the same time warmed,
// and their caches, once they are idle; without WarmCache the pool keeps them. A read
// afterwards opens what it needs again. (The pool's cleaner runs once a second at most.)
func TestWarmCacheClosesIdleConnections(t *testing.T) {
	quick := func(o *options) { o.idle = 50 * time.Millisecond } // WarmIdle is 30 s
	for _, c := range []struct {
		name     string
		opts     []Option
		wantIdle int
	}{{"default", nil, maxOpenConns}, {"warm", []Option{WarmCache(), quick}, 0}} {
		db, err := Open(filepath.Join(t.TempDir(), "t.db"), c.opts...)
		if err != nil {
			t.Fatal(err)
		}
		holdAll(t, db)
		time.Sleep(1500 * time.Millisecond)
		if got := db.sql.Stats().Idle; got != c.wantIdle {
			t.Errorf("%s: %d idle connections 1.5 s after the reads, want %d", c.name, got, c.wantIdle)
		}
		if err := db.View(context.Background(), func(tx app.ReadTx) error { _, err := tx.Setting("x"); return err }); err != nil {
			t.Errorf("%s: a read after the idle time: %v", c.name, err)
		}
		db.Close()
	}
}

// holdAll opens every connection of db's pool at once with a read on each, then
// returns them all to the pool.
func holdAll(t *testing.T, db *DB) {
	ctx := context.Background()
	conns := make([]*sql.Conn, maxOpenConns)
	for i := range conns {
		conn, err := db.sql.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var n int
		if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM persons`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		conns[i] = conn
	}
	for _, c := range conns {
		c.Close()
	}
}
