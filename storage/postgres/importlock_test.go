package postgres

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

// Two processes on one team database (issue 16): while one fetches the mailbox, the
// other's fetch is refused with app.ErrImportBusy; after the first is done, it may.
func TestImportLockOneFetchAtATime(t *testing.T) {
	ctx := context.Background()
	first, uri := openTest(t)
	second, err := Open(ctx, uri, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { second.Close() })
	var _ app.ImportLocker = first

	a := app.NewService(first, nil, time.Now)
	b := app.NewService(second, nil, time.Now)
	release, err := a.LockImport(ctx)
	if err != nil {
		t.Fatalf("first fetch: %v", err)
	}
	if _, err := b.LockImport(ctx); !errors.Is(err, app.ErrImportBusy) {
		t.Fatalf("second fetch while the first runs: %v, want ErrImportBusy", err)
	}
	// Nor may a second fetch in the same process.
	if _, err := a.LockImport(ctx); !errors.Is(err, app.ErrImportBusy) {
		t.Fatalf("second fetch in the same process: %v, want ErrImportBusy", err)
	}
	release()
	again, err := b.LockImport(ctx)
	if err != nil {
		t.Fatalf("second fetch after the first: %v", err)
	}
	again()
}
