package storage

import (
	"database/sql"
	"errors"
	"fmt"

	"github.com/terugkeer/terugkeer/app"
)

// Consents returns, per domain, the newest informatieblad's consent over all keys. When
// two keys hold sheets of the same date that disagree, consent withheld wins.
func (r *reader) Consents(keys []string) (map[app.Domain]app.DomainConsent, error) {
	out := map[app.Domain]app.DomainConsent{}
	if len(keys) == 0 {
		return out, nil
	}
	in, args := inList(keys)
	rows, err := r.query(`SELECT domain, opgesteld, gegeven FROM consents WHERE key IN (`+in+`)
		ORDER BY domain, opgesteld DESC, gegeven`, args...)
	if err != nil {
		return nil, fmt.Errorf("toestemmingen lezen: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		d, c, err := scanConsent(rows)
		if err != nil {
			return nil, fmt.Errorf("toestemmingen lezen: %w", err)
		}
		if _, seen := out[d]; !seen {
			out[d] = c
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("toestemmingen lezen: %w", err)
	}
	return out, nil
}

func scanConsent(rows *sql.Rows) (app.Domain, app.DomainConsent, error) {
	var d app.Domain
	var opgesteld sql.NullString
	var c app.DomainConsent
	if err := rows.Scan(&d, &opgesteld, &c.Gegeven); err != nil {
		return "", c, err
	}
	var err error
	c.Opgesteld, err = parseDate(opgesteld)
	return d, c, err
}

// SaveConsent records c under every key, unless a key already holds a newer sheet for
// the domain; a sheet of the same date overwrites.
func (w *writer) SaveConsent(keys []string, d app.Domain, c app.DomainConsent) error {
	if c.Opgesteld.IsZero() {
		return errors.New("toestemming opslaan: datum opgesteld ontbreekt")
	}
	for _, k := range keys {
		_, err := w.exec(`INSERT INTO consents (key, domain, opgesteld, gegeven) VALUES (?, ?, ?, ?)
			ON CONFLICT (key, domain) DO UPDATE SET opgesteld = excluded.opgesteld, gegeven = excluded.gegeven
			WHERE excluded.opgesteld >= consents.opgesteld`,
			k, string(d), c.Opgesteld.String(), boolValue(c.Gegeven))
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
	in, args := inList(keys)
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
		if out[d], err = parseDate(on); err != nil {
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
