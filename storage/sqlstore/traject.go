package sqlstore

import (
	"fmt"

	"github.com/terugkeer/terugkeer/app"
)

// SaveTraject stores the person's traject.
func SaveTraject(tx Querier, personID int64, t app.Traject) error {
	_, err := tx.Exec(`INSERT INTO trajecten (person_id, status, uitkomst, afgesloten) VALUES (?, ?, ?, ?)
		ON CONFLICT (person_id) DO UPDATE SET status = excluded.status, uitkomst = excluded.uitkomst,
		afgesloten = excluded.afgesloten`,
		personID, string(t.Status), string(t.Uitkomst), DateValue(t.Afgesloten))
	if err != nil {
		return fmt.Errorf("traject van persoon %d opslaan: %w", personID, err)
	}
	return nil
}
