package sqlstore

import (
	"database/sql"
	"fmt"

	"github.com/terugkeer/terugkeer/app"
)

// RetentionPersonSQL reads what the retention terms run from, per person.
const RetentionPersonSQL = `SELECT p.id, p.aangemaakt, coalesce(t.status, 'aangemeld'), coalesce(t.uitkomst, ''),
		t.afgesloten,
		(SELECT max(d.einddatum) FROM detentions d WHERE d.person_id = p.id),
		(SELECT max(m.verzonden) FROM messages m WHERE m.person_id = p.id)
		FROM persons p LEFT JOIN trajecten t ON t.person_id = p.id`

// PersonIdentifiers calls fn with every person's BSN and SKN, one row at a time.
func PersonIdentifiers(tx Querier, fn func(bsn, skn string)) error {
	rows, err := tx.Query(`SELECT coalesce(bsn, ''), coalesce(skn, '') FROM persons`)
	if err != nil {
		return fmt.Errorf("personen lezen: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var bsn, skn string
		if err := rows.Scan(&bsn, &skn); err != nil {
			return fmt.Errorf("personen lezen: %w", err)
		}
		fn(bsn, skn)
	}
	return rows.Err()
}

// RetentionPerson reads what the retention terms run from for one person.
func RetentionPerson(tx Querier, id int64) (app.RetentionPerson, bool, error) {
	rows, err := tx.Query(RetentionPersonSQL+` WHERE p.id = ?`, id)
	if err != nil {
		return app.RetentionPerson{}, false, fmt.Errorf("bewaartermijn bepalen: %w", err)
	}
	defer rows.Close()
	if !rows.Next() {
		return app.RetentionPerson{}, false, rows.Err()
	}
	p, err := ScanRetentionPerson(rows)
	return p, err == nil, err
}

// ScanRetentionPerson reads a row of RetentionPersonSQL.
func ScanRetentionPerson(rows Scanner) (app.RetentionPerson, error) {
	var p app.RetentionPerson
	var aan, afgesloten, eind, bericht sql.NullString
	if err := rows.Scan(&p.ID, &aan, &p.Traject.Status, &p.Traject.Uitkomst, &afgesloten, &eind, &bericht); err != nil {
		return p, fmt.Errorf("bewaartermijnen bepalen: %w", err)
	}
	var e1, e2, e3, e4 error
	p.Aangemaakt, e1 = ParseTime(aan)
	p.Traject.Afgesloten, e2 = ParseDate(afgesloten)
	p.LaatsteEinddatum, e3 = ParseDate(eind)
	p.LaatsteBericht, e4 = ParseTime(bericht)
	for _, err := range []error{e1, e2, e3, e4} {
		if err != nil {
			return p, fmt.Errorf("bewaartermijn van persoon %d: %w", p.ID, err)
		}
	}
	return p, nil
}
