package postgres

import (
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/storage/sqlstore"
)

// The dashboard's reads (migration 0007): each is an index range that stops after the
// rows shown, with a count(*) for the exact number. A bounded list holds the first
// limit rows by date and every further row sharing the last one's date, so that
// app.Signals, which orders by date and then name, picks the same first rows as it
// would from all of them.

// OverdueActions returns the follow-ups not geregeld or niet nodig whose next action
// is dated before today, with their persons: the first limit in the signals' order
// (actiedatum, the person's full name byte by byte, person id, domain in Leefgebieden
// order), as on SQLite; and how many there are in all.
//
// One statement: the count rides along on every row (an InitPlan, computed once), and
// no row means none at all. Both read the partial index followups_verlopen (migration
// 0009), which holds only the open actions in exactly that order (the name is the
// stored volledige_naam): the count an index-only range, the list its first limit
// entries, each joined with its person.
func (r *reader) OverdueActions(today app.Date, limit int) ([]app.DueAction, int, error) {
	if limit < 1 {
		var total int
		if err := r.queryRow(`SELECT count(*) FROM followups f`+overdueCond, today.String()).Scan(&total); err != nil {
			return nil, 0, fmt.Errorf("verlopen acties tellen: %w", err)
		}
		return nil, total, nil
	}
	rows, err := r.queryGeneric(overdueQuery(limit), today.String(), today.String())
	if err != nil {
		return nil, 0, fmt.Errorf("verlopen acties lezen: %w", err)
	}
	defer rows.Close()
	var out []app.DueAction
	total := 0
	// One set of destinations for every row: each column is overwritten, a NULL included.
	var f app.Followup
	var actiedatum, gewijzigd pgtype.Text
	var s personScan
	dest := append([]any{&total, &f.PersonID, &f.Domain, &f.Status, &f.Verantwoordelijke, &f.Actie,
		&actiedatum, &gewijzigd}, s.dest()...)
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return nil, 0, fmt.Errorf("verlopen acties lezen: %w", err)
		}
		if f.Actiedatum, err = sqlstore.ParseDate(sql.NullString(actiedatum)); err != nil {
			return nil, 0, fmt.Errorf("verlopen acties lezen: %w", err)
		}
		if f.Gewijzigd, err = sqlstore.ParseTime(sql.NullString(gewijzigd)); err != nil {
			return nil, 0, fmt.Errorf("verlopen acties lezen: %w", err)
		}
		p, err := s.person()
		if err != nil {
			return nil, 0, err
		}
		if out == nil {
			out = make([]app.DueAction, 0, min(total, limit))
		}
		out = append(out, app.DueAction{Person: p, Followup: f})
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("verlopen acties lezen: %w", err)
	}
	return out, total, nil
}

// overdueCond is the condition of an overdue action f before ? (today): that of the
// partial indexes followups_verlopen and followups_verlopen_datum (for the count), the
// statuses in literals so that a generic plan sees that the indexes serve it.
const overdueCond = ` WHERE f.actiedatum IS NOT NULL AND f.actiedatum < ? AND f.status NOT IN ('geregeld', 'niet-nodig')`

// overdueQuery is OverdueActions' statement for ? (today, for the count) and ? (today):
// the order is the columns of followups_verlopen. The limit is a literal: with a
// parameter the generic plan expects a tenth of the range (1,128 rows at 150,000
// persons) and starts two parallel workers for it, 11-20 ms instead of 1.3.
func overdueQuery(limit int) string {
	return `SELECT (SELECT count(*) FROM followups f` + overdueCond + `), f.person_id, f.domain, f.status,
		f.verantwoordelijke, f.actie, f.actiedatum, f.gewijzigd, ` + personColumns + `
		FROM followups f JOIN persons p ON p.id = f.person_id` + overdueCond + ` ORDER BY f.actiedatum, f.volledige_naam,
		f.person_id, ` + sqlstore.DomainRank("f.domain") + ` LIMIT ` + strconv.Itoa(limit)
}

// SignalPersons returns the persons with a signal of kind k (app.PersonQuery.Signaal;
// a kind of one signal per person) on today with a window of days, with their latest
// detention, by its einddatum (none first), then sorteernaam and id, bounded by limit
// with ties on the last einddatum; and how many there are in all.
//
// One statement: the count rides along on every row (an InitPlan, computed once), and
// no row means none at all. The bound is in SQL (FETCH … WITH TIES on the einddatum
// alone, as the loop below cuts), so that only the rows shown are sorted, joined and
// sent: before, all 787 persons released in the window without everything arranged
// were (150,000 persons; 8 ms on the server for the list alone).
func (r *reader) SignalPersons(k app.SignalKind, today app.Date, days, limit int) ([]app.PersonRow, int, error) {
	if !k.Valid() {
		return nil, 0, fmt.Errorf("onbekend signaal %q", k)
	}
	if limit < 1 {
		return r.signalCount(k, today, days)
	}
	query, args := signalQuery(k, today, days, limit)
	rows, err := r.queryGeneric(query, args...)
	if err != nil {
		return nil, 0, fmt.Errorf("signalen lezen: %w", err)
	}
	defer rows.Close()
	var out []app.PersonRow
	total := 0
	var scan personRowScan
	dest := scan.dest(&total)
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return nil, 0, fmt.Errorf("signalen lezen: %w", err)
		}
		row, err := scan.row()
		if err != nil {
			return nil, 0, err
		}
		if out == nil {
			out = make([]app.PersonRow, 0, min(total, 3*limit)) // the ties of one day fit at 150,000 persons
		}
		if len(out) >= limit && !row.Einddatum.Equal(out[len(out)-1].Einddatum) {
			break
		}
		out = append(out, row)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("signalen lezen: %w", err)
	}
	return out, total, nil
}

// signalQuery is the statement of SignalPersons and its arguments: the count, and the
// persons of the first limit einddatums with their ties.
func signalQuery(k app.SignalKind, today app.Date, days, limit int) (string, []any) {
	if k == app.SignaalEinddatumVerstreken {
		return endedQuery, []any{today.String(), limit}
	}
	cond, args := signalCond(k, today, days)
	return `SELECT (SELECT count(*) FROM persons p WHERE ` + cond + `), ` + personColumns + `,
		d.inrichting, d.einddatum, d.einddatum_status
		FROM (SELECT p.id FROM persons p WHERE ` + cond + ` ORDER BY ` + signalTieKey(k) + ` FETCH FIRST (?) ROWS WITH TIES) page
		JOIN persons p ON p.id = page.id ` + latestDetentionJoin + `
		ORDER BY p.vrijlating NULLS FIRST, p.sorteernaam, p.id`, append(append(args, args...), limit)
}

// endedQuery is signalQuery's statement of einddatum-verstreken for ? (today) and ?
// (limit): signalCond's persons, whose verwacht latest detention ended before today,
// found once (a materialized CTE, read for the count and for the page; as signalCond
// the count and the page each found them again, 564 buffers each at 150,000 persons)
// and each looked up by its id (LATERAL … OFFSET 0), so that the generic plan is the
// custom one whatever today is: the range of detentions_verwacht, a primary-key lookup
// per detention and per person. The plan is made once per connection (queryGeneric): a
// plan for its values took 0.9 ms to make, the statement 1.3 ms to run. A person has one
// latest detention, so the CTE holds each person once: its count is signalCond's.
const endedQuery = `WITH e AS MATERIALIZED (` + endedPersons + `)
	SELECT (SELECT count(*) FROM e), ` + personColumns + `, d.inrichting, d.einddatum, d.einddatum_status
	FROM (SELECT k.id FROM e CROSS JOIN LATERAL (SELECT p.id, COALESCE(p.vrijlating, '') AS tie FROM persons p
		WHERE p.id = e.person_id OFFSET 0) k ORDER BY k.tie FETCH FIRST (?) ROWS WITH TIES) page
	JOIN persons p ON p.id = page.id ` + latestDetentionJoin + `
	ORDER BY p.vrijlating NULLS FIRST, p.sorteernaam, p.id`

// signalTieKey is the key SignalPersons bounds its list on: the einddatum of the latest
// detention, with none (empty or NULL: the same zero date to the loop) first. In the
// release window every person has one, and the partial index of the kind serves it in
// order (persons_nog_te_regelen, persons_geen_contact).
func signalTieKey(k app.SignalKind) string {
	if k == app.SignaalNietGeregeld || k == app.SignaalGeenContact {
		return `p.vrijlating`
	}
	return `COALESCE(p.vrijlating, '')`
}

// signalCount is the number of persons with a signal of kind k, for a list of none.
func (r *reader) signalCount(k app.SignalKind, today app.Date, days int) ([]app.PersonRow, int, error) {
	cond, args := signalCond(k, today, days)
	var total int
	if err := r.queryRow(`SELECT count(*) FROM persons p WHERE `+cond, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("signalen tellen: %w", err)
	}
	return nil, total, nil
}

// CountReleases returns the number of persons whose latest detention ends in [from, to]
// (index persons_vrijlating).
func (r *reader) CountReleases(from, to app.Date) (int, error) {
	var n int
	if err := r.queryRowGeneric(`SELECT count(*) FROM persons p WHERE p.vrijlating >= ? AND p.vrijlating <= ?`,
		from.String(), to.String()).Scan(&n); err != nil {
		return 0, fmt.Errorf("vrijlatingen tellen: %w", err)
	}
	return n, nil
}

// arrivalCount counts the messages received after ? up to ? (ArrivalsSince), in the
// order of messages_ontvangen, so that it walks that index (in shared buffers, index
// only) and not the table: when most messages are new (laatst_bekeken unset) the
// planner otherwise scans the table, and a scan of a table that large reads its pages
// past shared buffers every time (150,000 persons: 240 pages; 1.7 against 1.1 ms for a
// count of 10,001).
const arrivalCount = `SELECT count(*) FROM (SELECT 1 FROM messages WHERE ontvangen > ? ORDER BY ontvangen DESC LIMIT ?) m`

// ArrivalsSince returns the newest limit messages received after t (zero: all), newest
// first, with the name of their person, and how many there are in all up to maxCount.
// The count rides along on every row (an InitPlan, computed once): one round trip, and
// no row means none at all.
func (r *reader) ArrivalsSince(t time.Time, limit, maxCount int) ([]app.Arrival, int, error) {
	since := sqlstore.SinceValue(t)
	if limit < 1 {
		var total int
		if err := r.queryRow(arrivalCount, since, maxCount).Scan(&total); err != nil {
			return nil, 0, fmt.Errorf("nieuwe berichten tellen: %w", err)
		}
		return nil, total, nil
	}
	// Planned for its values: its generic plan reads four times the buffers at 150,000
	// persons (it cannot see that '' is before every message).
	rows, err := r.query(`SELECT (`+arrivalCount+`), m.kenmerk, m.soort, m.verzonden, m.ontvangen, m.person_id, m.message_id,
		p.voornamen, p.voorvoegsel, p.achternaam
		FROM messages m LEFT JOIN persons p ON p.id = m.person_id
		WHERE m.ontvangen > ? ORDER BY m.ontvangen DESC, m.kenmerk LIMIT ?`, since, maxCount, since, limit)
	if err != nil {
		return nil, 0, fmt.Errorf("nieuwe berichten lezen: %w", err)
	}
	defer rows.Close()
	var out []app.Arrival
	total := 0
	// One set of destinations for every row (each column is overwritten, a NULL
	// included); a starts empty at every row.
	var verzonden, ontvangen, voornamen, voorvoegsel, achternaam pgtype.Text
	var person pgtype.Int8
	var a app.Arrival
	dest := []any{&total, &a.Kenmerk, &a.Soort, &verzonden, &ontvangen, &person, &a.MessageID,
		&voornamen, &voorvoegsel, &achternaam}
	for rows.Next() {
		a = app.Arrival{}
		if err := rows.Scan(dest...); err != nil {
			return nil, 0, fmt.Errorf("nieuwe berichten lezen: %w", err)
		}
		var err1, err2 error
		a.Verzonden, err1 = sqlstore.ParseTime(sql.NullString(verzonden))
		a.Ontvangen, err2 = sqlstore.ParseTime(sql.NullString(ontvangen))
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
		if out == nil {
			out = make([]app.Arrival, 0, min(total, limit))
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
	if err := r.queryRowGeneric(`SELECT count(*) FROM quarantine WHERE ontvangen > ?`, since).Scan(&n); err != nil {
		return 0, fmt.Errorf("quarantaine tellen: %w", err)
	}
	return n, nil
}

// ReleaseFollowups returns the recorded follow-up per domain of every person whose
// latest detention ends in [from, to], by person id: one query for the release list
// instead of one per person. Planned once (releaseRows).
func (r *reader) ReleaseFollowups(from, to app.Date) (map[int64]map[app.Domain]app.Followup, error) {
	rows, err := r.queryGeneric(`SELECT f.person_id, f.domain, f.status, f.verantwoordelijke, f.actie, f.actiedatum, f.gewijzigd
		`+releaseRows("followups", "f"), from.String(), to.String())
	if err != nil {
		return nil, fmt.Errorf("opvolging lezen: %w", err)
	}
	out, err := byPersonDomain(rows, func(rows pgx.Rows) (int64, app.Domain, app.Followup, error) {
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
// Planned once (releaseRows): each person's contacts are a range of contacts_person. As
// a join its generic plan depended on the statistics: an index walk per person on one
// copy of 150,000 persons, a hash join over a seq scan of all 85,091 contacts (9 ms) on
// another copy of the same rows (bench's).
func (r *reader) ReleaseContactCounts(from, to app.Date) (map[int64]int, error) {
	rows, err := r.queryGeneric(`SELECT c.person_id, count(*) `+releaseRows("contacts", "c")+`
		GROUP BY c.person_id`, from.String(), to.String())
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

// releaseRows is the FROM and WHERE of a read of table (as alias) for the persons
// whose latest detention ends in [?, ?]: each person's rows looked up by person_id
// (the primary key's first column) in a subquery per person. Its generic plan, made
// once per connection (queryGeneric), is that index walk whatever the window; a join
// of persons and the table gets a generic plan that reads the whole table (the
// planner's guess of the window is 748 persons; 150,000 persons: 50 ms for the
// follow-ups of one day), and a plan for its values costs more to make than to run
// (2 ms for the follow-ups of one day: the join weighs the thirty indexes of persons).
func releaseRows(table, alias string) string {
	return `FROM persons p CROSS JOIN LATERAL (SELECT * FROM ` + table + ` ` + alias + ` WHERE ` + alias + `.person_id = p.id OFFSET 0) ` + alias + `
		WHERE p.vrijlating >= ? AND p.vrijlating <= ?`
}
