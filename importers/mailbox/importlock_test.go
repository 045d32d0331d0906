package mailbox

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers"
	"github.com/terugkeer/terugkeer/storage/sqlite"
)

// teamStore is a SQLite store with the team database's import lock (app.ImportLocker),
// held in memory: two services on it are two processes on one team database.
type teamStore struct {
	*sqlite.DB
	mu     sync.Mutex
	locked bool
}

func (s *teamStore) TryImportLock(context.Context) (func(), bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.locked {
		return nil, false, nil
	}
	s.locked = true
	return func() { s.mu.Lock(); s.locked = false; s.mu.Unlock() }, true, nil
}

// While a colleague fetches the mailbox, a second fetch is refused with ErrImportBusy
// before it connects to the server; after it, the fetch runs and gives the lock back.
func TestRunRefusedWhileAColleagueFetches(t *testing.T) {
	m := startMem(t, capsFull)
	_, db := newService(t)
	store := &teamStore{DB: db}
	colleague := app.NewService(store, importers.Decoder{}, time.Now)
	svc := app.NewService(store, importers.Decoder{}, time.Now)
	ctx := context.Background()

	release, err := colleague.LockImport(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Run(ctx, svc, m.settings, m.auth()); !errors.Is(err, app.ErrImportBusy) {
		t.Fatalf("fetch while a colleague fetches: %v, want ErrImportBusy", err)
	}
	if sent := m.sentText(); sent != "" {
		t.Errorf("the refused fetch talked to the server: %q", sent)
	}
	release()
	if _, err := Run(ctx, svc, m.settings, m.auth()); err != nil {
		t.Fatalf("fetch after the colleague's: %v", err)
	}
	again, err := colleague.LockImport(ctx)
	if err != nil {
		t.Fatalf("the fetch kept the lock: %v", err)
	}
	again()
}
