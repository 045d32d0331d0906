package sqlite

import (
	"context"
	"fmt"

	"github.com/terugkeer/terugkeer/app"
)

var _ app.ChangeCounter = (*DB)(nil)

// Changes returns the change counter (migration 0016): it moves with every committed
// write transaction, of this process or another, that changed more than the audit log.
func (db *DB) Changes(ctx context.Context) (int64, error) {
	var n int64
	if err := db.sql.QueryRowContext(ctx, `SELECT teller FROM wijzigingen WHERE id = 1`).Scan(&n); err != nil {
		return 0, fmt.Errorf("wijzigingsteller lezen: %w", err)
	}
	return n, nil
}

// bump raises the change counter when the transaction changed data; the last statement
// before the commit, so the new value becomes visible together with the changes.
func (w *writer) bump() error {
	if !w.changed {
		return nil
	}
	if _, err := w.execLog(`UPDATE wijzigingen SET teller = teller + 1 WHERE id = 1`); err != nil {
		return fmt.Errorf("wijzigingsteller bijwerken: %w", err)
	}
	return nil
}
