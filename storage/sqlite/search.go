package sqlite

import (
	"database/sql"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/storage/sqlstore"
)

// latestDetentionJoin joins each person's latest detention (greatest begindatum, then
// greatest id: the last of Detentions). Triggers of migration 0006 keep its id and
// einddatum on the person (laatste_detentie, vrijlating).
const latestDetentionJoin = `LEFT JOIN detentions d ON d.id = p.laatste_detentie`

// SearchPersons lists the persons matching q. Every word of q.Zoek must occur in the
// person's folded names, BSN or SKN.
func (r *reader) SearchPersons(q app.PersonQuery) ([]app.PersonRow, error) {
	var out []app.PersonRow
	err := r.EachPerson(q, func(row app.PersonRow) error {
		out = append(out, row)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// EachPerson calls fn for every person SearchPersons(q) lists, in the same order, one
// row at a time from the cursor; an error from fn stops it and is returned as it is.
func (r *reader) EachPerson(q app.PersonQuery, fn func(app.PersonRow) error) error {
	order, err := orderBy(q)
	if err != nil {
		return err
	}
	if q.Signaal != "" && !q.Signaal.Valid() {
		return fmt.Errorf("onbekend signaal %q", q.Signaal)
	}
	who, err := sqlstore.Responsibles(r, q)
	if err != nil {
		return err
	}
	parts, err := r.sortParts(q)
	if err != nil {
		return err
	}
	query, args := searchSQL(q, order, r.commonWords(q), who, parts)
	rows, err := r.query(query, args...)
	if err != nil {
		return fmt.Errorf("personen zoeken: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		row, err := scanPersonRow(rows)
		if err != nil {
			return err
		}
		if err := fn(row); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("personen zoeken: %w", err)
	}
	return nil
}

// searchSQL is the query of EachPerson and its arguments, ordered by order (orderBy).
//
// A page further down (Limit and Offset) first finds its ids in a subquery that reads
// only the sort's index (key, sorteernaam, id: covering), and only then reads those
// persons and their detentions: OFFSET otherwise reads every skipped person's row and
// latest detention (310 ms for the middle page of 20,000 persons, against a few ms).
func searchSQL(q app.PersonQuery, order string, common bool, who []string, parts sortParts) (string, []any) {
	where, args := personFilter(q, common, who)
	limit := -1 // SQLite: no limit
	if q.Limit > 0 {
		limit = q.Limit
	}
	offset := max(q.Offset, 0)
	const cols = personColumns + `, d.inrichting, d.einddatum, d.einddatum_status`
	deep := q.Limit > 0 && q.Offset > 0
	sel, join := cols, latestDetentionJoin
	if deep {
		sel, join = `p.id`, ""
		if readsDetention.MatchString(where) {
			join = latestDetentionJoin
		}
	}
	ranges := personRanges{sel: sel, from: ` FROM persons p ` + join, where: where, args: args, parts: parts}
	query, args := ranges.ordered(order, nullsLastKey(q), limit, offset)
	if !deep {
		return query, args
	}
	return `SELECT ` + cols + ` FROM (` + query + `) page
		JOIN persons p ON p.id = page.id ` + latestDetentionJoin + ` ORDER BY ` + order, args
}

// personFilter is the WHERE clause of q: every word of Zoek (folded like the column),
// the release window, the review flag, the traject, the domain status and the plan.
// who are the spellings of q.Verantwoordelijke (sqlstore.Responsibles).
func personFilter(q app.PersonQuery, common bool, who []string) (string, []any) {
	var conds []string
	var args []any
	for _, w := range strings.Fields(app.Fold(q.Zoek)) {
		if utf8.RuneCountInString(w) >= 3 {
			// The trigram index (migration 0006) finds the same substrings without reading
			// every person: a quoted phrase is the word's consecutive trigrams, literally.
			cond := `p.id IN (SELECT rowid FROM persons_zoek WHERE persons_zoek MATCH ?)`
			if common {
				cond = "+" + cond // unary +: walk the sort index and test membership, stop at Limit
			}
			conds = append(conds, cond)
			args = append(args, `"`+strings.ReplaceAll(w, `"`, `""`)+`"`)
			continue
		}
		conds = append(conds, `p.zoek LIKE ? ESCAPE '\'`)
		args = append(args, sqlstore.LikePattern(w))
	}
	if !q.ReleaseFrom.IsZero() {
		conds = append(conds, `p.vrijlating >= ?`)
		args = append(args, q.ReleaseFrom.String())
	}
	if !q.ReleaseTo.IsZero() {
		conds = append(conds, `p.vrijlating <= ?`)
		args = append(args, q.ReleaseTo.String())
	}
	if q.ControleNodig {
		conds = append(conds, `p.controle_nodig = 1`)
	}
	if q.Traject != "" {
		// A person without a trajecten row is 'aangemeld' (migration 0005).
		conds = append(conds, `COALESCE((SELECT t.status FROM trajecten t WHERE t.person_id = p.id), 'aangemeld') = ?`)
		args = append(args, string(q.Traject))
	}
	if q.DomeinStatus != "" {
		cond, more := sqlstore.DomainFilter(q)
		conds, args = append(conds, cond), append(args, more...)
	}
	if q.HeeftPlan {
		conds = append(conds, `EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = p.id)`)
	}
	if q.AfsprakenGemeente {
		conds = append(conds, `EXISTS (SELECT 1 FROM plan_agreements a WHERE a.person_id = p.id AND `+gemeenteWork+`)`)
	}
	if q.Signaal != "" {
		cond, more := signalCond(q.Signaal, q.SignaalVandaag, q.SignaalDagen)
		conds, args = append(conds, cond), append(args, more...)
	}
	if strings.TrimSpace(q.Verantwoordelijke) != "" {
		cond, more := sqlstore.ResponsibleCond(who)
		conds, args = append(conds, cond), append(args, more...)
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// commonWordHits is where walking the persons in sort order (testing each against the
// index's matches, stopping at Limit) becomes cheaper than reading and sorting every
// match: measured at 150,000 persons (docs/performance.md).
const commonWordHits = 1000

// commonWords reports whether the indexed search words of a limited query together
// match so many persons that the sort order should drive the query instead of the
// matches.
func (r *reader) commonWords(q app.PersonQuery) bool {
	if q.Limit <= 0 || q.Limit > 200 || !q.ReleaseFrom.IsZero() || !q.ReleaseTo.IsZero() {
		return false
	}
	var phrases []string
	for _, w := range strings.Fields(app.Fold(q.Zoek)) {
		if utf8.RuneCountInString(w) >= 3 {
			phrases = append(phrases, `"`+strings.ReplaceAll(w, `"`, `""`)+`"`)
		}
	}
	if len(phrases) == 0 {
		return false
	}
	var n int
	err := r.queryRow(`SELECT count(*) FROM (SELECT 1 FROM persons_zoek WHERE persons_zoek MATCH ? LIMIT ?)`,
		strings.Join(phrases, " AND "), commonWordHits+1).Scan(&n)
	return err == nil && n > commonWordHits
}

// CountPersons is the number of persons SearchPersons finds for q, without Limit and
// Offset: the Personen list's total.
func (r *reader) CountPersons(q app.PersonQuery) (int, error) {
	who, err := sqlstore.Responsibles(r, q)
	if err != nil {
		return 0, err
	}
	where, args := personFilter(q, false, who)
	join := ""
	if readsDetention.MatchString(where) {
		join = latestDetentionJoin // SQLite does not drop the unused LEFT JOIN: 0.45 s against 0.03 s at 150,000
	}
	var n int
	if err := r.queryRow(`SELECT count(*) FROM persons p `+join+where, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("personen tellen: %w", err)
	}
	return n, nil
}

// readsDetention: a WHERE clause reads the latest detention's columns (alias d).
var readsDetention = regexp.MustCompile(`(^|[^A-Za-z0-9_.])d\.`)

// sortKeys are the columns of each sort before the name and id that end every order.
// Every first column is NULL where a person lacks the value (migration 0018 keeps the
// latest detention's inrichting and status, and the rank of each domain's list status,
// on the person); those persons come last both ways.
var sortKeys = map[app.PersonSort][]string{
	app.SortByName:       nil,
	app.SortByRelease:    {`p.vrijlating`},
	app.SortByBirth:      {`p.geboortedatum`},
	app.SortByInrichting: {`p.inrichting`},
	app.SortByEindStatus: {`p.einddatum_status`, `p.vrijlating`},
}

// orderBy is the ORDER BY clause of q's sort: its columns, then the name and the id, all
// ascending or, with Desc, all descending, so that one index of each key (migrations
// 0006 and 0018) serves each way. Persons without the sort's value come last either way:
// ascending puts "key IS NULL" first (searchSQL reads the index's two ranges for it,
// nullsLastKey), descending needs nothing, as NULL is the smallest value in SQLite
// (persons_<key>, read backwards). Within a release window there are no NULLs (index
// persons_vrijlating).
func orderBy(q app.PersonQuery) (string, error) {
	cols, ok := sortColumns(q)
	if !ok {
		return "", fmt.Errorf("onbekende sortering %d %q", q.Sort, q.SortDomein)
	}
	dir := ""
	if q.Desc {
		dir = " DESC"
	}
	var terms []string
	if key := nullsLastKey(q); key != "" {
		terms = append(terms, key+` IS NULL`)
	}
	for _, c := range append(cols, `p.sorteernaam`, `p.id`) {
		terms = append(terms, c+dir)
	}
	return strings.Join(terms, ", "), nil
}

// sortColumns are the columns of q's sort before the name and the id; false for an
// unknown sort.
func sortColumns(q app.PersonQuery) ([]string, bool) {
	if q.Sort == app.SortByDomein {
		c := sqlstore.DomainSortColumn(q.SortDomein)
		return []string{c}, c != ""
	}
	cols, ok := sortKeys[q.Sort]
	return cols, ok
}

// nullsLastKey is the first sort column of q when the order must put the persons without
// its value after the others explicitly ("key IS NULL" first): ascending, except by
// release within a release window (no NULLs there); "" otherwise.
func nullsLastKey(q app.PersonQuery) string {
	cols, ok := sortColumns(q)
	window := !q.ReleaseFrom.IsZero() || !q.ReleaseTo.IsZero()
	if !ok || len(cols) == 0 || q.Desc || (q.Sort == app.SortByRelease && window) {
		return ""
	}
	return cols[0]
}

func scanPersonRow(rows *sql.Rows) (app.PersonRow, error) {
	var s personScan
	var inrichting, einddatum, status sql.NullString
	if err := rows.Scan(append(s.dest(), &inrichting, &einddatum, &status)...); err != nil {
		return app.PersonRow{}, fmt.Errorf("personen zoeken: %w", err)
	}
	p, err := s.person()
	if err != nil {
		return app.PersonRow{}, err
	}
	eind, err := sqlstore.ParseDate(einddatum)
	if err != nil {
		return app.PersonRow{}, fmt.Errorf("persoon %d: %w", p.ID, err)
	}
	return app.PersonRow{Person: p, Inrichting: inrichting.String, Einddatum: eind, EinddatumStatus: status.String}, nil
}
