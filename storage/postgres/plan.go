package postgres

import (
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/storage/sqlstore"
)

// The D&R-plan (migration 0009): one current plan per person, in five tables.

// planTables are the tables that hold a plan's content, each keyed by person_id. The
// names are constants, never input.
var planTables = []string{"plan_agreements", "plan_goals", "plan_topics", "plan_leefgebieden", "plans"}

// HasPlan runs sqlstore.HasPlan in this transaction.
func (r *reader) HasPlan(personID int64) (bool, error) { return sqlstore.HasPlan(r, personID) }

// Plan returns the person's current plan, or nil when there is none.
func (r *reader) Plan(personID int64) (*app.StoredPlan, error) {
	var sp app.StoredPlan
	var opgesteld, verzonden sql.NullString
	err := r.queryRow(`SELECT kenmerk, opgesteld, verzonden, grondslag FROM plans WHERE person_id = ?`, personID).
		Scan(&sp.Kenmerk, &opgesteld, &verzonden, &sp.Plan.Grondslag)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("plan van persoon %d lezen: %w", personID, err)
	}
	var err1, err2 error
	sp.Opgesteld, err1 = sqlstore.ParseDate(opgesteld)
	sp.Verzonden, err2 = sqlstore.ParseTime(verzonden)
	if err := errors.Join(err1, err2); err != nil {
		return nil, fmt.Errorf("plan van persoon %d lezen: %w", personID, err)
	}
	sp.Plan.Opgesteld = sp.Opgesteld
	if err := r.readPlanContent(personID, &sp.Plan); err != nil {
		return nil, fmt.Errorf("plan van persoon %d lezen: %w", personID, err)
	}
	return &sp, nil
}

// readPlanContent fills p's leefgebieden (in document order) and general topics.
func (r *reader) readPlanContent(personID int64, p *app.Plan) error {
	index := map[app.Domain]int{}
	err := r.each(`SELECT domain, situatie FROM plan_leefgebieden WHERE person_id = ? ORDER BY volgorde`,
		personID, func(rows pgx.Rows) error {
			var l app.LifeArea
			if err := rows.Scan(&l.Code, &l.Situatie); err != nil {
				return err
			}
			index[l.Code] = len(p.Leefgebieden)
			p.Leefgebieden = append(p.Leefgebieden, l)
			return nil
		})
	if err != nil {
		return err
	}
	// area returns the leefgebied a row belongs to; every row has one (ReplacePlan).
	area := func(d app.Domain) (*app.LifeArea, error) {
		i, ok := index[d]
		if !ok {
			return nil, fmt.Errorf("gegevens van leefgebied %s zonder leefgebied", d)
		}
		return &p.Leefgebieden[i], nil
	}
	err = r.each(`SELECT domain, code, antwoord, toelichting FROM plan_topics WHERE person_id = ? ORDER BY volgorde`,
		personID, func(rows pgx.Rows) error {
			var d app.Domain
			var a app.Answer
			if err := rows.Scan(&d, &a.Code, &a.Antwoord, &a.Toelichting); err != nil {
				return err
			}
			if d == "" {
				p.Algemeen = append(p.Algemeen, a)
				return nil
			}
			l, err := area(d)
			if err == nil {
				l.Onderwerpen = append(l.Onderwerpen, a)
			}
			return err
		})
	if err != nil {
		return err
	}
	err = r.each(`SELECT domain, tekst FROM plan_goals WHERE person_id = ? ORDER BY volgorde`,
		personID, func(rows pgx.Rows) error {
			var d app.Domain
			var tekst string
			if err := rows.Scan(&d, &tekst); err != nil {
				return err
			}
			l, err := area(d)
			if err == nil {
				l.Doelen = append(l.Doelen, tekst)
			}
			return err
		})
	if err != nil {
		return err
	}
	return r.each(`SELECT domain, afspraak_id, wie, status, datum, tekst FROM plan_agreements
		WHERE person_id = ? ORDER BY volgorde`, personID, func(rows pgx.Rows) error {
		var d app.Domain
		a, err := scanAgreement(rows, &d)
		if err != nil {
			return err
		}
		l, err := area(d)
		if err == nil {
			l.Afspraken = append(l.Afspraken, a)
		}
		return err
	})
}

// scanAgreement reads domain, afspraak_id, wie, status, datum, tekst.
func scanAgreement(rows pgx.Rows, d *app.Domain) (app.Agreement, error) {
	var a app.Agreement
	var datum sql.NullString
	if err := rows.Scan(d, &a.ID, &a.Wie, &a.Status, &datum, &a.Tekst); err != nil {
		return a, err
	}
	var err error
	a.Datum, err = sqlstore.ParseDate(datum)
	return a, err
}

// each runs a query with one argument and calls fn for every row, then closes them.
func (r *reader) each(query string, arg any, fn func(pgx.Rows) error) error {
	rows, err := r.query(query, arg)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// ReplacePlan removes the person's previous plan entirely and stores p. Removing a plan
// is a purge: the store wipes the write-ahead log after the commit.
func (w *writer) ReplacePlan(personID int64, p app.StoredPlan) error {
	if err := w.deletePlan(personID); err != nil {
		return err
	}
	grondslag := p.Plan.Grondslag
	if grondslag == "" {
		grondslag = app.GrondslagPlan
	}
	_, err := w.exec(`INSERT INTO plans (person_id, kenmerk, opgesteld, verzonden, grondslag) VALUES (?, ?, ?, ?, ?)`,
		personID, p.Kenmerk, sqlstore.DateValue(p.Opgesteld), sqlstore.TimeValue(p.Verzonden), grondslag)
	if err != nil {
		return fmt.Errorf("plan van persoon %d opslaan: %w", personID, err)
	}
	if err := w.insertTopics(personID, "", p.Plan.Algemeen); err != nil {
		return err
	}
	for i, l := range p.Plan.Leefgebieden {
		if err := w.insertLifeArea(personID, i, l); err != nil {
			return fmt.Errorf("plan van persoon %d opslaan: %w", personID, err)
		}
	}
	return nil
}

func (w *writer) insertLifeArea(personID int64, pos int, l app.LifeArea) error {
	_, err := w.exec(`INSERT INTO plan_leefgebieden (person_id, domain, volgorde, situatie) VALUES (?, ?, ?, ?)`,
		personID, string(l.Code), pos, l.Situatie)
	if err != nil {
		return fmt.Errorf("leefgebied %s: %w", l.Code, err)
	}
	if err := w.insertTopics(personID, l.Code, l.Onderwerpen); err != nil {
		return err
	}
	for i, g := range l.Doelen {
		_, err := w.exec(`INSERT INTO plan_goals (person_id, domain, volgorde, tekst) VALUES (?, ?, ?, ?)`,
			personID, string(l.Code), i, g)
		if err != nil {
			return fmt.Errorf("doel van leefgebied %s: %w", l.Code, err)
		}
	}
	for i, a := range l.Afspraken {
		_, err := w.exec(`INSERT INTO plan_agreements (person_id, afspraak_id, domain, volgorde, wie, status, datum, tekst)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, personID, a.ID, string(l.Code), i, a.Wie, a.Status, sqlstore.DateValue(a.Datum), a.Tekst)
		if err != nil {
			return fmt.Errorf("afspraak van leefgebied %s: %w", l.Code, err)
		}
	}
	return nil
}

// insertTopics stores topics of leefgebied d ("" for the plan's general topics).
func (w *writer) insertTopics(personID int64, d app.Domain, topics []app.Answer) error {
	for i, a := range topics {
		_, err := w.exec(`INSERT INTO plan_topics (person_id, domain, code, volgorde, antwoord, toelichting)
			VALUES (?, ?, ?, ?, ?, ?)`, personID, string(d), a.Code, i, a.Antwoord, a.Toelichting)
		if err != nil {
			return fmt.Errorf("onderwerp %s van het plan van persoon %d opslaan: %w", a.Code, personID, err)
		}
	}
	return nil
}

// deletePlan removes every row of the person's plan; when there were any, the update
// counts as a purge.
func (w *writer) deletePlan(personID int64) error {
	for _, table := range planTables {
		n, err := w.execCount(`DELETE FROM `+table+` WHERE person_id = ?`, personID)
		if err != nil {
			return fmt.Errorf("vorig plan van persoon %d verwijderen: %w", personID, err)
		}
		if n > 0 {
			w.purge(table)
		}
	}
	return nil
}

// PurgeSheetData removes a domain's informatieblad content (topics and hulpvraag)
// irreversibly, leaving its follow-up.
func (w *writer) PurgeSheetData(personID int64, d app.Domain) (int, error) {
	w.purge("topics", "hulpvragen")
	return sqlstore.DeleteDomainData(w, personID, d)
}

// ReleasePlanDomains returns the leefgebieden of the current plans of the persons whose
// latest detention ends in [from, to], by person id, in document order. Planned once
// (releaseRows).
func (r *reader) ReleasePlanDomains(from, to app.Date) (map[int64][]app.Domain, error) {
	rows, err := r.queryGeneric(`SELECT l.person_id, l.domain `+releaseRows("plan_leefgebieden", "l")+`
		ORDER BY l.person_id, l.volgorde`, from.String(), to.String())
	if err != nil {
		return nil, fmt.Errorf("leefgebieden van plannen lezen: %w", err)
	}
	defer rows.Close()
	out := map[int64][]app.Domain{}
	for rows.Next() {
		var id int64
		var d app.Domain
		if err := rows.Scan(&id, &d); err != nil {
			return nil, fmt.Errorf("leefgebieden van plannen lezen: %w", err)
		}
		out[id] = append(out[id], d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("leefgebieden van plannen lezen: %w", err)
	}
	return out, nil
}

// gemeenteWork is the condition of an agreement that is open work for the gemeente, in
// literals so that the partial index plan_agreements_gemeente serves it.
const gemeenteWork = `a.wie = 'gemeente' AND a.status IN ('open', 'lopend')`

// datedAgreementCount counts the gemeente's agreements dated on or before ? (last).
const datedAgreementCount = `(SELECT count(*) FROM plan_agreements a WHERE ` + gemeenteWork +
	` AND a.datum IS NOT NULL AND a.datum <= ?)`

// undatedAgreements is the gemeente's undated agreements of the persons released in
// [?, ?] (today, last), with their sort keys.
func undatedAgreements() string {
	return `SELECT a.person_id, a.afspraak_id, a.datum, a.volledige_naam AS naam, ` + sqlstore.DomainRank("a.domain") + ` AS rang
		FROM persons p JOIN plan_agreements a ON a.person_id = p.id
		WHERE ` + gemeenteWork + ` AND a.datum IS NULL AND p.vrijlating >= ? AND p.vrijlating <= ?`
}

// gemeenteAgreementsQuery is GemeenteAgreementsDue's statement for today, last (the
// undated), last (the dated count) and last (the dated: the first limit in the order of
// plan_agreements_gemeente_naam); only the first limit of both are joined with the
// rest. The limit is a literal, as in overdueQuery: a generic plan then knows how few
// rows are wanted.
func gemeenteAgreementsQuery(limit int) string {
	rang := sqlstore.DomainRank("a.domain")
	n := strconv.Itoa(limit)
	dated := `SELECT a.person_id, a.afspraak_id, a.datum, a.volledige_naam AS naam, ` + rang + ` AS rang
		FROM plan_agreements a WHERE ` + gemeenteWork + ` AND a.datum IS NOT NULL AND a.datum <= ?
		ORDER BY a.datum, a.volledige_naam, a.person_id, ` + rang + `, a.afspraak_id LIMIT ` + n
	return `WITH undated AS MATERIALIZED (` + undatedAgreements() + `)
		SELECT (SELECT count(*) FROM undated) + ` + datedAgreementCount + `,
		a.domain, a.afspraak_id, a.wie, a.status, a.datum, a.tekst, ` + personColumns + `,
		d.inrichting, d.einddatum, d.einddatum_status FROM (SELECT * FROM (
			(SELECT * FROM undated ORDER BY naam, person_id, rang, afspraak_id LIMIT ` + n + `) UNION ALL (` + dated + `)
		) u ORDER BY datum NULLS FIRST, naam, person_id, rang, afspraak_id LIMIT ` + n + `) k
		JOIN plan_agreements a ON a.person_id = k.person_id AND a.afspraak_id = k.afspraak_id JOIN persons p ON p.id = a.person_id ` + latestDetentionJoin +
		` ORDER BY k.datum NULLS FIRST, k.naam, k.person_id, k.rang, k.afspraak_id LIMIT ` + n
}

// GemeenteAgreementsDue returns the agreements of kind afspraak-gemeente (v2 rule 4)
// for the window [today, last]: the first limit in the signals' order (datum, undated
// first; the person's full name byte by byte, person id, domain in Leefgebieden order,
// afspraak id), as on SQLite; and how many there are in all. The name is the stored
// volledige_naam (this backend's migration 0009).
//
// The two halves of the window are apart, each served by an index: the dated
// agreements up to last by plan_agreements_gemeente_naam, which holds them in the
// signals' order (a range that stops at the limit; their count by
// plan_agreements_gemeente), the undated ones from the persons released in the window
// (persons_vrijlating) through plan_agreements_gemeente. One OR over both tables made
// PostgreSQL hash-join every person (EXPLAIN ANALYZE at 31,711 persons: a seq scan of
// persons, 168 ms for the list and 200 ms for the count on a loaded machine; apart 28
// ms and 0.7 ms). Each half takes its first limit rows before the agreements' text and
// the persons' detentions are joined.
//
// One statement: the count rides along on every row (InitPlans, computed once), and no
// row means none at all. The undated half is read once (a materialized CTE: a few
// hundred agreements at 150,000 persons) for both its count and its first rows.
func (r *reader) GemeenteAgreementsDue(today, last app.Date, limit int) ([]app.DueAgreement, int, error) {
	if limit < 1 {
		var total int
		err := r.queryRow(`SELECT `+datedAgreementCount+` + (SELECT count(*) FROM (`+undatedAgreements()+`) u)`,
			last.String(), today.String(), last.String()).Scan(&total)
		if err != nil {
			return nil, 0, fmt.Errorf("afspraken voor de gemeente tellen: %w", err)
		}
		return nil, total, nil
	}
	rows, err := r.queryGeneric(gemeenteAgreementsQuery(limit), today.String(), last.String(), last.String(), last.String())
	if err != nil {
		return nil, 0, fmt.Errorf("afspraken voor de gemeente lezen: %w", err)
	}
	defer rows.Close()
	var out []app.DueAgreement
	total := 0
	var scan dueAgreementScan
	dest := scan.dest(&total)
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return nil, 0, fmt.Errorf("afspraken voor de gemeente lezen: %w", err)
		}
		due, err := scan.agreement()
		if err != nil {
			return nil, 0, fmt.Errorf("afspraken voor de gemeente lezen: %w", err)
		}
		out = append(out, due)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("afspraken voor de gemeente lezen: %w", err)
	}
	return out, total, nil
}

// dueAgreementScan receives the rows of GemeenteAgreementsDue: the count, then the
// agreement, its person and the person's latest detention. One for every row (each
// column is overwritten, a NULL included).
type dueAgreementScan struct {
	due   app.DueAgreement
	datum pgtype.Text
	row   personRowScan
}

func (x *dueAgreementScan) dest(total *int) []any {
	a := &x.due.Agreement
	return x.row.dest(total, &x.due.Domain, &a.ID, &a.Wie, &a.Status, &x.datum, &a.Tekst)
}

// agreement is the scanned row.
func (x *dueAgreementScan) agreement() (app.DueAgreement, error) {
	due := x.due
	var err error
	if due.Agreement.Datum, err = sqlstore.ParseDate(sql.NullString(x.datum)); err != nil {
		return due, err
	}
	due.Person, err = x.row.row()
	return due, err
}
