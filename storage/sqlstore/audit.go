package sqlstore

import (
	"database/sql"
	"fmt"
	"strings"

	"github.com/terugkeer/terugkeer/app"
)

// AuditQuery is the statement that reads the audit entries f selects, in their order.
func AuditQuery(f app.AuditFilter) (string, []any) {
	var where []string
	var args []any
	add := func(cond string, v any) {
		where = append(where, cond)
		args = append(args, v)
	}
	if f.Actie != "" {
		add("actie = ?", f.Actie)
	}
	if f.ObjectID != 0 {
		add("object_id = ?", f.ObjectID)
	}
	if !f.Van.IsZero() {
		add("tijd >= ?", TimeValue(f.Van))
	}
	if !f.Tot.IsZero() {
		add("tijd < ?", TimeValue(f.Tot))
	}
	q := `SELECT id, tijd, actie, object, object_id, resultaat, grondslag, actor, bron,
		domeinen, aantal, prev_hash, hash FROM audit`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY id"
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	return q, args
}

// AuditEntries returns the entries that match f, oldest first.
func AuditEntries(tx Querier, f app.AuditFilter) ([]app.AuditEntry, error) {
	q, args := AuditQuery(f)
	rows, err := tx.Query(q, args...)
	if err != nil {
		return nil, fmt.Errorf("logboek lezen: %w", err)
	}
	defer rows.Close()
	var out []app.AuditEntry
	for rows.Next() {
		e, err := scanAudit(rows)
		if err != nil {
			return nil, fmt.Errorf("logboek lezen: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// scanAudit reads an audit entry from the columns of AuditQuery.
func scanAudit(rows Scanner) (app.AuditEntry, error) {
	var e app.AuditEntry
	var tijd sql.NullString
	var doms string
	err := rows.Scan(&e.ID, &tijd, &e.Actie, &e.Object, &e.ObjectID, &e.Resultaat, &e.Grondslag,
		&e.Actor, &e.Bron, &doms, &e.Aantal, &e.PrevHash, &e.Hash)
	if err != nil {
		return e, err
	}
	e.Domeinen = SplitDomains(doms)
	e.Tijd, err = ParseTime(tijd)
	return e, err
}
