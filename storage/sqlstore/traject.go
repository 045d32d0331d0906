package sqlstore

import (
	"database/sql"
	"errors"
	"fmt"

	"github.com/terugkeer/terugkeer/app"
)

// SaveTraject stores the person's traject.
func SaveTraject(tx Querier, personID int64, t app.Traject) error {
	_, err := tx.Exec(`INSERT INTO trajecten (person_id, status, uitkomst, afgesloten) VALUES (?, ?, ?, ?)
		ON CONFLICT (person_id) DO UPDATE SET status = excluded.status, uitkomst = excluded.uitkomst,
		afgesloten = excluded.afgesloten`,
		personID, string(t.Status), string(t.Uitkomst), DateValue(t.Afgesloten))
	if err != nil {
		return fmt.Errorf("traject van persoon %d opslaan: %w", personID, err)
	}
	return nil
}

// Traject returns the person's traject; aangemeld when none was recorded.
func Traject(tx Querier, personID int64) (app.Traject, error) {
	var t app.Traject
	var afgesloten sql.NullString
	err := tx.QueryRow(`SELECT status, uitkomst, afgesloten FROM trajecten WHERE person_id = ?`, personID).
		Scan(&t.Status, &t.Uitkomst, &afgesloten)
	if errors.Is(err, sql.ErrNoRows) {
		return app.Traject{Status: app.Aangemeld}, nil
	}
	if err != nil {
		return t, fmt.Errorf("traject van persoon %d lezen: %w", personID, err)
	}
	t.Afgesloten, err = ParseDate(afgesloten)
	return t, err
}
