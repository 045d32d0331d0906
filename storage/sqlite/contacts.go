package sqlite

import (
	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/storage/sqlstore"
)

// Contacts runs sqlstore.Contacts in this transaction.
func (r *reader) Contacts(personID int64) ([]app.ContactMoment, error) {
	return sqlstore.Contacts(r, personID)
}

// AddContact runs sqlstore.AddContact in this transaction.
func (w *writer) AddContact(c *app.ContactMoment) error { return sqlstore.AddContact(w, c) }
