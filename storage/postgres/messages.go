package postgres

import (
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/storage/sqlstore"
)

// MessageKnown runs sqlstore.MessageKnown in this transaction.
func (r *reader) MessageKnown(kenmerk string) (bool, error) { return sqlstore.MessageKnown(r, kenmerk) }

// MessageContent returns the content hash kept for kenmerk ("" when it was recorded
// before hashes were kept) and whether the kenmerk is known.
func (r *reader) MessageContent(kenmerk string) (string, bool, error) {
	var hash string
	err := r.queryRow(`SELECT inhoud FROM messages WHERE kenmerk = ?`, kenmerk).Scan(&hash)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("bericht opzoeken: %w", err)
	}
	return hash, true, nil
}

// Messages returns the message records of a person ordered by verzonden.
func (r *reader) Messages(personID int64) ([]app.MessageRecord, error) {
	rows, err := r.query(`SELECT kenmerk, soort, verzonden, ontvangen, person_id, message_id
		FROM messages WHERE person_id = ? ORDER BY verzonden NULLS FIRST, kenmerk`, personID)
	if err != nil {
		return nil, fmt.Errorf("berichten van persoon %d lezen: %w", personID, err)
	}
	defer rows.Close()
	var out []app.MessageRecord
	for rows.Next() {
		m, err := sqlstore.ScanMessage(rows)
		if err != nil {
			return nil, fmt.Errorf("berichten van persoon %d lezen: %w", personID, err)
		}
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("berichten van persoon %d lezen: %w", personID, err)
	}
	return out, nil
}

// AddMessage runs sqlstore.AddMessage in this transaction.
func (w *writer) AddMessage(m app.MessageRecord) error { return sqlstore.AddMessage(w, m) }
