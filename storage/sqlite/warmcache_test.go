package sqlite

import (
	"context"
	"path/filepath"
	"testing"

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
