package sqlstore

import (
	"database/sql"
	"errors"
	"fmt"

	"github.com/terugkeer/terugkeer/app"
)

// ReadSeal reads the audit log's seal as stored (app.AuditSeal without Echt); nil when
// there is none.
func ReadSeal(tx Querier) (*app.AuditSeal, error) {
	var s app.AuditSeal
	err := tx.QueryRow(`SELECT aantal, anker, laatste, mac FROM logboek_zegel WHERE id = 1`).
		Scan(&s.Aantal, &s.Anker, &s.Laatste, &s.MAC)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("zegel van het logboek lezen: %w", err)
	}
	return &s, nil
}
