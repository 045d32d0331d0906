package postgres

import (
	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/storage/sqlstore"
)

// Traject runs sqlstore.Traject in this transaction.
func (r *reader) Traject(personID int64) (app.Traject, error) { return sqlstore.Traject(r, personID) }

// SaveTraject runs sqlstore.SaveTraject in this transaction.
func (w *writer) SaveTraject(personID int64, t app.Traject) error {
	return sqlstore.SaveTraject(w, personID, t)
}
