package sqlite

import (
	"slices"
	"strconv"
	"strings"

	"github.com/terugkeer/terugkeer/app"
)

// sortParts is how a sort's index is read: whole (by name or release, whose indexes are
// not split), or split into the large part (gesorteerd = 1) and the small one of the
// persons batches created since the last settlement (gesorteerd = 0, migration 0022).
type sortParts int

const (
	wholeIndex sortParts = iota // not split
	largePart                   // split, and the small part empty: the large part alone
	bothParts                   // split, persons in both: the two merged
)

// splitSorts are the sorts whose index migration 0022 split in two.
var splitSorts = map[app.PersonSort]bool{app.SortByBirth: true, app.SortByInrichting: true,
	app.SortByEindStatus: true, app.SortByDomein: true}

// sortParts reads which parts of q's sort index hold persons (one lookup in an index that
// is empty but during and right after an import).
func (r *reader) sortParts(q app.PersonQuery) (sortParts, error) {
	if !splitSorts[q.Sort] {
		return wholeIndex, nil
	}
	unsorted, err := r.unsortedPersons()
	if err != nil || !unsorted {
		return largePart, err
	}
	return bothParts, nil
}

// personRanges is a SELECT of sel from persons (from: "FROM persons p" and joins) with
// where and its args, read from the parts of the sort's index.
type personRanges struct {
	sel, from, where string
	args             []any
	parts            sortParts
}

// ordered is the query of the persons in order, limit rows after offset. With a key whose
// persons without a value come last (nullsLastKey), order starts with "key IS NULL",
// which no index serves since migration 0019: the query then reads two ranges of the
// key's index in turn, the persons with the value (key > NULL) and then those without
// (key IS NULL, in the order of the columns after it), each bounded by limit+offset, and
// a UNION ALL (which SQLite runs arm after arm, keeping each arm's order) takes the page
// from the two.
func (pr personRanges) ordered(order, key string, limit, offset int) (string, []any) {
	if pr.parts == largePart {
		pr.where = and(pr.where, `p.gesorteerd = 1`)
	}
	n := -1
	if limit >= 0 {
		n = limit + offset
	}
	if key == "" && pr.parts != bothParts {
		q, args := pr.rangeOf("", order, limit)
		return q + ` OFFSET ?`, append(args, offset)
	}
	if key == "" {
		q, args := pr.rangeOf("", order, n)
		return `SELECT * FROM (` + q + `) LIMIT ? OFFSET ?`, append(args, limit, offset)
	}
	order = strings.TrimPrefix(order, key+` IS NULL, `)
	withValue, args := pr.rangeOf(key+` IS NOT NULL`, order, n)
	without, more := pr.rangeOf(key+` IS NULL`, order, n)
	return `SELECT * FROM (` + withValue + `) UNION ALL SELECT * FROM (` + without + `) LIMIT ? OFFSET ?`,
		append(append(args, more...), limit, offset)
}

// rangeOf is the persons that also meet cond (none when ""), in order, at most limit
// (-1: all). With both parts it merges the two in order: SQLite runs a compound SELECT
// with ORDER BY as a merge of its arms, each walking its own index in order (MERGE
// (UNION ALL) in the plan), so neither is sorted. The merge's ORDER BY can name only its
// result columns, so the arms give the sort's terms as columns of their own (o0, o1, ...)
// and the outer SELECT leaves them out again, giving sel's columns their names back.
func (pr personRanges) rangeOf(cond, order string, limit int) (string, []any) {
	where := and(pr.where, cond)
	if pr.parts != bothParts {
		return `SELECT ` + pr.sel + pr.from + where + ` ORDER BY ` + order + ` LIMIT ?`, append(slices.Clone(pr.args), limit)
	}
	var cols, outer, terms, by []string
	for i, c := range strings.Split(pr.sel, ",") {
		c = strings.TrimSpace(c)
		alias := "c" + strconv.Itoa(i)
		_, name, _ := strings.Cut(c, ".") // p.id: id, as the page's join names it (searchSQL)
		cols, outer = append(cols, c+" AS "+alias), append(outer, alias+" AS "+name)
	}
	for i, t := range strings.Split(order, ", ") {
		expr, desc := strings.CutSuffix(t, " DESC")
		alias := "o" + strconv.Itoa(i)
		terms = append(terms, expr+" AS "+alias)
		if desc {
			alias += " DESC"
		}
		by = append(by, alias)
	}
	arm := `SELECT ` + strings.Join(append(cols, terms...), ", ") + pr.from
	query := `SELECT ` + strings.Join(outer, ", ") + ` FROM (` +
		arm + and(where, `p.gesorteerd = 1`) + ` UNION ALL ` + arm + and(where, `p.gesorteerd = 0`) +
		` ORDER BY ` + strings.Join(by, ", ") + ` LIMIT ?)`
	args := append(append(slices.Clone(pr.args), pr.args...), limit)
	return query, args
}

// and adds cond to the WHERE clause where ("" or " WHERE ...").
func and(where, cond string) string {
	switch {
	case cond == "":
		return where
	case where == "":
		return ` WHERE ` + cond
	}
	return where + ` AND ` + cond
}
