package sqlstore

import (
	"fmt"
)

// PendingMailDeletions returns the Message-IDs whose mails are still to be deleted
// from the mail server, sorted.
func PendingMailDeletions(tx Querier) ([]string, error) {
	rows, err := tx.Query(`SELECT message_id FROM imap_verwijderen ORDER BY message_id`)
	if err != nil {
		return nil, fmt.Errorf("te verwijderen e-mails lezen: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("te verwijderen e-mails lezen: %w", err)
		}
		out = append(out, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("te verwijderen e-mails lezen: %w", err)
	}
	return out, nil
}

// MailDeletionsDone forgets Message-IDs whose mails are gone from the server.
func MailDeletionsDone(tx Querier, ids []string) error {
	for _, id := range ids {
		if _, err := tx.Exec(`DELETE FROM imap_verwijderen WHERE message_id = ?`, id); err != nil {
			return fmt.Errorf("verwijderde e-mail afmelden: %w", err)
		}
	}
	return nil
}

// QueueMailDeletions records Message-IDs whose mails must be deleted from the server.
func QueueMailDeletions(tx Querier, ids []string) error {
	for _, id := range ids {
		if id == "" {
			continue
		}
		if _, err := tx.Exec(`INSERT INTO imap_verwijderen (message_id) VALUES (?) ON CONFLICT DO NOTHING`, id); err != nil {
			return fmt.Errorf("te verwijderen e-mail vastleggen: %w", err)
		}
	}
	return nil
}
