package sqlite

import (
	"errors"
	"fmt"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/storage/sqlstore"
)

// Consents runs sqlstore.Consents in this transaction.
func (r *reader) Consents(keys []string) (map[app.Domain]app.DomainConsent, error) {
	return sqlstore.Consents(r, keys)
}

// SaveConsent merges c into the fact of every key as app.DomainConsent.Merge does: a
// newer sheet's consent replaces the key's, of the same date consent withheld wins, and
// the key keeps the latest date consent was given.
func (w *writer) SaveConsent(keys []string, d app.Domain, c app.DomainConsent) error {
	if c.Opgesteld.IsZero() {
		return errors.New("toestemming opslaan: datum opgesteld ontbreekt")
	}
	given := c.GegevenOp
	if c.Gegeven && c.Opgesteld.After(given) {
		given = c.Opgesteld
	}
	for _, k := range keys {
		_, err := w.exec(`INSERT INTO consents (key, domain, opgesteld, gegeven, gegeven_op) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (key, domain) DO UPDATE SET
			gegeven = CASE WHEN excluded.opgesteld > consents.opgesteld THEN excluded.gegeven
				WHEN excluded.opgesteld = consents.opgesteld THEN min(excluded.gegeven, consents.gegeven)
				ELSE consents.gegeven END,
			opgesteld = max(excluded.opgesteld, consents.opgesteld),
			gegeven_op = CASE WHEN consents.gegeven_op IS NULL OR excluded.gegeven_op > consents.gegeven_op
				THEN excluded.gegeven_op ELSE consents.gegeven_op END`,
			k, string(d), c.Opgesteld.String(), boolValue(c.Gegeven), sqlstore.DateValue(given))
		if err != nil {
			return fmt.Errorf("toestemming %s opslaan: %w", d, err)
		}
	}
	return nil
}

// Revocations runs sqlstore.Revocations in this transaction.
func (r *reader) Revocations(keys []string) (map[app.Domain]app.Date, error) {
	return sqlstore.Revocations(r, keys)
}

// AddRevocation runs sqlstore.AddRevocation in this transaction.
func (w *writer) AddRevocation(keys []string, d app.Domain, ondertekend app.Date) error {
	return sqlstore.AddRevocation(w, keys, d, ondertekend)
}
