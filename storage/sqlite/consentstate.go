package sqlite

import (
	"database/sql"
	"fmt"
	"strings"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/storage/sqlstore"
)

// SaveConsentStates replaces the person's copy of the effective consent (migration 0008).
// It writes only the difference: a domain that keeps its state is not written, so that
// the triggers on consent_states (0017, 0019) run only for a domain that changes.
func (w *writer) SaveConsentStates(personID int64, states map[app.Domain]app.ConsentState) error {
	var keep, values []string
	var args []any
	for _, d := range app.Domains() { // one statement, not one per domain
		if st, ok := states[d]; ok && st != app.ConsentOnbekend {
			keep = append(keep, "'"+string(d)+"'") // app.Domains: constants, never input
			values = append(values, "(?, ?, ?)")
			args = append(args, personID, string(d), string(st))
		}
	}
	// With a state for every domain there is nothing to remove: the table holds no other
	// domain (its CHECK). A person with consent states has one for all six, and this
	// runs for every message of the person.
	if len(keep) < len(app.Domains()) {
		gone := `DELETE FROM consent_states WHERE person_id = ?`
		if len(keep) > 0 {
			gone += ` AND domain NOT IN (` + strings.Join(keep, ", ") + `)`
		}
		if _, err := w.exec(gone, personID); err != nil {
			return fmt.Errorf("toestemmingsstand opslaan: %w", err)
		}
	}
	if len(values) == 0 {
		return nil
	}
	_, err := w.exec(`INSERT INTO consent_states (person_id, domain, state) VALUES `+strings.Join(values, ", ")+`
		ON CONFLICT (person_id, domain) DO UPDATE SET state = excluded.state WHERE state IS NOT excluded.state`, args...)
	if err != nil {
		return fmt.Errorf("toestemmingsstand opslaan: %w", err)
	}
	return nil
}

// ReleaseConsentStates returns the consent states of every person whose latest
// detention ends in [from, to], by person id.
func (r *reader) ReleaseConsentStates(from, to app.Date) (map[int64]map[app.Domain]app.ConsentState, error) {
	rows, err := r.query(`SELECT c.person_id, c.domain, c.state
		FROM persons p JOIN consent_states c ON c.person_id = p.id
		WHERE p.vrijlating >= ? AND p.vrijlating <= ?`, from.String(), to.String())
	if err != nil {
		return nil, fmt.Errorf("toestemmingsstand lezen: %w", err)
	}
	out, err := byPersonDomain(rows, func(rows *sql.Rows) (int64, app.Domain, app.ConsentState, error) {
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
func byPersonDomain[T any](rows *sql.Rows, scan func(*sql.Rows) (int64, app.Domain, T, error)) (map[int64]map[app.Domain]T, error) {
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
