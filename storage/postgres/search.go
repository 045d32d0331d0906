package postgres

import (
	"database/sql"
	"fmt"
	"regexp"
	"strings"

	"github.com/jackc/pgx/v5/pgtype"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/storage/sqlstore"
)

// latestDetentionJoin joins each person's latest detention (greatest begindatum, then
// greatest id: the last of Detentions). The trigger detentions_laatste (migration 0001)
// keeps its id and einddatum on the person (laatste_detentie, vrijlating).
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
	who, err := sqlstore.Responsibles(r, q)
	if err != nil {
		return err
	}
	query, args, err := searchQuery(q, who)
	if err != nil {
		return err
	}
	rows, err := r.query(query, args...)
	if err != nil {
		return fmt.Errorf("personen zoeken: %w", err)
	}
	defer rows.Close()
	var scan personRowScan
	dest := scan.dest()
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return fmt.Errorf("personen zoeken: %w", err)
		}
		row, err := scan.row()
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

// searchQuery is the query of SearchPersons and its arguments; who are the spellings of
// q.Verantwoordelijke (sqlstore.Responsibles).
func searchQuery(q app.PersonQuery, who []string) (string, []any, error) {
	order, err := orderBy(q)
	if err != nil {
		return "", nil, err
	}
	if q.Signaal != "" && !q.Signaal.Valid() {
		return "", nil, fmt.Errorf("onbekend signaal %q", q.Signaal)
	}
	where, args := personFilter(q, who)
	var limit any // NULL: no limit
	if q.Limit > 0 {
		limit = q.Limit
	}
	args = append(args, limit, max(q.Offset, 0))
	const cols = personColumns + `, d.inrichting, d.einddatum, d.einddatum_status`
	if q.Limit <= 0 || q.Offset <= 0 && strings.TrimSpace(q.Zoek) == "" {
		return `SELECT ` + cols + ` FROM persons p ` + latestDetentionJoin + where + ` ORDER BY ` + order + ` LIMIT ? OFFSET ?`, args, nil
	}
	// A page further down finds its ids in the sort's index first and reads only those
	// persons and detentions, as on SQLite (storage/sqlite searchSQL). So does a page of
	// a search: a common word is tested in persons_sorteernaam_zoek (migration 0008)
	// without reading the row of every person passed on the way.
	join := ""
	if readsDetention.MatchString(where) {
		join = latestDetentionJoin
	}
	return `SELECT ` + cols + ` FROM (SELECT p.id FROM persons p ` + join + where + ` ORDER BY ` + order + ` LIMIT ? OFFSET ?) page
		JOIN persons p ON p.id = page.id ` + latestDetentionJoin + ` ORDER BY ` + order, args, nil
}

// personFilter is the WHERE clause of q: every word of Zoek (folded like the column),
// the release window, the review flag, the traject, the domain status and the plan.
func personFilter(q app.PersonQuery, who []string) (string, []any) {
	var conds []string
	var args []any
	for _, w := range strings.Fields(app.Fold(q.Zoek)) {
		// Every word is a substring of the folded column, as on SQLite (its trigram index
		// matches a word of three or more letters literally, LIKE a shorter one). The
		// trigram index persons_zoek serves the LIKE of a word of three or more letters.
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
		conds = append(conds, `p.controle_nodig`)
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

// CountPersons is the number of persons SearchPersons finds for q, without Limit and
// Offset: the Personen list's total.
func (r *reader) CountPersons(q app.PersonQuery) (int, error) {
	if q.Signaal != "" && !q.Signaal.Valid() {
		return 0, fmt.Errorf("onbekend signaal %q", q.Signaal)
	}
	who, err := sqlstore.Responsibles(r, q)
	if err != nil {
		return 0, err
	}
	where, args := personFilter(q, who)
	var n int
	if err := r.queryRow(`SELECT count(*) FROM persons p `+latestDetentionJoin+where, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("personen tellen: %w", err)
	}
	return n, nil
}

// readsDetention: a WHERE clause reads the latest detention's columns (alias d).
var readsDetention = regexp.MustCompile(`(^|[^A-Za-z0-9_.])d\.`)

// sortKeys are the columns of each sort before the name and id that end every order,
// the same as SQLite's (storage/sqlite/search.go); text is COLLATE "C", so bytewise.
// Every first column is NULL where a person lacks the value (migration 0007); those
// persons come last both ways.
var sortKeys = map[app.PersonSort][]string{
	app.SortByName:       nil,
	app.SortByRelease:    {`p.vrijlating`},
	app.SortByBirth:      {`p.geboortedatum`},
	app.SortByInrichting: {`p.inrichting`},
	app.SortByEindStatus: {`p.einddatum_status`, `p.vrijlating`},
}

// orderBy is the ORDER BY clause of q's sort: its columns, then the name and the id, all
// ascending or, with Desc, all descending; persons without the sort's value come last
// either way. PostgreSQL puts NULLs last ascending by itself (index persons_<key>);
// descending says NULLS LAST, which persons_<key>_aflopend (key NULLS FIRST) serves read
// backwards (migration 0007).
func orderBy(q app.PersonQuery) (string, error) {
	cols, ok := sortKeys[q.Sort]
	if q.Sort == app.SortByDomein {
		c := sqlstore.DomainSortColumn(q.SortDomein)
		cols, ok = []string{c}, c != ""
	}
	if !ok {
		return "", fmt.Errorf("onbekende sortering %d %q", q.Sort, q.SortDomein)
	}
	dir := ""
	if q.Desc {
		dir = " DESC"
	}
	var terms []string
	for i, c := range append(cols, `p.sorteernaam`, `p.id`) {
		if i == 0 && len(cols) > 0 && q.Desc {
			c += " DESC NULLS LAST"
		} else {
			c += dir
		}
		terms = append(terms, c)
	}
	return strings.Join(terms, ", "), nil
}

// personRowScan receives one row of personColumns and the latest detention's
// inrichting, einddatum and status. A list scans every row into one (each column is
// overwritten, a NULL included), not a new one per row: the destinations escape to the
// heap, and the dashboard reads some 500 persons.
type personRowScan struct {
	s                             personScan
	inrichting, einddatum, status pgtype.Text
}

// dest are the destinations of the columns, after lead (columns before personColumns).
func (x *personRowScan) dest(lead ...any) []any {
	return append(append(lead, x.s.dest()...), &x.inrichting, &x.einddatum, &x.status)
}

// row is the scanned row.
func (x *personRowScan) row() (app.PersonRow, error) {
	return personRow(x.s, x.inrichting, x.einddatum, x.status)
}

// personRow is the row of a scanned person and its latest detention's inrichting,
// einddatum and status.
func personRow(s personScan, inrichting, einddatum, status pgtype.Text) (app.PersonRow, error) {
	p, err := s.person()
	if err != nil {
		return app.PersonRow{}, err
	}
	eind, err := sqlstore.ParseDate(sql.NullString(einddatum))
	if err != nil {
		return app.PersonRow{}, fmt.Errorf("persoon %d: %w", p.ID, err)
	}
	return app.PersonRow{Person: p, Inrichting: inrichting.String, Einddatum: eind, EinddatumStatus: status.String}, nil
}
