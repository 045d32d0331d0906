package sqlite

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/terugkeer/terugkeer/app"
)

// storedRows are the rows of a person's plan as Plan read them, per content table (in
// the order of writePlanContent's tables), by key: the values in the columns of the
// table's INSERT. had says there was a plan.
type storedRows struct {
	person int64
	had    bool
	tables [4]map[string][]any
}

// add keeps a row of table t under key.
func (s *storedRows) add(t int, key string, values ...any) {
	if s.tables[t] == nil {
		s.tables[t] = map[string][]any{}
	}
	s.tables[t][key] = values
}

// replaceKnownPlan is ReplacePlan after Plan read the person's plan in this
// transaction, with nothing written since (reader.plan): what differs from the stored
// rows is found here instead of by the statements, so that only the statements that
// change something run. A newer plan that moves one agreement on writes the plans row
// and that agreement: two statements instead of ten (docs/performance.md, session 19).
// The statements are writePlanContent's, with the rows that would change nothing left
// out, in the same order: the result is the same rows (TestReplacePlanEqualsFreshPlan),
// and a row removed or overwritten makes it a purge, as there.
func (w *writer) replaceKnownPlan(p app.StoredPlan, known *storedRows) error {
	personID := known.person
	if err := uniqueAreas(personID, p.Plan.Leefgebieden); err != nil {
		return err
	}
	naam, err := w.fullName(personID)
	if err != nil {
		return err
	}
	r := planRowsOf(personID, naam, p.Plan)
	if err := r.unique(); err != nil {
		return fmt.Errorf("plan van persoon %d opslaan: %w", personID, err)
	}
	tables := r.tables()
	changes := make([]planChange, len(tables))
	for i, tb := range tables {
		changes[i] = diffRows(known.tables[i], tb.rows, tb.t.width, tb.t.width-tb.t.derived, areaKey(i))
	}
	if known.had && changes[0].gone > 0 {
		if _, err := w.removeAreas(personID, p.Plan.Leefgebieden); err != nil {
			return err
		}
	}
	if err := w.writePlanRow(personID, p); err != nil {
		return err
	}
	for i, tb := range tables {
		c := changes[i]
		update := tb.t.update
		if tb.t.gone != "" && known.had && c.gone > 0 {
			keys, err := json.Marshal(append([]string{}, tb.keys...))
			if err != nil {
				return fmt.Errorf("plan van persoon %d opslaan: %s: %w", personID, tb.what, err)
			}
			if _, err := w.exec(tb.t.gone, personID, string(keys)); err != nil {
				return fmt.Errorf("plan van persoon %d opslaan: vorige %s verwijderen: %w", personID, tb.what, err)
			}
		} else if tb.t.gone != "" && !known.had {
			update = "" // a new plan: plain inserts, as writePlanContent
		}
		if _, err := w.insertRows(tb.t.insert, tb.t.width, update, c.write); err != nil {
			return fmt.Errorf("plan van persoon %d opslaan: %s: %w", personID, tb.what, err)
		}
		if known.had && (c.gone > 0 || c.changed > 0) {
			w.purged = true
		}
	}
	return nil
}

// planChange is what a content table's new rows do to its stored ones: the rows to
// write (new or changed, in their order), and how many stored rows change or go.
type planChange struct {
	write         []any
	changed, gone int
}

// rowKey returns the key of a row of a content table, as storedRows keeps it.
type rowKey func(row []any) string

// areaKey returns the key function of table i (writePlanContent's order): the domain of
// a leefgebied, a topic's code, a goal's domain and volgorde, an agreement's id.
func areaKey(i int) rowKey {
	switch i {
	case 0:
		return func(row []any) string { return row[1].(string) }
	case 1:
		return func(row []any) string { return row[2].(string) }
	case 2:
		return func(row []any) string { return fmt.Sprintf("%s %d", row[1], row[2]) }
	}
	return func(row []any) string { return row[1].(string) }
}

// diffRows compares the new rows (width values each, as planRowsOf lays them out) with
// the stored ones, on their first compared values (the derived ones left out).
func diffRows(stored map[string][]any, rows []any, width, compared int, key rowKey) planChange {
	var c planChange
	seen := 0
	for len(rows) >= width {
		row := rows[:width]
		rows = rows[width:]
		old, ok := stored[key(row)]
		if ok {
			seen++
			if slices.EqualFunc(old, row[:compared], sameValue) {
				continue
			}
			c.changed++
		}
		c.write = append(c.write, row...)
	}
	c.gone = len(stored) - seen
	return c
}

// sameValue reports whether a stored value (string, int64 or nil, as read) equals a new
// one as it would be stored (an int is stored as an integer).
func sameValue(stored, v any) bool {
	if i, ok := v.(int); ok {
		v = int64(i)
	}
	return stored == v
}
