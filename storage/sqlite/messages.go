package sqlite

import (
	"database/sql"
	"fmt"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/storage/sqlstore"
)

// MessageKnown runs sqlstore.MessageKnown in this transaction.
func (r *reader) MessageKnown(kenmerk string) (bool, error) { return sqlstore.MessageKnown(r, kenmerk) }

// MessageContent returns the content hash kept for kenmerk ("" when it was recorded
// before hashes were kept) and whether the kenmerk is known.
//
// The same query also reads what HeldContent returns for kenmerk, which the import asks
// next for every new kenmerk (app's kenmerkUseOf): one statement instead of two
// (heldLookup).
func (r *reader) MessageContent(kenmerk string) (string, bool, error) {
	var hash, held sql.NullString
	err := r.queryRow(`SELECT (SELECT inhoud FROM messages WHERE kenmerk = ?1),
		(SELECT inhoud FROM controle WHERE kenmerk = ?1 ORDER BY id LIMIT 1)`, kenmerk).Scan(&hash, &held)
	if err != nil {
		return "", false, fmt.Errorf("bericht opzoeken: %w", err)
	}
	r.held = &heldLookup{kenmerk: kenmerk, hash: held}
	return hash.String, hash.Valid, nil
}

// heldLookup is what HeldContent would return for kenmerk, read by MessageContent; any
// statement that writes drops it (reader.execLog).
type heldLookup struct {
	kenmerk string
	hash    sql.NullString
}

// Messages returns the message records of a person ordered by verzonden.
func (r *reader) Messages(personID int64) ([]app.MessageRecord, error) {
	rows, err := r.query(`SELECT kenmerk, soort, verzonden, ontvangen, person_id, message_id
		FROM messages WHERE person_id = ? ORDER BY verzonden, kenmerk`, personID)
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
