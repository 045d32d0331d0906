package sqlite

import (
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/storage/sqlstore"
)

// The dashboard's reads (migration 0007): each is an index range that stops after the
// rows shown, with a count(*) for the exact number. The signal lists of one signal per
// person hold the first limit rows by date and every further row sharing the last one's
// date (app.Signals orders them by name); the overdue actions and the gemeente's
// agreements are the first limit exactly, sorted in SQL as app.Signals sorts them.

// overdueList is the first ? (limit) overdue actions before ? (today) with their
// persons, in the signals' order: the columns of the index followups_verlopen (migration
// 0020), whose volledige_naam is app.Person.FullName compared byte by byte (SQLite's
// BINARY collation), as Go compares strings.
var overdueList = `SELECT f.person_id, f.domain, f.status, f.verantwoordelijke, f.actie, f.actiedatum,
	f.gewijzigd, ` + personColumns + ` FROM followups f JOIN persons p ON p.id = f.person_id
	WHERE ` + overdueAction + ` ORDER BY f.actiedatum, f.volledige_naam, f.person_id, ` + sqlstore.DomainRank("f.domain") + ` LIMIT ?`

// OverdueActions returns the follow-ups not geregeld or niet nodig whose next action
// is dated before today, with their persons: the first limit in the signals' order
// (actiedatum, the person's full name, person id, domain in Leefgebieden order); and how
// many there are in all.
//
// The list from the partial index followups_verlopen (migration 0020), which holds only
// the open actions in exactly that order (the name is the stored volledige_naam): the
// first limit entries of its range before today, each read in full with its person. The
// count from the open actions per actiedatum (migration 0021).
func (r *reader) OverdueActions(today app.Date, limit int) ([]app.DueAction, int, error) {
	var total int
	// The count from the open follow-ups per actiedatum (migration 0021), kept with
	// overdueAction's condition: a sum of a few dozen rows instead of a walk over every
	// open action before today.
	if err := r.queryRow(`SELECT coalesce(sum(n), 0) FROM followups_open_per_datum WHERE actiedatum < ?`, today.String()).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("verlopen acties tellen: %w", err)
	}
	if total == 0 || limit <= 0 {
		return nil, total, nil
	}
	rows, err := r.query(overdueList, today.String(), limit)
	if err != nil {
		return nil, 0, fmt.Errorf("verlopen acties lezen: %w", err)
	}
	defer rows.Close()
	var out []app.DueAction
	for rows.Next() {
		var f app.Followup
		var actiedatum, gewijzigd sql.NullString
		var s personScan
		dest := append([]any{&f.PersonID, &f.Domain, &f.Status, &f.Verantwoordelijke, &f.Actie,
			&actiedatum, &gewijzigd}, s.dest()...)
		if err := rows.Scan(dest...); err != nil {
			return nil, 0, fmt.Errorf("verlopen acties lezen: %w", err)
		}
		var err1, err2 error
		f.Actiedatum, err1 = sqlstore.ParseDate(actiedatum)
		f.Gewijzigd, err2 = sqlstore.ParseTime(gewijzigd)
		if err := errors.Join(err1, err2); err != nil {
			return nil, 0, fmt.Errorf("verlopen acties lezen: %w", err)
		}
		p, err := s.person()
		if err != nil {
			return nil, 0, err
		}
		out = append(out, app.DueAction{Person: p, Followup: f})
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("verlopen acties lezen: %w", err)
	}
	return out, total, nil
}

// SignalPersons returns the persons with a signal of kind k (app.PersonQuery.Signaal;
// a kind of one signal per person) on today with a window of days, with their latest
// detention, by its einddatum (none first), then sorteernaam and id, bounded by limit
// with ties on the last einddatum; and how many there are in all.
func (r *reader) SignalPersons(k app.SignalKind, today app.Date, days, limit int) ([]app.PersonRow, int, error) {
	if !k.Valid() {
		return nil, 0, fmt.Errorf("onbekend signaal %q", k)
	}
	cond, args := signalCond(k, today, days)
	var total int
	if err := r.queryRow(`SELECT count(*) FROM persons p WHERE `+cond, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("signalen tellen: %w", err)
	}
	if total == 0 {
		return nil, 0, nil
	}
	// In the window, walk persons_vrijlating in order and stop; outside it the unary +
	// keeps SQLite from walking all 150,000 persons in that order to find the 17 flagged
	// for review: their own index finds them, and the few are sorted.
	order := `+p.vrijlating, p.sorteernaam, p.id`
	if inReleaseWindow(k) {
		order = `p.vrijlating, p.sorteernaam, p.id`
	}
	rows, err := r.query(`SELECT `+personColumns+`, d.inrichting, d.einddatum, d.einddatum_status
		FROM persons p `+latestDetentionJoin+` WHERE `+cond+` ORDER BY `+order, args...)
	if err != nil {
		return nil, 0, fmt.Errorf("signalen lezen: %w", err)
	}
	defer rows.Close()
	var out []app.PersonRow
	for rows.Next() {
		row, err := scanPersonRow(rows)
		if err != nil {
			return nil, 0, err
		}
		if len(out) >= limit && row.Einddatum.String() != out[len(out)-1].Einddatum.String() {
			break
		}
		out = append(out, row)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("signalen lezen: %w", err)
	}
	return out, total, nil
}

// CountReleases returns the number of persons whose latest detention ends in [from, to]
// (index persons_vrijlating).
func (r *reader) CountReleases(from, to app.Date) (int, error) {
	var n int
	if err := r.queryRow(`SELECT count(*) FROM persons p WHERE p.vrijlating >= ? AND p.vrijlating <= ?`,
		from.String(), to.String()).Scan(&n); err != nil {
		return 0, fmt.Errorf("vrijlatingen tellen: %w", err)
	}
	return n, nil
}

// ArrivalsSince returns the newest limit messages received after t (zero: all), newest
// first, with the name of their person, and how many there are in all up to maxCount:
// counting every message when the user never looked read 677,307 index entries.
func (r *reader) ArrivalsSince(t time.Time, limit, maxCount int) ([]app.Arrival, int, error) {
	since := sqlstore.SinceValue(t)
	var total int
	if err := r.queryRow(`SELECT count(*) FROM (SELECT 1 FROM messages WHERE ontvangen > ? LIMIT ?)`,
		since, maxCount).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("nieuwe berichten tellen: %w", err)
	}
	rows, err := r.query(`SELECT m.kenmerk, m.soort, m.verzonden, m.ontvangen, m.person_id, m.message_id,
		p.voornamen, p.voorvoegsel, p.achternaam
		FROM messages m LEFT JOIN persons p ON p.id = m.person_id
		WHERE m.ontvangen > ? ORDER BY m.ontvangen DESC, m.kenmerk LIMIT ?`, since, limit)
	if err != nil {
		return nil, 0, fmt.Errorf("nieuwe berichten lezen: %w", err)
	}
	defer rows.Close()
	var out []app.Arrival
	for rows.Next() {
		var verzonden, ontvangen, voornamen, voorvoegsel, achternaam sql.NullString
		var person sql.NullInt64
		var a app.Arrival
		if err := rows.Scan(&a.Kenmerk, &a.Soort, &verzonden, &ontvangen, &person, &a.MessageID,
			&voornamen, &voorvoegsel, &achternaam); err != nil {
			return nil, 0, fmt.Errorf("nieuwe berichten lezen: %w", err)
		}
		var err1, err2 error
		a.Verzonden, err1 = sqlstore.ParseTime(verzonden)
		a.Ontvangen, err2 = sqlstore.ParseTime(ontvangen)
		if err := errors.Join(err1, err2); err != nil {
			return nil, 0, fmt.Errorf("nieuwe berichten lezen: %w", err)
		}
		if person.Valid {
			a.PersonID = person.Int64
			if voornamen.Valid {
				a.Naam = app.Person{Voornamen: voornamen.String, Voorvoegsel: voorvoegsel.String,
					Achternaam: achternaam.String}.FullName()
			}
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("nieuwe berichten lezen: %w", err)
	}
	return out, total, nil
}

// QuarantinedSince returns the number of messages quarantined after t (zero: all).
func (r *reader) QuarantinedSince(t time.Time) (int, error) {
	since := sqlstore.SinceValue(t)
	var n int
	if err := r.queryRow(`SELECT count(*) FROM quarantine WHERE ontvangen > ?`, since).Scan(&n); err != nil {
		return 0, fmt.Errorf("quarantaine tellen: %w", err)
	}
	return n, nil
}

// ReleaseFollowups returns the recorded follow-up per domain of every person whose
// latest detention ends in [from, to], by person id: one query for the release list
// instead of one per person.
func (r *reader) ReleaseFollowups(from, to app.Date) (map[int64]map[app.Domain]app.Followup, error) {
	rows, err := r.query(`SELECT f.person_id, f.domain, f.status, f.verantwoordelijke, f.actie, f.actiedatum, f.gewijzigd
		FROM persons p JOIN followups f ON f.person_id = p.id
		WHERE p.vrijlating >= ? AND p.vrijlating <= ?`, from.String(), to.String())
	if err != nil {
		return nil, fmt.Errorf("opvolging lezen: %w", err)
	}
	out, err := byPersonDomain(rows, func(rows *sql.Rows) (int64, app.Domain, app.Followup, error) {
		f, err := sqlstore.ScanFollowup(rows)
		return f.PersonID, f.Domain, f, err
	})
	if err != nil {
		return nil, fmt.Errorf("opvolging lezen: %w", err)
	}
	return out, nil
}

// ReleaseContactCounts returns the number of contacts (all domains and algemeen) of
// every person whose latest detention ends in [from, to] and who has any, by person id.
func (r *reader) ReleaseContactCounts(from, to app.Date) (map[int64]int, error) {
	rows, err := r.query(`SELECT c.person_id, count(*) FROM persons p JOIN contacts c ON c.person_id = p.id
		WHERE p.vrijlating >= ? AND p.vrijlating <= ? GROUP BY c.person_id`, from.String(), to.String())
	if err != nil {
		return nil, fmt.Errorf("contacten tellen: %w", err)
	}
	defer rows.Close()
	out := map[int64]int{}
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, fmt.Errorf("contacten tellen: %w", err)
		}
		out[id] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("contacten tellen: %w", err)
	}
	return out, nil
}
