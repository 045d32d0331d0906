package sqlstore

import (
	"database/sql"
	"errors"
	"fmt"

	"github.com/terugkeer/terugkeer/app"
)

// QuarantineByID returns one quarantined message with its bytes, or app.ErrNotFound.
func QuarantineByID(tx Querier, id int64) (*app.Quarantined, error) {
	q := app.Quarantined{ID: id}
	var ontvangen sql.NullString
	err := tx.QueryRow(`SELECT bron, reden, ontvangen, raw, message_id FROM quarantine WHERE id = ?`, id).
		Scan(&q.Bron, &q.Reden, &ontvangen, &q.Raw, &q.MessageID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("quarantainebericht %d: %w", id, app.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("quarantainebericht %d lezen: %w", id, err)
	}
	if q.Ontvangen, err = ParseTime(ontvangen); err != nil {
		return nil, fmt.Errorf("quarantainebericht %d lezen: %w", id, err)
	}
	return &q, nil
}
