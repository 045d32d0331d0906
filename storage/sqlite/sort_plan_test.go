package sqlite

import (
	"strings"
	"testing"

	"github.com/terugkeer/terugkeer/app"
)

// sortIndex is the index a page of sort q walks (migrations 0006, 0018 and 0019): persons_<key>
// both ways; ascending reads it twice (those with the value, then those without).
func sortIndex(q app.PersonQuery) string {
	key := map[app.PersonSort]string{app.SortByName: "sorteernaam", app.SortByRelease: "vrijlating",
		app.SortByBirth: "geboortedatum", app.SortByInrichting: "inrichting", app.SortByEindStatus: "status"}[q.Sort]
	if q.Sort == app.SortByDomein {
		key = strings.ReplaceAll(string(q.SortDomein), "-", "_")
	}
	return "persons_" + key
}

// everySort is every sort of the Personen list: the five columns and each domain.
func everySort() []app.PersonQuery {
	qs := []app.PersonQuery{{Sort: app.SortByName}, {Sort: app.SortByRelease}, {Sort: app.SortByBirth},
		{Sort: app.SortByInrichting}, {Sort: app.SortByEindStatus}}
	for _, d := range app.Domains() {
		qs = append(qs, app.PersonQuery{Sort: app.SortByDomein, SortDomein: d})
	}
	return qs
}

// Every sort of the Personen list, both ways, walks an index in order and stops at the
// page's end: the plan neither sorts (no temp B-tree) nor scans persons without an index
// (issue 18 item 7). A sort whose index migration 0022 split walks its large part alone,
// or both parts merged while batches' persons are in the small one.
func TestSortPlansUseAnIndex(t *testing.T) {
	db, _ := openTest(t)
	for _, parts := range []sortParts{wholeIndex, bothParts} {
		for _, q := range everySort() {
			if splitSorts[q.Sort] && parts == wholeIndex {
				parts = largePart
			}
			checkSortPlans(t, db, q, parts)
			if parts == largePart {
				parts = wholeIndex
			}
		}
	}
}

// checkSortPlans checks the plans of q's first page and a page further down, both ways,
// reading the parts of its index (sortParts; bothParts only for a split sort).
func checkSortPlans(t *testing.T, db *DB, q app.PersonQuery, parts sortParts) {
	t.Helper()
	if parts == bothParts && !splitSorts[q.Sort] {
		return
	}
	{
		for _, page := range []struct {
			desc   bool
			offset int
		}{{false, 0}, {true, 0}, {false, 200}, {true, 200}} {
			desc := page.desc
			q.Desc, q.Limit, q.Offset = desc, 100, page.offset
			order, err := orderBy(q)
			if err != nil {
				t.Fatal(err)
			}
			query, args := searchSQL(q, order, false, nil, parts)
			text := queryPlan(t, db, query, args...) + "\n"
			// The first page walks the index and reads each person as it goes; a page
			// further down finds its ids in the index alone and sorts only those 100.
			// Ascending by a key with NULLs reads the index's two ranges (0019).
			want, sorted := "USING INDEX "+sortIndex(q)+" ", 0
			if page.offset > 0 {
				want, sorted = "USING COVERING INDEX "+sortIndex(q)+" ", 1
			}
			uses := 1
			if nullsLastKey(q) != "" {
				uses = 2
			}
			text = strings.ReplaceAll(text, "\n", " \n")
			small := strings.Replace(want, sortIndex(q)+" ", sortIndex(q)+"_nieuw ", 1)
			usesSmall := 0
			if parts == bothParts {
				usesSmall = uses
			}
			if strings.Count(text, want) != uses || strings.Count(text, small) != usesSmall || strings.Count(text, "TEMP B-TREE") != sorted {
				t.Errorf("sort %d %s desc=%v offset %d parts %d: plan\n%s\nwant %d× %s, %d× %s and %d temp B-tree",
					q.Sort, q.SortDomein, desc, page.offset, parts, text, uses, want, usesSmall, small, sorted)
			}
		}
	}
}
