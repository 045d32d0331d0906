package sqlite

import (
	"fmt"
	"strings"

	"github.com/terugkeer/terugkeer/app"
)

// responsibles returns the spellings of PersonQuery.Verantwoordelijke among the
// follow-ups' verantwoordelijken: every distinct stored value that is the same colleague
// (app.SameResponsible: trimmed and folded, so "petra" and "Pétra " count). nil when q
// does not filter on it.
func (r *reader) responsibles(q app.PersonQuery) ([]string, error) {
	if strings.TrimSpace(q.Verantwoordelijke) == "" {
		return nil, nil
	}
	rows, err := r.query(`SELECT DISTINCT verantwoordelijke FROM followups WHERE verantwoordelijke <> ''`)
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

// responsibleCond is the condition of PersonQuery.Verantwoordelijke: a follow-up of the
// person names one of spellings (responsibles); nobody when there is none.
func responsibleCond(spellings []string) (string, []any) {
	if len(spellings) == 0 {
		return `1 = 0`, nil
	}
	args := make([]any, len(spellings))
	for i, s := range spellings {
		args[i] = s
	}
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(spellings)), ", ")
	return `EXISTS (SELECT 1 FROM followups f WHERE f.person_id = p.id AND f.verantwoordelijke IN (` + marks + `))`, args
}
