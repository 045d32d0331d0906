package postgres

import (
	"database/sql"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/storage/sqlstore"
)

// Traject returns the person's traject; aangemeld when none was recorded.
func (r *reader) Traject(personID int64) (app.Traject, error) {
	var t app.Traject
	var afgesloten sql.NullString
	err := r.queryRow(`SELECT status, uitkomst, afgesloten FROM trajecten WHERE person_id = ?`, personID).
		Scan(&t.Status, &t.Uitkomst, &afgesloten)
	if errors.Is(err, pgx.ErrNoRows) {
		return app.Traject{Status: app.Aangemeld}, nil
	}
	if err != nil {
		return t, fmt.Errorf("traject van persoon %d lezen: %w", personID, err)
	}
	t.Afgesloten, err = sqlstore.ParseDate(afgesloten)
	return t, err
}

// SaveTraject runs sqlstore.SaveTraject in this transaction.
func (w *writer) SaveTraject(personID int64, t app.Traject) error {
	return sqlstore.SaveTraject(w, personID, t)
}
