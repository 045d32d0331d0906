package sqlstore

import (
	"database/sql"
	"errors"
	"fmt"

	"github.com/terugkeer/terugkeer/app"
)

// ForgetMailboxUIDs removes UIDs of a mailbox.
func ForgetMailboxUIDs(tx Querier, sleutel string, uids []uint32) error {
	for _, uid := range uids {
		if _, err := tx.Exec(`DELETE FROM imap_uids WHERE sleutel = ? AND uid = ?`, sleutel, int64(uid)); err != nil {
			return fmt.Errorf("postvakstatus opslaan: %w", err)
		}
	}
	return nil
}

// RecordMailboxUID stores or replaces the record of a mail that stays; the mailbox must
// have been registered by ResetMailboxState.
func RecordMailboxUID(tx Querier, sleutel string, u app.MailboxUID) error {
	if u.UID == 0 {
		return fmt.Errorf("postvakstatus opslaan: UID 0 bestaat niet")
	}
	_, err := tx.Exec(`INSERT INTO imap_uids (sleutel, uid, message_id, grootte) VALUES (?, ?, ?, ?)
		ON CONFLICT (sleutel, uid) DO UPDATE SET message_id = excluded.message_id, grootte = excluded.grootte`,
		sleutel, int64(u.UID), u.MessageID, u.Grootte)
	if err != nil {
		return fmt.Errorf("postvakstatus opslaan: %w", err)
	}
	return nil
}

// ResetMailboxState forgets the mailbox's UIDs and records its UIDVALIDITY.
func ResetMailboxState(tx Querier, sleutel string, uidValidity uint32) error {
	if _, err := tx.Exec(`DELETE FROM imap_uids WHERE sleutel = ?`, sleutel); err != nil {
		return fmt.Errorf("postvakstatus opslaan: %w", err)
	}
	_, err := tx.Exec(`INSERT INTO imap_mailboxes (sleutel, uidvalidity) VALUES (?, ?)
		ON CONFLICT (sleutel) DO UPDATE SET uidvalidity = excluded.uidvalidity`, sleutel, int64(uidValidity))
	if err != nil {
		return fmt.Errorf("postvakstatus opslaan: %w", err)
	}
	return nil
}

// MailboxState returns the UIDVALIDITY and the recorded UIDs of a mailbox.
func MailboxState(tx Querier, sleutel string) (app.MailboxState, error) {
	var st app.MailboxState
	var v int64
	err := tx.QueryRow(`SELECT uidvalidity FROM imap_mailboxes WHERE sleutel = ?`, sleutel).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return st, nil
	}
	if err != nil {
		return st, fmt.Errorf("postvakstatus lezen: %w", err)
	}
	st.UIDValidity = uint32(v)
	rows, err := tx.Query(`SELECT uid, message_id, grootte FROM imap_uids
		WHERE sleutel = ? ORDER BY uid`, sleutel)
	if err != nil {
		return st, fmt.Errorf("postvakstatus lezen: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var u app.MailboxUID
		var uid int64
		if err := rows.Scan(&uid, &u.MessageID, &u.Grootte); err != nil {
			return st, fmt.Errorf("postvakstatus lezen: %w", err)
		}
		u.UID = uint32(uid)
		st.UIDs = append(st.UIDs, u)
	}
	if err := rows.Err(); err != nil {
		return st, fmt.Errorf("postvakstatus lezen: %w", err)
	}
	return st, nil
}
