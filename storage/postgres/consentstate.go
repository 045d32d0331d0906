package postgres

import (
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/storage/sqlstore"
)

// SaveConsentStates replaces the person's copy of the effective consent (migration 0008).
func (w *writer) SaveConsentStates(personID int64, states map[app.Domain]app.ConsentState) error {
	if _, err := w.exec(`DELETE FROM consent_states WHERE person_id = ?`, personID); err != nil {
		return fmt.Errorf("toestemmingsstand opslaan: %w", err)
	}
	var values []string
	var args []any
	for _, d := range app.Domains() { // one statement, not one per domain
		if st, ok := states[d]; ok && st != app.ConsentOnbekend {
			values = append(values, "(?, ?, ?)")
			args = append(args, personID, string(d), string(st))
		}
	}
	if len(values) == 0 {
		return nil
	}
	_, err := w.exec(`INSERT INTO consent_states (person_id, domain, state) VALUES `+strings.Join(values, ", "), args...)
	if err != nil {
		return fmt.Errorf("toestemmingsstand opslaan: %w", err)
	}
	return nil
}

// ReleaseConsentStates returns the consent states of every person whose latest
// detention ends in [from, to], by person id. Planned once (releaseRows).
func (r *reader) ReleaseConsentStates(from, to app.Date) (map[int64]map[app.Domain]app.ConsentState, error) {
	rows, err := r.queryGeneric(`SELECT c.person_id, c.domain, c.state `+releaseRows("consent_states", "c"),
		from.String(), to.String())
	if err != nil {
		return nil, fmt.Errorf("toestemmingsstand lezen: %w", err)
	}
	out, err := byPersonDomain(rows, func(rows pgx.Rows) (int64, app.Domain, app.ConsentState, error) {
		var id int64
		var d, st string
		err := rows.Scan(&id, &d, &st)
		return id, app.Domain(d), app.ConsentState(st), err
	})
	if err != nil {
		return nil, fmt.Errorf("toestemmingsstand lezen: %w", err)
	}
	return out, nil
}

// byPersonDomain reads rows into person id -> domain -> value, and closes them.
func byPersonDomain[T any](rows pgx.Rows, scan func(pgx.Rows) (int64, app.Domain, T, error)) (map[int64]map[app.Domain]T, error) {
	defer rows.Close()
	out := map[int64]map[app.Domain]T{}
	for rows.Next() {
		id, d, v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		if out[id] == nil {
			out[id] = map[app.Domain]T{}
		}
		out[id][d] = v
	}
	return out, rows.Err()
}

// ScanLedger runs sqlstore.ScanLedger in this transaction.
func (r *reader) ScanLedger(sheet func(string, app.Domain, app.DomainConsent), revoked func(string, app.Domain, app.Date)) error {
	return sqlstore.ScanLedger(r, sheet, revoked)
}

// PersonsBySKN returns every person with this SKN, by id. An SKN is not unique here: a
// person found on SKN with another BSN is kept apart (app.match).
func (r *reader) PersonsBySKN(skn string) ([]app.Person, error) {
	rows, err := r.query(`SELECT `+personColumns+` FROM persons p WHERE p.skn = ? ORDER BY p.id`, skn)
	if err != nil {
		return nil, fmt.Errorf("personen met dit SKN lezen: %w", err)
	}
	defer rows.Close()
	var out []app.Person
	for rows.Next() {
		var s personScan
		if err := rows.Scan(s.dest()...); err != nil {
			return nil, fmt.Errorf("personen met dit SKN lezen: %w", err)
		}
		p, err := s.person()
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}
