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

// SaveTraject stores the person's traject.
func (w *writer) SaveTraject(personID int64, t app.Traject) error {
	_, err := w.exec(`INSERT INTO trajecten (person_id, status, uitkomst, afgesloten) VALUES (?, ?, ?, ?)
		ON CONFLICT (person_id) DO UPDATE SET status = excluded.status, uitkomst = excluded.uitkomst,
		afgesloten = excluded.afgesloten`,
		personID, string(t.Status), string(t.Uitkomst), sqlstore.DateValue(t.Afgesloten))
	if err != nil {
		return fmt.Errorf("traject van persoon %d opslaan: %w", personID, err)
	}
	return nil
}
