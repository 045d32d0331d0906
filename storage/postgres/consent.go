package postgres

import (
	"database/sql"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/storage/sqlstore"
)

// Consents returns, per domain, the consent over all keys merged as
// app.DomainConsent.Merge does: the newest informatieblad's consent (when two keys hold
// sheets of the same date that disagree, consent withheld wins) and the latest date
// consent was given.
func (r *reader) Consents(keys []string) (map[app.Domain]app.DomainConsent, error) {
	out := map[app.Domain]app.DomainConsent{}
	if len(keys) == 0 {
		return out, nil
	}
	in, args := sqlstore.InList(keys)
	rows, err := r.query(`SELECT domain, opgesteld, gegeven, gegeven_op FROM consents WHERE key IN (`+in+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("toestemmingen lezen: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		d, c, err := scanConsent(rows)
		if err != nil {
			return nil, fmt.Errorf("toestemmingen lezen: %w", err)
		}
		out[d] = out[d].Merge(c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("toestemmingen lezen: %w", err)
	}
	return out, nil
}

// scanConsent reads domain, opgesteld, gegeven, gegeven_op.
func scanConsent(rows pgx.Rows) (app.Domain, app.DomainConsent, error) {
	var d app.Domain
	var opgesteld, gegevenOp sql.NullString
	var c app.DomainConsent
	if err := rows.Scan(&d, &opgesteld, &c.Gegeven, &gegevenOp); err != nil {
		return "", c, err
	}
	var err1, err2 error
	c.Opgesteld, err1 = sqlstore.ParseDate(opgesteld)
	c.GegevenOp, err2 = sqlstore.ParseDate(gegevenOp)
	return d, c, errors.Join(err1, err2)
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
				WHEN excluded.opgesteld = consents.opgesteld THEN excluded.gegeven AND consents.gegeven
				ELSE consents.gegeven END,
			opgesteld = GREATEST(excluded.opgesteld, consents.opgesteld),
			gegeven_op = CASE WHEN consents.gegeven_op IS NULL OR excluded.gegeven_op > consents.gegeven_op
				THEN excluded.gegeven_op ELSE consents.gegeven_op END`,
			k, string(d), c.Opgesteld.String(), c.Gegeven, sqlstore.DateValue(given))
		if err != nil {
			return fmt.Errorf("toestemming %s opslaan: %w", d, err)
		}
	}
	return nil
}

// Revocations returns the latest ondertekend date per domain over all keys.
func (r *reader) Revocations(keys []string) (map[app.Domain]app.Date, error) {
	out := map[app.Domain]app.Date{}
	if len(keys) == 0 {
		return out, nil
	}
	in, args := sqlstore.InList(keys)
	rows, err := r.query(`SELECT domain, max(ondertekend) FROM revocations WHERE key IN (`+in+`)
		GROUP BY domain`, args...)
	if err != nil {
		return nil, fmt.Errorf("intrekkingen lezen: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var d app.Domain
		var on sql.NullString
		if err := rows.Scan(&d, &on); err != nil {
			return nil, fmt.Errorf("intrekkingen lezen: %w", err)
		}
		if out[d], err = sqlstore.ParseDate(on); err != nil {
			return nil, fmt.Errorf("intrekkingen lezen: %w", err)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("intrekkingen lezen: %w", err)
	}
	return out, nil
}

// AddRevocation records a revocation under every key, keeping the latest date.
func (w *writer) AddRevocation(keys []string, d app.Domain, ondertekend app.Date) error {
	if ondertekend.IsZero() {
		return errors.New("intrekking opslaan: datum ondertekend ontbreekt")
	}
	for _, k := range keys {
		_, err := w.exec(`INSERT INTO revocations (key, domain, ondertekend) VALUES (?, ?, ?)
			ON CONFLICT (key, domain) DO UPDATE SET ondertekend = excluded.ondertekend
			WHERE excluded.ondertekend > revocations.ondertekend`,
			k, string(d), ondertekend.String())
		if err != nil {
			return fmt.Errorf("intrekking %s opslaan: %w", d, err)
		}
	}
	return nil
}
