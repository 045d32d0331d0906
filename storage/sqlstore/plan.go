package sqlstore

import (
	"fmt"
)

// HasPlan reports whether the person has a plan.
func HasPlan(tx Querier, personID int64) (bool, error) {
	var n int
	if err := tx.QueryRow(`SELECT count(*) FROM plans WHERE person_id = ?`, personID).Scan(&n); err != nil {
		return false, fmt.Errorf("plan van persoon %d lezen: %w", personID, err)
	}
	return n > 0, nil
}
