package sqlite

import (
	"fmt"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/storage/sqlstore"
)

// Detentions returns a person's detentions ordered by begindatum (then id), so the
// last one is the latest.
func (r *reader) Detentions(personID int64) ([]app.Detention, error) {
	rows, err := r.query(`SELECT id, person_id, inrichting_code, inrichting, begindatum, einddatum,
		einddatum_status, verzonden FROM detentions WHERE person_id = ? ORDER BY begindatum, id`, personID)
	if err != nil {
		return nil, fmt.Errorf("detenties van persoon %d lezen: %w", personID, err)
	}
	defer rows.Close()
	var out []app.Detention
	for rows.Next() {
		d, err := sqlstore.ScanDetention(rows)
		if err != nil {
			return nil, fmt.Errorf("detenties van persoon %d lezen: %w", personID, err)
		}
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("detenties van persoon %d lezen: %w", personID, err)
	}
	return out, nil
}

// SaveDetention inserts d when d.ID is 0 (and sets d.ID), else updates it.
func (w *writer) SaveDetention(d *app.Detention) error {
	if d.ID == 0 {
		return w.insertDetention(d)
	}
	n, err := w.execCount(`UPDATE detentions SET (person_id, inrichting_code, inrichting, begindatum,
		einddatum, einddatum_status, verzonden) = (?, ?, ?, ?, ?, ?, ?) WHERE id = ?`,
		append(sqlstore.DetentionArgs(d), d.ID)...)
	if err != nil {
		return fmt.Errorf("detentie %d opslaan: %w", d.ID, err)
	}
	if n == 0 {
		return fmt.Errorf("detentie %d: %w", d.ID, app.ErrNotFound)
	}
	return nil
}

func (w *writer) insertDetention(d *app.Detention) error {
	res, err := w.exec(`INSERT INTO detentions (person_id, inrichting_code, inrichting, begindatum,
		einddatum, einddatum_status, verzonden) VALUES (?, ?, ?, ?, ?, ?, ?)`, sqlstore.DetentionArgs(d)...)
	if err != nil {
		return fmt.Errorf("detentie van persoon %d opslaan: %w", d.PersonID, err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return fmt.Errorf("detentie van persoon %d opslaan: %w", d.PersonID, err)
	}
	d.ID = id
	return nil
}
