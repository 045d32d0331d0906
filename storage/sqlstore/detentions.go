package sqlstore

import (
	"database/sql"
	"errors"
	"fmt"

	"github.com/terugkeer/terugkeer/app"
)

// ScanDetention reads a detention from the columns id, person_id, inrichting_code,
// inrichting, begindatum, einddatum, einddatum_status and verzonden.
func ScanDetention(rows Scanner) (app.Detention, error) {
	var d app.Detention
	var begin, eind, verzonden sql.NullString
	err := rows.Scan(&d.ID, &d.PersonID, &d.InrichtingCode, &d.Inrichting, &begin, &eind,
		&d.EinddatumStatus, &verzonden)
	if err != nil {
		return d, err
	}
	var err1, err2, err3 error
	d.Begindatum, err1 = ParseDate(begin)
	d.Einddatum, err2 = ParseDate(eind)
	d.Verzonden, err3 = ParseTime(verzonden)
	return d, errors.Join(err1, err2, err3)
}

// SaveDetention inserts d when d.ID is 0 (and sets d.ID), else updates it.
func SaveDetention(tx Querier, d *app.Detention) error {
	if d.ID == 0 {
		return insertDetention(tx, d)
	}
	n, err := tx.Exec(`UPDATE detentions SET (person_id, inrichting_code, inrichting, begindatum,
		einddatum, einddatum_status, verzonden) = (?, ?, ?, ?, ?, ?, ?) WHERE id = ?`,
		append(DetentionArgs(d), d.ID)...)
	if err != nil {
		return fmt.Errorf("detentie %d opslaan: %w", d.ID, err)
	}
	if n == 0 {
		return fmt.Errorf("detentie %d: %w", d.ID, app.ErrNotFound)
	}
	return nil
}

func insertDetention(tx Querier, d *app.Detention) error {
	id, err := tx.InsertID(`INSERT INTO detentions (person_id, inrichting_code, inrichting, begindatum,
		einddatum, einddatum_status, verzonden) VALUES (?, ?, ?, ?, ?, ?, ?)`, DetentionArgs(d)...)
	if err != nil {
		return fmt.Errorf("detentie van persoon %d opslaan: %w", d.PersonID, err)
	}
	d.ID = id
	return nil
}
