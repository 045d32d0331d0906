package postgres

import (
	"database/sql"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/terugkeer/terugkeer/app"
)

// latestDetentionJoin joins each person's latest detention (greatest begindatum, then
// greatest id: the last of Detentions). The trigger detentions_laatste (migration 0001)
// keeps its id and einddatum on the person (laatste_detentie, vrijlating).
const latestDetentionJoin = `LEFT JOIN detentions d ON d.id = p.laatste_detentie`

// SearchPersons lists the persons matching q. Every word of q.Zoek must occur in the
// person's folded names, BSN or SKN.
func (r *reader) SearchPersons(q app.PersonQuery) ([]app.PersonRow, error) {
	query, args, err := searchQuery(q)
	if err != nil {
		return nil, err
	}
	rows, err := r.query(query, args...)
	if err != nil {
		return nil, fmt.Errorf("personen zoeken: %w", err)
	}
	defer rows.Close()
	var out []app.PersonRow
	for rows.Next() {
		row, err := scanPersonRow(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, row)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("personen zoeken: %w", err)
	}
	return out, nil
}

// searchQuery is the query of SearchPersons and its arguments.
func searchQuery(q app.PersonQuery) (string, []any, error) {
	order, err := orderBy(q.Sort)
	if err != nil {
		return "", nil, err
	}
	if q.Signaal != "" && !q.Signaal.Valid() {
		return "", nil, fmt.Errorf("onbekend signaal %q", q.Signaal)
	}
	where, args := personFilter(q)
	var limit any // NULL: no limit
	if q.Limit > 0 {
		limit = q.Limit
	}
	args = append(args, limit, max(q.Offset, 0))
	return `SELECT ` + personColumns + `, d.inrichting, d.einddatum, d.einddatum_status
		FROM persons p ` + latestDetentionJoin + where + ` ORDER BY ` + order + ` LIMIT ? OFFSET ?`, args, nil
}

// personFilter is the WHERE clause of q: every word of Zoek (folded like the column),
// the release window, the review flag, the traject, the domain status and the plan.
func personFilter(q app.PersonQuery) (string, []any) {
	var conds []string
	var args []any
	for _, w := range strings.Fields(app.Fold(q.Zoek)) {
		// Every word is a substring of the folded column, as on SQLite (its trigram index
		// matches a word of three or more letters literally, LIKE a shorter one). The
		// trigram index persons_zoek serves the LIKE of a word of three or more letters.
		conds = append(conds, `p.zoek LIKE ? ESCAPE '\'`)
		args = append(args, likePattern(w))
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
		cond, more := domainFilter(q)
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
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// orderBy is the ORDER BY clause of a sort. By release: the einddatum of the latest
// detention, persons without one last (ascending puts NULLs last in PostgreSQL; SQLite
// needs "vrijlating IS NULL" first), then by name: index persons_vrijlating.
func orderBy(s app.PersonSort) (string, error) {
	switch s {
	case app.SortByName:
		return `p.sorteernaam, p.id`, nil
	case app.SortByRelease:
		return `p.vrijlating, p.sorteernaam, p.id`, nil
	}
	return "", fmt.Errorf("onbekende sortering %d", s)
}

func scanPersonRow(rows pgx.Rows) (app.PersonRow, error) {
	var s personScan
	var inrichting, einddatum, status sql.NullString
	if err := rows.Scan(append(s.dest(), &inrichting, &einddatum, &status)...); err != nil {
		return app.PersonRow{}, fmt.Errorf("personen zoeken: %w", err)
	}
	p, err := s.person()
	if err != nil {
		return app.PersonRow{}, err
	}
	eind, err := parseDate(einddatum)
	if err != nil {
		return app.PersonRow{}, fmt.Errorf("persoon %d: %w", p.ID, err)
	}
	return app.PersonRow{Person: p, Inrichting: inrichting.String, Einddatum: eind, EinddatumStatus: status.String}, nil
}
