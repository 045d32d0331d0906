package sqlstore

import (
	"database/sql"
	"errors"
	"fmt"

	"github.com/terugkeer/terugkeer/app"
)

// AddMessage records an imported message. PersonID 0 stores no link.
func AddMessage(tx Querier, m app.MessageRecord) error {
	var person any
	if m.PersonID != 0 {
		person = m.PersonID
	}
	_, err := tx.Exec(`INSERT INTO messages (kenmerk, soort, verzonden, ontvangen, person_id, message_id, inhoud)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, m.Kenmerk, string(m.Soort), TimeValue(m.Verzonden),
		TimeValue(m.Ontvangen), person, m.MessageID, m.Inhoud)
	if err != nil {
		return fmt.Errorf("bericht vastleggen: %w", err)
	}
	return nil
}

// ScanMessage reads a message record from the columns kenmerk, soort, verzonden,
// ontvangen, person_id and message_id.
func ScanMessage(rows Scanner) (app.MessageRecord, error) {
	var m app.MessageRecord
	var verzonden, ontvangen sql.NullString
	var person sql.NullInt64
	if err := rows.Scan(&m.Kenmerk, &m.Soort, &verzonden, &ontvangen, &person, &m.MessageID); err != nil {
		return m, err
	}
	m.PersonID = person.Int64
	var err1, err2 error
	m.Verzonden, err1 = ParseTime(verzonden)
	m.Ontvangen, err2 = ParseTime(ontvangen)
	return m, errors.Join(err1, err2)
}

// MessageKnown reports whether a message with this kenmerk was imported before.
func MessageKnown(tx Querier, kenmerk string) (bool, error) {
	var one int
	err := tx.QueryRow(`SELECT 1 FROM messages WHERE kenmerk = ?`, kenmerk).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("bericht opzoeken: %w", err)
	}
	return true, nil
}
