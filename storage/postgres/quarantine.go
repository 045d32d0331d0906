package postgres

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/storage/sqlstore"
)

// QuarantineList returns the quarantined messages without their bytes, newest first.
func (r *reader) QuarantineList() ([]app.Quarantined, error) {
	rows, err := r.query(`SELECT id, bron, reden, ontvangen, message_id FROM quarantine
		ORDER BY ontvangen DESC NULLS LAST, id DESC`)
	if err != nil {
		return nil, fmt.Errorf("quarantaine lezen: %w", err)
	}
	defer rows.Close()
	var out []app.Quarantined
	for rows.Next() {
		var q app.Quarantined
		var ontvangen sql.NullString
		if err := rows.Scan(&q.ID, &q.Bron, &q.Reden, &ontvangen, &q.MessageID); err != nil {
			return nil, fmt.Errorf("quarantaine lezen: %w", err)
		}
		if q.Ontvangen, err = sqlstore.ParseTime(ontvangen); err != nil {
			return nil, fmt.Errorf("quarantaine lezen: %w", err)
		}
		out = append(out, q)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("quarantaine lezen: %w", err)
	}
	return out, nil
}

// QuarantineByID runs sqlstore.QuarantineByID in this transaction.
func (r *reader) QuarantineByID(id int64) (*app.Quarantined, error) {
	return sqlstore.QuarantineByID(r, id)
}

// AddQuarantine stores a message that could not be imported and sets q.ID. When the
// same raw bytes are already in quarantine (a mail fetched again after an interrupted
// run), it stores nothing and sets q.ID to the existing entry's.
func (w *writer) AddQuarantine(q *app.Quarantined) error {
	raw := q.Raw
	if raw == nil {
		raw = []byte{} // the column is NOT NULL
	}
	sum := sha256.Sum256(raw)
	hash := hex.EncodeToString(sum[:])
	// Rows from before migration 0004 have no hash: their bytes are compared instead.
	err := w.queryRow(`SELECT id FROM (
			SELECT id FROM quarantine WHERE sha256 = ? AND raw = ?
			UNION ALL SELECT id FROM quarantine WHERE sha256 IS NULL AND raw = ?
		) AS q ORDER BY id LIMIT 1`, hash, raw, raw).Scan(&q.ID)
	if err == nil {
		return nil
	}
	if !errors.Is(err, pgx.ErrNoRows) {
		return fmt.Errorf("bericht in quarantaine opslaan: %w", err)
	}
	q.ID, err = w.insertID(`INSERT INTO quarantine (bron, reden, ontvangen, raw, sha256, message_id) VALUES (?, ?, ?, ?, ?, ?)`,
		q.Bron, q.Reden, sqlstore.TimeValue(q.Ontvangen), raw, hash, q.MessageID)
	if err != nil {
		return fmt.Errorf("bericht in quarantaine opslaan: %w", err)
	}
	return nil
}

// DeleteQuarantine removes a quarantined message and its bytes irreversibly;
// app.ErrNotFound when there is none.
func (w *writer) DeleteQuarantine(id int64) error {
	w.purge("quarantine")
	n, err := w.execCount(`DELETE FROM quarantine WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("quarantainebericht %d verwijderen: %w", id, err)
	}
	if n == 0 {
		return fmt.Errorf("quarantainebericht %d: %w", id, app.ErrNotFound)
	}
	return nil
}
