package postgres

import (
	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/storage/sqlstore"
)

// responsibles runs sqlstore.Responsibles in this transaction.
func (r *reader) responsibles(q app.PersonQuery) ([]string, error) {
	return sqlstore.Responsibles(r, q)
}
