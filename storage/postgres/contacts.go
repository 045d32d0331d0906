package postgres

import (
	"fmt"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/storage/sqlstore"
)

// Contacts runs sqlstore.Contacts in this transaction.
func (r *reader) Contacts(personID int64) ([]app.ContactMoment, error) {
	return sqlstore.Contacts(r, personID)
}

// AddContact stores a contact and sets c.ID.
func (w *writer) AddContact(c *app.ContactMoment) error {
	id, err := w.insertID(`INSERT INTO contacts (person_id, domain, tijd, kanaal, met, notitie, vastgelegd, door)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, c.PersonID, string(c.Domain), sqlstore.TimeValue(c.Tijd), string(c.Kanaal),
		c.Met, c.Notitie, sqlstore.TimeValue(c.Vastgelegd), c.Door)
	if err != nil {
		return fmt.Errorf("contact met persoon %d opslaan: %w", c.PersonID, err)
	}
	c.ID = id
	return nil
}
