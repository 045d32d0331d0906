package sqlstore

import (
	"database/sql"
	"errors"

	"github.com/terugkeer/terugkeer/app"
)

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
