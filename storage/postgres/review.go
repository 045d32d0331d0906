package postgres

import (
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/storage/sqlstore"
)

// HeldList returns the messages held for controle without their bytes, oldest first;
// of one person when personID is not 0.
func (r *reader) HeldList(personID int64) ([]app.Held, error) {
	rows, err := r.query(`SELECT `+sqlstore.HeldColumns+` FROM controle WHERE ?::bigint = 0 OR person_id = ?
		ORDER BY ontvangen, id`, personID, personID)
	if err != nil {
		return nil, fmt.Errorf("berichten voor controle lezen: %w", err)
	}
	defer rows.Close()
	var out []app.Held
	for rows.Next() {
		h, err := sqlstore.ScanHeld(rows.Scan)
		if err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("berichten voor controle lezen: %w", err)
	}
	return out, nil
}

// HeldCount runs sqlstore.HeldCount in this transaction.
func (r *reader) HeldCount() (int, error) { return sqlstore.HeldCount(r) }

// HeldByID runs sqlstore.HeldByID in this transaction.
func (r *reader) HeldByID(id int64) (*app.Held, error) { return sqlstore.HeldByID(r, id) }

// HeldContent returns the content hash of the held message with this kenmerk.
func (r *reader) HeldContent(kenmerk string) (string, bool, error) {
	var hash string
	err := r.queryRow(`SELECT inhoud FROM controle WHERE kenmerk = ? ORDER BY id LIMIT 1`, kenmerk).Scan(&hash)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("berichten voor controle lezen: %w", err)
	}
	return hash, true, nil
}

// AddHeld stores a message held for controle and sets h.ID.
func (w *writer) AddHeld(h *app.Held) error {
	raw := h.Raw
	if raw == nil {
		raw = []byte{} // the column is NOT NULL
	}
	id, err := w.insertID(`INSERT INTO controle (person_id, kenmerk, soort, bron, message_id, verzonden, ontvangen, inhoud, raw)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, h.PersonID, h.Kenmerk, string(h.Soort), h.Bron, h.MessageID,
		sqlstore.TimeValue(h.Verzonden), sqlstore.TimeValue(h.Ontvangen), h.Inhoud, raw)
	if err != nil {
		return fmt.Errorf("bericht voor controle opslaan: %w", err)
	}
	h.ID = id
	return nil
}

// DeleteHeld removes a held message and its bytes irreversibly; app.ErrNotFound when
// there is none.
func (w *writer) DeleteHeld(id int64) error {
	w.purge("controle")
	n, err := w.execCount(`DELETE FROM controle WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("bericht voor controle %d verwijderen: %w", id, err)
	}
	if n == 0 {
		return fmt.Errorf("bericht voor controle %d: %w", id, app.ErrNotFound)
	}
	return nil
}
