package sqlstore

import (
	"fmt"
	"slices"
	"strings"

	"github.com/terugkeer/terugkeer/app"
)

// InList returns "?, ?, ?" for n values and the values as arguments.
func InList(values []string) (string, []any) {
	args := make([]any, len(values))
	for i, v := range values {
		args[i] = v
	}
	return strings.TrimSuffix(strings.Repeat("?, ", len(values)), ", "), args
}

// LikePattern is a LIKE pattern matching word anywhere, with % and _ taken literally
// (ESCAPE '\').
func LikePattern(word string) string {
	word = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(word)
	return "%" + word + "%"
}

// DomainFilter is the condition of PersonQuery.DomeinStatus on persons p: the person has
// a domain (q.Domein, or any) in the filter's consent state and, where the filter names
// them, with one of its follow-up statuses; a consented domain without follow-up is
// open. A follow-up status also matches a person with a D&R-plan, whose follow-up exists
// on every leefgebied (v2 rule 3).
func DomainFilter(q app.PersonQuery) (string, []any) {
	cond, args := consentFilter(q)
	_, statuses := q.DomeinStatus.Match()
	if statuses == nil {
		return cond, args
	}
	planCond, more := planFollowupFilter(q.Domein, statuses)
	return `(` + cond + ` OR ` + planCond + `)`, append(args, more...)
}

// planFollowupFilter: the person has a plan and a leefgebied (d, or any) whose follow-up
// status is one of statuses, a leefgebied without a follow-up record counting as open.
func planFollowupFilter(d app.Domain, statuses []app.FollowupStatus) (string, []any) {
	names := make([]string, len(statuses))
	open := false
	for i, s := range statuses {
		names[i] = string(s)
		open = open || s == app.FollowupOpen
	}
	in, args := InList(names)
	cond := `EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = p.id) AND `
	switch {
	case d != "":
		cond += `COALESCE((SELECT f.status FROM followups f WHERE f.person_id = p.id AND f.domain = ?), 'open') IN (` + in + `)`
		return cond, append([]any{string(d)}, args...)
	case open: // some leefgebied has no record, or one in the statuses
		cond += `(SELECT count(*) FROM followups f WHERE f.person_id = p.id AND f.status NOT IN (` + in + `)) < ?`
		return cond, append(args, len(app.Leefgebieden()))
	}
	cond += `EXISTS (SELECT 1 FROM followups f WHERE f.person_id = p.id AND f.status IN (` + in + `))`
	return cond, args
}

// consentFilter is the consent part of DomainFilter.
func consentFilter(q app.PersonQuery) (string, []any) {
	state, statuses := q.DomeinStatus.Match()
	cond := `EXISTS (SELECT 1 FROM consent_states c`
	args := []any{}
	if statuses != nil {
		cond += ` LEFT JOIN followups f ON f.person_id = c.person_id AND f.domain = c.domain`
	}
	cond += ` WHERE c.person_id = p.id AND c.state = ?`
	args = append(args, string(state))
	if q.Domein != "" {
		cond += ` AND c.domain = ?`
		args = append(args, string(q.Domein))
	}
	if statuses != nil {
		names := make([]string, len(statuses))
		for i, s := range statuses {
			names[i] = string(s)
		}
		in, more := InList(names)
		cond += ` AND COALESCE(f.status, 'open') IN (` + in + `)`
		args = append(args, more...)
	}
	return cond + `)`, args
}

// ResponsibleCond is the condition of PersonQuery.Verantwoordelijke on persons p: a
// follow-up of the person names one of spellings; nobody when there is none.
func ResponsibleCond(spellings []string) (string, []any) {
	if len(spellings) == 0 {
		return `1 = 0`, nil
	}
	args := make([]any, len(spellings))
	for i, s := range spellings {
		args[i] = s
	}
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(spellings)), ", ")
	return `EXISTS (SELECT 1 FROM followups f WHERE f.person_id = p.id AND f.verantwoordelijke IN (` + marks + `))`, args
}

// DomainSortColumn is the column of persons p with the rank of domain d's list status
// (app.DomainSortRank), NULL without follow-up; "" for anything but one of app.Domains().
func DomainSortColumn(d app.Domain) string {
	if !slices.Contains(app.Domains(), d) {
		return ""
	}
	return "p.opvolging_" + strings.ReplaceAll(string(d), "-", "_")
}

// DomainRank is the position of column col's domain in app.Leefgebieden (0 for any
// other, as app.Signals ranks it), in literals: the domains are constants.
func DomainRank(col string) string {
	var b strings.Builder
	b.WriteString(`CASE ` + col)
	for i, d := range app.Leefgebieden() {
		fmt.Fprintf(&b, ` WHEN '%s' THEN %d`, d, i)
	}
	b.WriteString(` ELSE 0 END`)
	return b.String()
}
