package sqlstore

import (
	"fmt"

	"github.com/terugkeer/terugkeer/app"
)

// ReadHulpvragen adds the person's hulpvragen to out, per domain.
func ReadHulpvragen(tx Querier, personID int64, out map[app.Domain]app.DomainData) error {
	rows, err := tx.Query(`SELECT domain, tekst FROM hulpvragen WHERE person_id = ?`, personID)
	if err != nil {
		return fmt.Errorf("hulpvragen van persoon %d lezen: %w", personID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var d app.Domain
		var tekst string
		if err := rows.Scan(&d, &tekst); err != nil {
			return fmt.Errorf("hulpvragen van persoon %d lezen: %w", personID, err)
		}
		dd := out[d]
		dd.Hulpvraag = tekst
		out[d] = dd
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("hulpvragen van persoon %d lezen: %w", personID, err)
	}
	return nil
}

// DeleteDomainData removes the person's topics and hulpvraag of domain d and returns how
// many rows went.
func DeleteDomainData(tx Querier, personID int64, d app.Domain) (int, error) {
	topics, err := tx.Exec(`DELETE FROM topics WHERE person_id = ? AND domain = ?`, personID, string(d))
	if err != nil {
		return 0, fmt.Errorf("onderwerpen %s van persoon %d verwijderen: %w", d, personID, err)
	}
	hulp, err := tx.Exec(`DELETE FROM hulpvragen WHERE person_id = ? AND domain = ?`, personID, string(d))
	if err != nil {
		return 0, fmt.Errorf("hulpvraag %s van persoon %d verwijderen: %w", d, personID, err)
	}
	return topics + hulp, nil
}

// DeleteGeneral removes the person's topics outside the domains and returns how many went.
func DeleteGeneral(tx Querier, personID int64) (int, error) {
	n, err := tx.Exec(`DELETE FROM general_topics WHERE person_id = ?`, personID)
	if err != nil {
		return 0, fmt.Errorf("algemene onderwerpen van persoon %d verwijderen: %w", personID, err)
	}
	return n, nil
}
