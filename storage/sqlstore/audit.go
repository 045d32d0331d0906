package sqlstore

import (
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
