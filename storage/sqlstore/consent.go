package sqlstore

import (
	"database/sql"
	"errors"
	"fmt"

	"github.com/terugkeer/terugkeer/app"
)

// Consents returns, per domain, the consent over all keys merged as
// app.DomainConsent.Merge does: the newest informatieblad's consent (when two keys hold
// sheets of the same date that disagree, consent withheld wins) and the latest date
// consent was given.
func Consents(tx Querier, keys []string) (map[app.Domain]app.DomainConsent, error) {
	out := map[app.Domain]app.DomainConsent{}
	if len(keys) == 0 {
		return out, nil
	}
	in, args := InList(keys)
	rows, err := tx.Query(`SELECT domain, opgesteld, gegeven, gegeven_op FROM consents WHERE key IN (`+in+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("toestemmingen lezen: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		d, c, err := ScanConsent(rows)
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

// Revocations returns the latest ondertekend date per domain over all keys.
func Revocations(tx Querier, keys []string) (map[app.Domain]app.Date, error) {
	out := map[app.Domain]app.Date{}
	if len(keys) == 0 {
		return out, nil
	}
	in, args := InList(keys)
	rows, err := tx.Query(`SELECT domain, max(ondertekend) FROM revocations WHERE key IN (`+in+`)
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
		if out[d], err = ParseDate(on); err != nil {
			return nil, fmt.Errorf("intrekkingen lezen: %w", err)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("intrekkingen lezen: %w", err)
	}
	return out, nil
}

// AddRevocation records a revocation under every key, keeping the latest date.
func AddRevocation(tx Querier, keys []string, d app.Domain, ondertekend app.Date) error {
	if ondertekend.IsZero() {
		return errors.New("intrekking opslaan: datum ondertekend ontbreekt")
	}
	for _, k := range keys {
		_, err := tx.Exec(`INSERT INTO revocations (key, domain, ondertekend) VALUES (?, ?, ?)
			ON CONFLICT (key, domain) DO UPDATE SET ondertekend = excluded.ondertekend
			WHERE excluded.ondertekend > revocations.ondertekend`,
			k, string(d), ondertekend.String())
		if err != nil {
			return fmt.Errorf("intrekking %s opslaan: %w", d, err)
		}
	}
	return nil
}

// ScanConsent reads domain, opgesteld, gegeven, gegeven_op.
func ScanConsent(rows Scanner) (app.Domain, app.DomainConsent, error) {
	var d app.Domain
	var opgesteld, gegevenOp sql.NullString
	var c app.DomainConsent
	if err := rows.Scan(&d, &opgesteld, &c.Gegeven, &gegevenOp); err != nil {
		return "", c, err
	}
	var err1, err2 error
	c.Opgesteld, err1 = ParseDate(opgesteld)
	c.GegevenOp, err2 = ParseDate(gegevenOp)
	return d, c, errors.Join(err1, err2)
}
