package sqlstore

import (
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

// Followups returns the recorded follow-up per domain of a person.
func Followups(tx Querier, personID int64) (map[app.Domain]app.Followup, error) {
	rows, err := tx.Query(`SELECT person_id, domain, status, verantwoordelijke, actie, actiedatum, gewijzigd
		FROM followups WHERE person_id = ?`, personID)
	if err != nil {
		return nil, fmt.Errorf("opvolging van persoon %d lezen: %w", personID, err)
	}
	defer rows.Close()
	out := map[app.Domain]app.Followup{}
	for rows.Next() {
		f, err := ScanFollowup(rows)
		if err != nil {
			return nil, fmt.Errorf("opvolging van persoon %d lezen: %w", personID, err)
		}
		out[f.Domain] = f
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("opvolging van persoon %d lezen: %w", personID, err)
	}
	return out, nil
}

// ActionsDueBefore returns the follow-ups of all persons with a next action dated
// before d, ordered by actiedatum.
func ActionsDueBefore(tx Querier, d app.Date) ([]app.Followup, error) {
	rows, err := tx.Query(`SELECT person_id, domain, status, verantwoordelijke, actie, actiedatum, gewijzigd
		FROM followups WHERE actiedatum IS NOT NULL AND actiedatum < ?
		ORDER BY actiedatum, person_id, domain`, d.String())
	if err != nil {
		return nil, fmt.Errorf("acties lezen: %w", err)
	}
	defer rows.Close()
	var out []app.Followup
	for rows.Next() {
		f, err := ScanFollowup(rows)
		if err != nil {
			return nil, fmt.Errorf("acties lezen: %w", err)
		}
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("acties lezen: %w", err)
	}
	return out, nil
}

// FollowupHistory returns a person's status changes, oldest first.
func FollowupHistory(tx Querier, personID int64) ([]app.StatusChange, error) {
	rows, err := tx.Query(`SELECT id, person_id, domain, tijd, door, van, naar FROM followup_history
		WHERE person_id = ? ORDER BY tijd, id`, personID)
	if err != nil {
		return nil, fmt.Errorf("statusgeschiedenis van persoon %d lezen: %w", personID, err)
	}
	defer rows.Close()
	var out []app.StatusChange
	for rows.Next() {
		var c app.StatusChange
		var tijd sql.NullString
		if err := rows.Scan(&c.ID, &c.PersonID, &c.Domain, &tijd, &c.Door, &c.Van, &c.Naar); err != nil {
			return nil, fmt.Errorf("statusgeschiedenis van persoon %d lezen: %w", personID, err)
		}
		if c.Tijd, err = ParseTime(tijd); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("statusgeschiedenis van persoon %d lezen: %w", personID, err)
	}
	return out, nil
}

// MessagesSince returns the records of messages received after t, newest first.
func MessagesSince(tx Querier, t time.Time) ([]app.MessageRecord, error) {
	since := SinceValue(t)
	rows, err := tx.Query(`SELECT kenmerk, soort, verzonden, ontvangen, person_id, message_id
		FROM messages WHERE ontvangen > ? ORDER BY ontvangen DESC, kenmerk`, since)
	if err != nil {
		return nil, fmt.Errorf("nieuwe berichten lezen: %w", err)
	}
	defer rows.Close()
	var out []app.MessageRecord
	for rows.Next() {
		m, err := ScanMessage(rows)
		if err != nil {
			return nil, fmt.Errorf("nieuwe berichten lezen: %w", err)
		}
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("nieuwe berichten lezen: %w", err)
	}
	return out, nil
}

// AddStatusChange appends one entry to the status history.
func AddStatusChange(tx Querier, c app.StatusChange) error {
	_, err := tx.Exec(`INSERT INTO followup_history (person_id, domain, tijd, door, van, naar)
		VALUES (?, ?, ?, ?, ?, ?)`, c.PersonID, string(c.Domain), TimeValue(c.Tijd), c.Door,
		string(c.Van), string(c.Naar))
	if err != nil {
		return fmt.Errorf("statuswijziging %s van persoon %d opslaan: %w", c.Domain, c.PersonID, err)
	}
	return nil
}

// SaveFollowup inserts or replaces the follow-up of (f.PersonID, f.Domain).
func SaveFollowup(tx Querier, f app.Followup) error {
	_, err := tx.Exec(`INSERT INTO followups (person_id, domain, status, verantwoordelijke, actie, actiedatum, gewijzigd)
		VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (person_id, domain) DO UPDATE SET status = excluded.status,
		verantwoordelijke = excluded.verantwoordelijke, actie = excluded.actie,
		actiedatum = excluded.actiedatum, gewijzigd = excluded.gewijzigd`,
		f.PersonID, string(f.Domain), string(f.Status), f.Verantwoordelijke, f.Actie,
		DateValue(f.Actiedatum), TimeValue(f.Gewijzigd))
	if err != nil {
		return fmt.Errorf("opvolging %s van persoon %d opslaan: %w", f.Domain, f.PersonID, err)
	}
	return nil
}

// DeleteFollowup removes a domain's follow-up, status history, contacts and notes, and
// returns how many rows went. It is part of PurgeDomainData; contacts of 'algemeen' are never
// touched here.
func DeleteFollowup(tx Querier, personID int64, d app.Domain) (int, error) {
	total := 0
	for _, q := range []struct{ table, what string }{
		{"followups", "opvolging"}, {"followup_history", "statusgeschiedenis"}, {"contacts", "contacten"},
		{"aantekeningen", "aantekeningen"},
	} {
		// The table names are constants of this function, never input.
		n, err := tx.Exec(`DELETE FROM `+q.table+` WHERE person_id = ? AND domain = ?`, personID, string(d))
		if err != nil {
			return 0, fmt.Errorf("%s %s van persoon %d verwijderen: %w", q.what, d, personID, err)
		}
		total += n
	}
	return total, nil
}

// ScanFollowup reads a follow-up from the columns person_id, domain, status,
// verantwoordelijke, actie, actiedatum and gewijzigd.
func ScanFollowup(rows Scanner) (app.Followup, error) {
	var f app.Followup
	var actiedatum, gewijzigd sql.NullString
	if err := rows.Scan(&f.PersonID, &f.Domain, &f.Status, &f.Verantwoordelijke, &f.Actie,
		&actiedatum, &gewijzigd); err != nil {
		return f, err
	}
	var err1, err2 error
	f.Actiedatum, err1 = ParseDate(actiedatum)
	f.Gewijzigd, err2 = ParseTime(gewijzigd)
	return f, errors.Join(err1, err2)
}
