package sqlstore

import (
	"fmt"
	"strings"

	"github.com/terugkeer/terugkeer/app"
)

// Responsibles returns the spellings of PersonQuery.Verantwoordelijke among the
// follow-ups' verantwoordelijken: every distinct stored value that is the same colleague
// (app.SameResponsible: trimmed and folded, so "petra" and "Pétra " count). nil when q
// does not filter on it.
func Responsibles(tx Querier, q app.PersonQuery) ([]string, error) {
	if strings.TrimSpace(q.Verantwoordelijke) == "" {
		return nil, nil
	}
	rows, err := tx.Query(`SELECT DISTINCT verantwoordelijke FROM followups WHERE verantwoordelijke <> ''`)
	if err != nil {
		return nil, fmt.Errorf("verantwoordelijken lezen: %w", err)
	}
	defer rows.Close()
	out := []string{}
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, fmt.Errorf("verantwoordelijken lezen: %w", err)
		}
		if app.SameResponsible(v, q.Verantwoordelijke) {
			out = append(out, v)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("verantwoordelijken lezen: %w", err)
	}
	return out, nil
}
