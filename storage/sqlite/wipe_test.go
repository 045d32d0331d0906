package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"testing"

	"github.com/terugkeer/terugkeer/app"
)

// TestPendingWipeOutlivesTheProcess: a long read transaction on another connection (the
// desktop app, another command) keeps the purged rows in the WAL after the purging
// process has closed its store. The pending wipe is in the database itself, and the next
// Open of any process completes it: the purged text is then in none of the files.
func TestPendingWipeOutlivesTheProcess(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for two busy timeouts")
	}
	const marker = "Wisproefachternaam"
	db, path := openTest(t)
	id := createPerson(t, db, samplePerson(bsn1, "Jan", "", marker))

	other, err := sql.Open("sqlite", dsn(path)) // a second connection, as another process has
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	ctx := context.Background()
	reader, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	var n int
	if _, err := reader.ExecContext(ctx, "BEGIN"); err != nil {
		t.Fatal(err)
	}
	if err := reader.QueryRowContext(ctx, "SELECT count(*) FROM persons").Scan(&n); err != nil {
		t.Fatal(err)
	}

	if err := db.Update(ctx, func(tx app.Tx) error { return tx.DeletePerson(id) }); err != nil {
		t.Fatalf("the purge is committed, Update must not fail: %v", err)
	}
	if !db.WipePending() {
		t.Error("WipePending = false while a reader held the log")
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if !fileHolds(t, path+"-wal", marker) {
		t.Fatal("the test does not reproduce the busy log: the marker is not in -wal")
	}
	if _, err := reader.ExecContext(ctx, "ROLLBACK"); err != nil { // the reader is done, its connection stays
		t.Fatal(err)
	}

	next, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer next.Close()
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if fileHolds(t, path+suffix, marker) {
			t.Errorf("the purged name is still in terugkeer.db%s after the next open", suffix)
		}
	}
	if n, err := wipeTicket(ctx, next.sql); err != nil || n != 0 {
		t.Errorf("wisopdracht = %d, %v after the wipe", n, err)
	}
}

// fileHolds reports whether the file exists and contains s.
func fileHolds(t *testing.T, name, s string) bool {
	t.Helper()
	b, err := os.ReadFile(name)
	if os.IsNotExist(err) {
		return false
	}
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Contains(b, []byte(s))
}
