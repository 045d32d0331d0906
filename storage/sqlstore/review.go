package sqlstore

import (
	"database/sql"
	"errors"
	"fmt"

	"github.com/terugkeer/terugkeer/app"
)

// HeldCount returns the number of held messages.
func HeldCount(tx Querier) (int, error) {
	var n int
	if err := tx.QueryRow(`SELECT count(*) FROM controle`).Scan(&n); err != nil {
		return 0, fmt.Errorf("berichten voor controle tellen: %w", err)
	}
	return n, nil
}

// ScanHeld reads a held message from HeldColumns (then extra), through scan.
func ScanHeld(scan func(...any) error, extra ...any) (app.Held, error) {
	var h app.Held
	var soort string
	var verzonden, ontvangen sql.NullString
	dest := append([]any{&h.ID, &h.PersonID, &h.Kenmerk, &soort, &h.Bron, &h.MessageID, &verzonden, &ontvangen, &h.Inhoud}, extra...)
	if err := scan(dest...); err != nil {
		return h, fmt.Errorf("bericht voor controle lezen: %w", err)
	}
	h.Soort = app.Kind(soort)
	var e1, e2 error
	h.Verzonden, e1 = ParseTime(verzonden)
	h.Ontvangen, e2 = ParseTime(ontvangen)
	if err := errors.Join(e1, e2); err != nil {
		return h, fmt.Errorf("bericht voor controle %d lezen: %w", h.ID, err)
	}
	return h, nil
}

// HeldColumns are the columns of a held message (table controle) but its bytes.
const HeldColumns = `id, person_id, kenmerk, soort, bron, message_id, verzonden, ontvangen, inhoud`

// HeldByID returns one held message with its bytes, or app.ErrNotFound.
func HeldByID(tx Querier, id int64) (*app.Held, error) {
	var raw []byte
	row := tx.QueryRow(`SELECT `+HeldColumns+`, raw FROM controle WHERE id = ?`, id)
	h, err := ScanHeld(row.Scan, &raw)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("bericht voor controle %d: %w", id, app.ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	h.Raw = raw
	return &h, nil
}
