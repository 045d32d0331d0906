package sqlite

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/storage/sqlstore"
)

// The D&R-plan (migration 0009): one current plan per person, in five tables.

// HasPlan runs sqlstore.HasPlan in this transaction.
func (r *reader) HasPlan(personID int64) (bool, error) { return sqlstore.HasPlan(r, personID) }

// Plan returns the person's current plan, or nil when there is none. It keeps the
// plan's rows as stored (r.plan) for a ReplacePlan that follows.
func (r *reader) Plan(personID int64) (*app.StoredPlan, error) {
	var sp app.StoredPlan
	var opgesteld, verzonden sql.NullString
	err := r.queryRow(`SELECT kenmerk, opgesteld, verzonden, grondslag FROM plans WHERE person_id = ?`, personID).
		Scan(&sp.Kenmerk, &opgesteld, &verzonden, &sp.Plan.Grondslag)
	if errors.Is(err, sql.ErrNoRows) {
		r.plan = &storedRows{person: personID}
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
	stored := &storedRows{person: personID, had: true}
	if err := r.readPlanContent(personID, &sp.Plan, stored); err != nil {
		return nil, fmt.Errorf("plan van persoon %d lezen: %w", personID, err)
	}
	r.plan = stored
	return &sp, nil
}

// readPlanContent fills p's leefgebieden (in document order) and general topics, and
// keeps every row as stored in rows.
func (r *reader) readPlanContent(personID int64, p *app.Plan, rows *storedRows) error {
	index := map[app.Domain]int{}
	err := r.each(`SELECT domain, volgorde, situatie FROM plan_leefgebieden WHERE person_id = ? ORDER BY volgorde`,
		personID, func(sc *sql.Rows) error {
			var l app.LifeArea
			var volgorde int64
			if err := sc.Scan(&l.Code, &volgorde, &l.Situatie); err != nil {
				return err
			}
			rows.add(0, string(l.Code), personID, string(l.Code), volgorde, l.Situatie)
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
	err = r.each(`SELECT domain, code, volgorde, antwoord, toelichting FROM plan_topics WHERE person_id = ? ORDER BY volgorde`,
		personID, func(sc *sql.Rows) error {
			var d app.Domain
			var a app.Answer
			var volgorde int64
			if err := sc.Scan(&d, &a.Code, &volgorde, &a.Antwoord, &a.Toelichting); err != nil {
				return err
			}
			rows.add(1, a.Code, personID, string(d), a.Code, volgorde, a.Antwoord, a.Toelichting)
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
	err = r.each(`SELECT domain, volgorde, tekst FROM plan_goals WHERE person_id = ? ORDER BY volgorde`,
		personID, func(sc *sql.Rows) error {
			var d app.Domain
			var volgorde int64
			var tekst string
			if err := sc.Scan(&d, &volgorde, &tekst); err != nil {
				return err
			}
			rows.add(2, fmt.Sprintf("%s %d", d, volgorde), personID, string(d), volgorde, tekst)
			l, err := area(d)
			if err == nil {
				l.Doelen = append(l.Doelen, tekst)
			}
			return err
		})
	if err != nil {
		return err
	}
	return r.each(`SELECT domain, afspraak_id, wie, status, datum, tekst, volgorde FROM plan_agreements
		WHERE person_id = ? ORDER BY volgorde`, personID, func(sc *sql.Rows) error {
		var d app.Domain
		var a app.Agreement
		var datum sql.NullString
		var volgorde int64
		if err := sc.Scan(&d, &a.ID, &a.Wie, &a.Status, &datum, &a.Tekst, &volgorde); err != nil {
			return err
		}
		var stored any
		if datum.Valid {
			stored = datum.String
		}
		rows.add(3, a.ID, personID, a.ID, string(d), volgorde, a.Wie, a.Status, stored, a.Tekst)
		var err error
		if a.Datum, err = sqlstore.ParseDate(datum); err != nil {
			return err
		}
		l, err := area(d)
		if err == nil {
			l.Afspraken = append(l.Afspraken, a)
		}
		return err
	})
}

// each runs a query with one argument and calls fn for every row, then closes them.
func (r *reader) each(query string, arg any, fn func(*sql.Rows) error) error {
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

// ReplacePlan removes the person's previous plan entirely and stores p. What it removes
// or overwrites of the previous plan's content is a purge: the store then wipes the
// write-ahead log after the commit. A newer plan that repeats the previous one or only
// adds to it removes nothing, and is no purge (the plans row's kenmerk and dates, which
// identify the plan and are no content, are overwritten by every newer plan).
//
// The plans row and the leefgebieden that p keeps are overwritten in place rather than
// deleted and inserted again: the triggers on plans (0019, the domains' sort ranks) and
// on plan_leefgebieden (0017, nog_te_regelen) then run only for a plan that is new or
// gone and for a leefgebied added or dropped.
func (w *writer) ReplacePlan(personID int64, p app.StoredPlan) error {
	if known := w.plan; known != nil && known.person == personID {
		return w.replaceKnownPlan(p, known)
	}
	prev, err := w.clearPlanFor(personID, p.Plan.Leefgebieden)
	if err != nil {
		return err
	}
	if err := w.writePlanRow(personID, p); err != nil {
		return err
	}
	if err := w.writePlanContent(personID, p.Plan, prev); err != nil {
		return fmt.Errorf("plan van persoon %d opslaan: %w", personID, err)
	}
	return nil
}

// writePlanRow inserts or overwrites the person's plans row.
func (w *writer) writePlanRow(personID int64, p app.StoredPlan) error {
	grondslag := p.Plan.Grondslag
	if grondslag == "" {
		grondslag = app.GrondslagPlan
	}
	_, err := w.exec(`INSERT INTO plans (person_id, kenmerk, opgesteld, verzonden, grondslag) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (person_id) DO UPDATE SET kenmerk = excluded.kenmerk, opgesteld = excluded.opgesteld,
			verzonden = excluded.verzonden, grondslag = excluded.grondslag`,
		personID, p.Kenmerk, sqlstore.DateValue(p.Opgesteld), sqlstore.TimeValue(p.Verzonden), grondslag)
	if err != nil {
		return fmt.Errorf("plan van persoon %d opslaan: %w", personID, err)
	}
	return nil
}

// storedPlan is what clearPlanFor found of the person's previous plan: whether there
// was one, how many rows each content table held (in the order of writePlanContent's
// tables), and how many leefgebieden it removed.
type storedPlan struct {
	had     bool
	rows    [4]int
	removed int
}

// clearPlanFor prepares the replacement of the person's plan by a plan with
// leefgebieden next and reports what the previous plan held. It removes the leefgebieden
// next does not hold; the rest of the previous plan writePlanContent overwrites. A
// leefgebied twice in next is refused, as its second insert was before.
func (w *writer) clearPlanFor(personID int64, next []app.LifeArea) (prev storedPlan, err error) {
	err = w.queryRow(`SELECT EXISTS (SELECT 1 FROM plans WHERE person_id = ?1),
			(SELECT count(*) FROM plan_leefgebieden WHERE person_id = ?1), (SELECT count(*) FROM plan_topics WHERE person_id = ?1),
			(SELECT count(*) FROM plan_goals WHERE person_id = ?1), (SELECT count(*) FROM plan_agreements WHERE person_id = ?1)`,
		personID).Scan(&prev.had, &prev.rows[0], &prev.rows[1], &prev.rows[2], &prev.rows[3])
	if err != nil {
		return prev, fmt.Errorf("vorig plan van persoon %d lezen: %w", personID, err)
	}
	if err := uniqueAreas(personID, next); err != nil {
		return prev, err
	}
	if !prev.had { // the rows of a plan come and go with its plans row: nothing to remove
		return prev, nil
	}
	prev.removed, err = w.removeAreas(personID, next)
	return prev, err
}

// uniqueAreas refuses a leefgebied twice in next, as its second insert did.
func uniqueAreas(personID int64, next []app.LifeArea) error {
	for i, l := range next {
		if slices.ContainsFunc(next[:i], func(o app.LifeArea) bool { return o.Code == l.Code }) {
			return fmt.Errorf("plan van persoon %d opslaan: leefgebied %s staat er twee keer in", personID, l.Code)
		}
	}
	return nil
}

// removeAreas removes the person's leefgebieden that next does not hold and returns how
// many.
func (w *writer) removeAreas(personID int64, next []app.LifeArea) (int, error) {
	kept := []any{personID}
	marks := make([]string, 0, len(next))
	for _, l := range next {
		kept, marks = append(kept, string(l.Code)), append(marks, "?")
	}
	query := `DELETE FROM plan_leefgebieden WHERE person_id = ?`
	if len(marks) > 0 {
		query += ` AND domain NOT IN (` + strings.Join(marks, ", ") + `)`
	}
	n, err := w.execCount(query, kept...)
	if err != nil {
		return 0, fmt.Errorf("vorig plan van persoon %d verwijderen: %w", personID, err)
	}
	return n, nil
}

// planRows are the rows of a plan's four content tables, each table's in document
// order, and the keys of the topics, goals and agreements.
type planRows struct {
	areas, topics, goals, agreements   []any
	topicKeys, goalKeys, agreementKeys []string
}

// planTable is how writePlanContent writes one of a plan's content tables.
type planTable struct {
	insert string // INSERT INTO t (columns) VALUES
	width  int    // columns per row
	// derived is the number of trailing columns that follow from the person, not from
	// the plan (an agreement's volledige_naam): written with a new row, so that the
	// trigger of migration 0020 finds it current and need not update the row it just
	// inserted, but not compared with a stored row nor overwritten (the trigger on
	// persons keeps it current).
	derived int
	// update is the ON CONFLICT clause that overwrites a row the previous plan had too,
	// only where it differs.
	update string
	// gone removes the previous plan's rows whose key (an expression) is not in the JSON
	// array of the new plan's keys.
	gone string
}

var (
	planAreasTable = planTable{
		insert: `INSERT INTO plan_leefgebieden (person_id, domain, volgorde, situatie) VALUES`, width: 4,
		update: `ON CONFLICT (person_id, domain) DO UPDATE SET (volgorde, situatie) = (excluded.volgorde, excluded.situatie)
			WHERE (volgorde, situatie) IS NOT (excluded.volgorde, excluded.situatie)`,
	}
	planTopicsTable = planTable{
		insert: `INSERT INTO plan_topics (person_id, domain, code, volgorde, antwoord, toelichting) VALUES`, width: 6,
		update: `ON CONFLICT (person_id, code) DO UPDATE SET (domain, volgorde, antwoord, toelichting) =
				(excluded.domain, excluded.volgorde, excluded.antwoord, excluded.toelichting)
			WHERE (domain, volgorde, antwoord, toelichting) IS NOT
				(excluded.domain, excluded.volgorde, excluded.antwoord, excluded.toelichting)`,
		gone: `DELETE FROM plan_topics WHERE person_id = ? AND code NOT IN (SELECT value FROM json_each(?))`,
	}
	planGoalsTable = planTable{
		insert: `INSERT INTO plan_goals (person_id, domain, volgorde, tekst) VALUES`, width: 4,
		update: `ON CONFLICT (person_id, domain, volgorde) DO UPDATE SET tekst = excluded.tekst
			WHERE tekst IS NOT excluded.tekst`,
		gone: `DELETE FROM plan_goals WHERE person_id = ? AND domain || ' ' || volgorde NOT IN (SELECT value FROM json_each(?))`,
	}
	planAgreementsTable = planTable{
		insert: `INSERT INTO plan_agreements (person_id, afspraak_id, domain, volgorde, wie, status, datum, tekst, volledige_naam) VALUES`,
		width:  9, derived: 1,
		update: `ON CONFLICT (person_id, afspraak_id) DO UPDATE SET (domain, volgorde, wie, status, datum, tekst) =
				(excluded.domain, excluded.volgorde, excluded.wie, excluded.status, excluded.datum, excluded.tekst)
			WHERE (domain, volgorde, wie, status, datum, tekst) IS NOT
				(excluded.domain, excluded.volgorde, excluded.wie, excluded.status, excluded.datum, excluded.tekst)`,
		gone: `DELETE FROM plan_agreements WHERE person_id = ? AND afspraak_id NOT IN (SELECT value FROM json_each(?))`,
	}
)

// writePlanContent stores p's leefgebieden, topics, goals and agreements, one
// statement per table (insertRows) in the order the rows had when each was inserted on
// its own. After a previous plan only what differs is written: its rows that p does not
// hold are removed, the rows p holds too are overwritten where they differ (ON CONFLICT
// ... WHERE ... IS NOT), and the rest are inserted. A newer plan mostly repeats the
// previous one with some agreements moved on; deleting all of its rows and inserting
// them again wrote them twice (docs/performance.md, session 18). The result is the same
// rows as that did (TestReplacePlanEqualsFreshPlan). A topic or agreement twice in p is
// refused, as its second insert was before.
//
// A row removed or overwritten makes the replacement a purge (w.purged). A table's
// changes are its inserts and its overwrites (SQLite counts a DO UPDATE whose WHERE
// fails as neither); its inserts are p's rows less the previous rows that remain after
// the removals, since each of those has its key in p.
func (w *writer) writePlanContent(personID int64, p app.Plan, prev storedPlan) error {
	naam, err := w.fullName(personID)
	if err != nil {
		return err
	}
	r := planRowsOf(personID, naam, p)
	if err := r.unique(); err != nil {
		return err
	}
	tables := r.tables()
	for i, tb := range tables {
		update, removed := tb.t.update, 0
		if i == 0 {
			removed = prev.removed // clearPlanFor removed the leefgebieden
		}
		if tb.t.gone != "" && prev.had {
			keys, err := json.Marshal(append([]string{}, tb.keys...)) // "[]", not "null": json_each('null') is one NULL
			if err != nil {
				return fmt.Errorf("%s: %w", tb.what, err)
			}
			if removed, err = w.execCount(tb.t.gone, personID, string(keys)); err != nil {
				return fmt.Errorf("vorige %s verwijderen: %w", tb.what, err)
			}
		} else if tb.t.gone != "" {
			update = "" // a new plan: plain inserts, a key twice fails as it did
		}
		changes, err := w.insertRows(tb.t.insert, tb.t.width, update, tb.rows)
		if err != nil {
			return fmt.Errorf("%s: %w", tb.what, err)
		}
		inserted := len(tb.rows)/tb.t.width - (prev.rows[i] - removed)
		if prev.had && (removed > 0 || changes != inserted) {
			w.purged = true
		}
	}
	return nil
}

// fullName is the person's volledige_naam as migration 0020's triggers compute it.
func (w *writer) fullName(personID int64) (string, error) {
	var naam string
	err := w.queryRow(`SELECT concat_ws(' ', NULLIF(voornamen, ''), NULLIF(voorvoegsel, ''), NULLIF(achternaam, ''))
		FROM persons WHERE id = ?`, personID).Scan(&naam)
	if err != nil {
		return "", fmt.Errorf("naam van persoon %d lezen: %w", personID, err)
	}
	return naam, nil
}

// planRowsOf lays out p's rows; naam is the person's volledige_naam (fullName).
func planRowsOf(personID int64, naam string, p app.Plan) planRows {
	var r planRows
	r.addTopics(personID, "", p.Algemeen)
	for i, l := range p.Leefgebieden {
		r.areas = append(r.areas, personID, string(l.Code), i, l.Situatie)
		r.addTopics(personID, l.Code, l.Onderwerpen)
		for j, g := range l.Doelen {
			r.goals = append(r.goals, personID, string(l.Code), j, g)
			r.goalKeys = append(r.goalKeys, fmt.Sprintf("%s %d", l.Code, j))
		}
		for j, a := range l.Afspraken {
			r.agreements = append(r.agreements, personID, a.ID, string(l.Code), j, a.Wie, a.Status, sqlstore.DateValue(a.Datum), a.Tekst, naam)
			r.agreementKeys = append(r.agreementKeys, a.ID)
		}
	}
	return r
}

// planTableRows are one content table's rows of a plan, with their keys and the words
// for the table in an error.
type planTableRows struct {
	t    planTable
	rows []any
	keys []string
	what string
}

// tables are r's rows per content table, in the order the tables are written.
func (r *planRows) tables() []planTableRows {
	return []planTableRows{
		{planAreasTable, r.areas, nil, "leefgebieden"},
		{planTopicsTable, r.topics, r.topicKeys, "onderwerpen"},
		{planGoalsTable, r.goals, r.goalKeys, "doelen"},
		{planAgreementsTable, r.agreements, r.agreementKeys, "afspraken"},
	}
}

// unique refuses a topic code or an agreement id that p holds twice: an upsert would
// take the second silently, where the insert of each row on its own failed.
func (r *planRows) unique() error {
	for _, keys := range [][]string{r.topicKeys, r.agreementKeys} {
		seen := make(map[string]bool, len(keys))
		for _, k := range keys {
			if seen[k] {
				return errors.New("een onderwerp of afspraak staat er twee keer in")
			}
			seen[k] = true
		}
	}
	return nil
}

// addTopics adds the rows of the topics of leefgebied d ("" for the general topics).
func (r *planRows) addTopics(personID int64, d app.Domain, topics []app.Answer) {
	for i, a := range topics {
		r.topics = append(r.topics, personID, string(d), a.Code, i, a.Antwoord, a.Toelichting)
		r.topicKeys = append(r.topicKeys, a.Code)
	}
}

// PurgeSheetData removes a domain's informatieblad content (topics and hulpvraag)
// irreversibly, leaving its follow-up.
func (w *writer) PurgeSheetData(personID int64, d app.Domain) (int, error) {
	w.purged = true
	return sqlstore.DeleteDomainData(w, personID, d)
}

// ReleasePlanDomains returns the leefgebieden of the current plans of the persons whose
// latest detention ends in [from, to], by person id, in document order.
func (r *reader) ReleasePlanDomains(from, to app.Date) (map[int64][]app.Domain, error) {
	rows, err := r.query(`SELECT l.person_id, l.domain FROM persons p JOIN plan_leefgebieden l ON l.person_id = p.id
		WHERE p.vrijlating >= ? AND p.vrijlating <= ? ORDER BY l.person_id, l.volgorde`, from.String(), to.String())
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
// literals so that the partial index plan_agreements_gemeente_datum (migration 0015) serves it.
const gemeenteWork = `a.wie = 'gemeente' AND a.status IN ('open', 'lopend')`

// The gemeente's agreements: their columns with their persons' and latest detentions',
// their order after the datum (the signals' order, migration 0020's volledige_naam for
// the name), the keys of the undated ones of the persons released in [?, ?] (today,
// last) in that order, and the first ? (limit) dated on or before ? (last) in that
// order, the columns of the index plan_agreements_gemeente_naam.
var (
	dueAgreementColumns = `SELECT a.domain, a.afspraak_id, a.wie, a.status, a.datum, a.tekst, ` + personColumns +
		`, d.inrichting, d.einddatum, d.einddatum_status`
	agreementsByName     = `a.volledige_naam, a.person_id, ` + sqlstore.DomainRank("a.domain") + `, a.afspraak_id`
	undatedAgreementKeys = `SELECT a.person_id, a.afspraak_id FROM persons p
		CROSS JOIN plan_agreements a INDEXED BY plan_agreements_gemeente_zonder_datum ON a.person_id = p.id
		WHERE p.vrijlating >= ? AND p.vrijlating <= ? AND a.datum IS NULL AND ` + gemeenteWork + ` ORDER BY ` + agreementsByName
	datedAgreements = dueAgreementColumns + ` FROM plan_agreements a JOIN persons p ON p.id = a.person_id ` +
		latestDetentionJoin + ` WHERE a.datum <= ? AND ` + gemeenteWork + ` ORDER BY a.datum, ` + agreementsByName + ` LIMIT ?`
)

// GemeenteAgreementsDue returns the agreements of kind afspraak-gemeente (v2 rule 4)
// for the window [today, last]: the first limit in the signals' order (datum, undated
// first; the person's full name, person id, domain in Leefgebieden order, afspraak id);
// and how many there are in all. The name is the stored volledige_naam (migration 0020).
//
// Two index ranges rather than one scan of every open agreement for the gemeente
// (28,000 at 150,000 persons, each joined with its person to test the undated ones'
// release). The undated ones come from the persons released in the window
// (persons_vrijlating; CROSS JOIN keeps that order of the join) through the partial
// index plan_agreements_gemeente_zonder_datum, one probe a person that reads the index
// alone (5,964 entries, where the table holds 466,010 agreements). They are few (228 at
// 150,000 persons): their keys are read in the signals' order and counted, and only the
// first limit in full. The dated ones are counted from their count per datum (migration
// 0021) and listed from plan_agreements_gemeente_naam, which holds them in the signals'
// order: a range that stops at the limit.
func (r *reader) GemeenteAgreementsDue(today, last app.Date, limit int) ([]app.DueAgreement, int, error) {
	keys, err := r.agreementKeys(undatedAgreementKeys, today.String(), last.String())
	if err != nil {
		return nil, 0, fmt.Errorf("afspraken voor de gemeente lezen: %w", err)
	}
	nUndated := len(keys)
	var out []app.DueAgreement
	if keys = keys[:min(max(limit, 0), nUndated)]; len(keys) > 0 {
		in, args := valuesList(keys)
		out, err = r.dueAgreements(dueAgreementColumns+` FROM plan_agreements a JOIN persons p ON p.id = a.person_id `+
			latestDetentionJoin+` WHERE (a.person_id, a.afspraak_id) IN (VALUES `+in+`) ORDER BY `+agreementsByName, args...)
		if err != nil {
			return nil, 0, fmt.Errorf("afspraken voor de gemeente lezen: %w", err)
		}
	}
	var nDated int
	// From the gemeente's open agreements per datum (migration 0021), kept with
	// gemeenteWork's condition.
	err = r.queryRow(`SELECT coalesce(sum(n), 0) FROM agreements_gemeente_per_datum WHERE datum <= ?`, last.String()).Scan(&nDated)
	if err != nil {
		return nil, 0, fmt.Errorf("afspraken voor de gemeente tellen: %w", err)
	}
	if len(out) < limit && nDated > 0 {
		more, err := r.dueAgreements(datedAgreements, last.String(), limit-len(out))
		if err != nil {
			return nil, 0, fmt.Errorf("afspraken voor de gemeente lezen: %w", err)
		}
		out = append(out, more...)
	}
	return out, nUndated + nDated, nil
}

// agreementKey names one agreement.
type agreementKey struct {
	person int64
	id     string
}

// agreementKeys reads the (person_id, afspraak_id) rows of query.
func (r *reader) agreementKeys(query string, args ...any) ([]agreementKey, error) {
	rows, err := r.query(query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []agreementKey
	for rows.Next() {
		var k agreementKey
		if err := rows.Scan(&k.person, &k.id); err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	return out, rows.Err()
}

// valuesList is the rows of a VALUES list of keys, "(?, ?), (?, ?)", and its arguments.
func valuesList(keys []agreementKey) (string, []any) {
	pairs := make([]string, len(keys))
	args := make([]any, 0, 2*len(keys))
	for i, k := range keys {
		pairs[i] = "(?, ?)"
		args = append(args, k.person, k.id)
	}
	return strings.Join(pairs, ", "), args
}

// dueAgreements reads the rows of query.
func (r *reader) dueAgreements(query string, args ...any) ([]app.DueAgreement, error) {
	rows, err := r.query(query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []app.DueAgreement
	for rows.Next() {
		due, err := scanDueAgreement(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, due)
	}
	return out, rows.Err()
}

func scanDueAgreement(rows *sql.Rows) (app.DueAgreement, error) {
	var due app.DueAgreement
	var datum, inrichting, einddatum, status sql.NullString
	var s personScan
	a := &due.Agreement
	dest := append([]any{&due.Domain, &a.ID, &a.Wie, &a.Status, &datum, &a.Tekst}, s.dest()...)
	if err := rows.Scan(append(dest, &inrichting, &einddatum, &status)...); err != nil {
		return due, err
	}
	p, err := s.person()
	if err != nil {
		return due, err
	}
	var err1, err2 error
	a.Datum, err1 = sqlstore.ParseDate(datum)
	eind, err2 := sqlstore.ParseDate(einddatum)
	if err := errors.Join(err1, err2); err != nil {
		return due, err
	}
	due.Person = app.PersonRow{Person: p, Inrichting: inrichting.String, Einddatum: eind, EinddatumStatus: status.String}
	return due, nil
}
