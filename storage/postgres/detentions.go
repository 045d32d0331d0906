package postgres

import (
	"fmt"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/storage/sqlstore"
)

// Detentions returns a person's detentions ordered by begindatum (then id), so the
// last one is the latest.
func (r *reader) Detentions(personID int64) ([]app.Detention, error) {
	rows, err := r.query(`SELECT id, person_id, inrichting_code, inrichting, begindatum, einddatum,
		einddatum_status, verzonden FROM detentions WHERE person_id = ? ORDER BY begindatum NULLS FIRST, id`, personID)
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

// SaveDetention runs sqlstore.SaveDetention in this transaction.
func (w *writer) SaveDetention(d *app.Detention) error { return sqlstore.SaveDetention(w, d) }
