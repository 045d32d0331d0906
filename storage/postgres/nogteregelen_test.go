package postgres

import (
	"context"
	"fmt"
)

// pendingToArrange is the condition the dashboard evaluated for every person of the
// release window before migration 0006 kept it in persons.nog_te_regelen: a domain to
// arrange (consent ja, or a leefgebied of the current plan) whose follow-up is absent,
// open or in behandeling. The conformance suite compares the kept value with it.
const pendingToArrange = `(EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = p.id AND c.state = 'ja'
		AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.person_id = p.id AND f.domain = c.domain
			AND f.status NOT IN ('open', 'in-behandeling')))
	OR EXISTS (SELECT 1 FROM plan_leefgebieden l WHERE l.person_id = p.id
		AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.person_id = p.id AND f.domain = l.domain
			AND f.status NOT IN ('open', 'in-behandeling'))))`

func (s *inspected) StaleNogTeRegelen() ([]int64, error) {
	return staleNogTeRegelen(s.DB)
}

// staleNogTeRegelen returns the persons of db whose nog_te_regelen differs from
// pendingToArrange.
func staleNogTeRegelen(db *DB) ([]int64, error) {
	rows, err := db.pool.Query(context.Background(),
		`SELECT p.id FROM persons p WHERE p.nog_te_regelen IS DISTINCT FROM `+pendingToArrange+` ORDER BY p.id`)
	if err != nil {
		return nil, fmt.Errorf("nog_te_regelen vergelijken: %w", err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

func (s *inspected) StaleHeeftContact() ([]int64, error) {
	rows, err := s.DB.pool.Query(context.Background(), `SELECT p.id FROM persons p
		WHERE p.heeft_contact IS DISTINCT FROM EXISTS (SELECT 1 FROM contacts k WHERE k.person_id = p.id) ORDER BY p.id`)
	if err != nil {
		return nil, fmt.Errorf("heeft_contact vergelijken: %w", err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}
