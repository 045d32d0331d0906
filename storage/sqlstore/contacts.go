package sqlstore

import (
	"database/sql"
	"errors"
	"fmt"

	"github.com/terugkeer/terugkeer/app"
)

// Contacts returns a person's contacts (all domains and algemeen), oldest first.
func Contacts(tx Querier, personID int64) ([]app.ContactMoment, error) {
	rows, err := tx.Query(`SELECT id, person_id, domain, tijd, kanaal, met, notitie, vastgelegd, door
		FROM contacts WHERE person_id = ? ORDER BY tijd, id`, personID)
	if err != nil {
		return nil, fmt.Errorf("contacten van persoon %d lezen: %w", personID, err)
	}
	defer rows.Close()
	var out []app.ContactMoment
	for rows.Next() {
		var c app.ContactMoment
		var tijd, vastgelegd sql.NullString
		if err := rows.Scan(&c.ID, &c.PersonID, &c.Domain, &tijd, &c.Kanaal, &c.Met, &c.Notitie,
			&vastgelegd, &c.Door); err != nil {
			return nil, fmt.Errorf("contacten van persoon %d lezen: %w", personID, err)
		}
		var err1, err2 error
		c.Tijd, err1 = ParseTime(tijd)
		c.Vastgelegd, err2 = ParseTime(vastgelegd)
		if err := errors.Join(err1, err2); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("contacten van persoon %d lezen: %w", personID, err)
	}
	return out, nil
}

// AddContact stores a contact and sets c.ID.
func AddContact(tx Querier, c *app.ContactMoment) error {
	id, err := tx.InsertID(`INSERT INTO contacts (person_id, domain, tijd, kanaal, met, notitie, vastgelegd, door)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, c.PersonID, string(c.Domain), TimeValue(c.Tijd), string(c.Kanaal),
		c.Met, c.Notitie, TimeValue(c.Vastgelegd), c.Door)
	if err != nil {
		return fmt.Errorf("contact met persoon %d opslaan: %w", c.PersonID, err)
	}
	c.ID = id
	return nil
}
