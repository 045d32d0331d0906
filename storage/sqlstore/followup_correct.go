package sqlstore

import (
	"fmt"

	"github.com/terugkeer/terugkeer/app"
)

// UpdateStatusChange sets the target status of one status change (by c.ID).
func UpdateStatusChange(tx Querier, c app.StatusChange) error {
	n, err := tx.Exec(`UPDATE followup_history SET naar = ? WHERE id = ?`, string(c.Naar), c.ID)
	if err != nil {
		return fmt.Errorf("statuswijziging %d corrigeren: %w", c.ID, err)
	}
	if n == 0 {
		return app.ErrNotFound
	}
	return nil
}
