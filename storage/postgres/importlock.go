package postgres

import (
	"context"
	"fmt"
)

// importLockKey is the session-level advisory lock the mailbox import holds for the
// length of a fetch; advisory locks are per database, so it is one per team.
const importLockKey int64 = 0x7465727568 // "teruh", beside writeLockKey

// TryImportLock takes the team-wide import lock (app.ImportLocker) on a connection of
// its own, which it keeps until release: pg_try_advisory_lock is held by the session,
// not by a transaction. ok is false when another session holds it. Should the process
// die, the server ends the session and the lock with it.
func (db *DB) TryImportLock(ctx context.Context) (release func(), ok bool, err error) {
	conn, err := db.pool.Acquire(ctx)
	if err != nil {
		return nil, false, fmt.Errorf("verbinding voor de importvergrendeling: %w", err)
	}
	if err := conn.QueryRow(ctx, `SELECT pg_try_advisory_lock($1)`, importLockKey).Scan(&ok); err != nil {
		conn.Release()
		return nil, false, fmt.Errorf("importvergrendeling nemen: %w", err)
	}
	if !ok {
		conn.Release()
		return nil, false, nil
	}
	release = func() {
		ctx := context.WithoutCancel(ctx)
		if _, err := conn.Exec(ctx, `SELECT pg_advisory_unlock($1)`, importLockKey); err != nil {
			// The lock may still be held: end the session, which ends the lock.
			_ = conn.Conn().Close(ctx)
		}
		conn.Release()
	}
	return release, true, nil
}
