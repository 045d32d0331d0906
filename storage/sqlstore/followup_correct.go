package sqlstore

import (
	"database/sql"
	"errors"
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

// Contact returns one contact by id; app.ErrNotFound when there is none.
func Contact(tx Querier, id int64) (app.ContactMoment, error) {
	var c app.ContactMoment
	var tijd, vastgelegd sql.NullString
	err := tx.QueryRow(`SELECT id, person_id, domain, tijd, kanaal, met, notitie, vastgelegd, door
		FROM contacts WHERE id = ?`, id).Scan(&c.ID, &c.PersonID, &c.Domain, &tijd, &c.Kanaal, &c.Met,
		&c.Notitie, &vastgelegd, &c.Door)
	if errors.Is(err, sql.ErrNoRows) {
		return c, app.ErrNotFound
	}
	if err != nil {
		return c, fmt.Errorf("contact %d lezen: %w", id, err)
	}
	var err1, err2 error
	c.Tijd, err1 = ParseTime(tijd)
	c.Vastgelegd, err2 = ParseTime(vastgelegd)
	return c, errors.Join(err1, err2)
}
