package storetest

import (
	"cmp"
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

// sortAllFixture is fourteen persons with ties on every sort key: names shared by
// several persons (the id decides), equal dates of birth, inrichtingen and statuses,
// persons without a detention, without an inrichting, without a date of birth; per
// domain every consent state and every follow-up status, two persons with a D&R-plan
// (follow-up on every domain) and one recorded follow-up whose consent was revoked (not
// shown, so without a status).
func sortAllFixture(t *testing.T, open Opener) app.Store {
	t.Helper()
	db := open(t)
	names := [][2]string{{"Jan", "Berg"}, {"Ayşe", "Aydın"}, {"Jan", "Berg"}, {"Piet", "Visser"}, {"Mia", "Claes"},
		{"Jan", "Berg"}, {"Zoë", "Şahin"}, {"Piet", "Visser"}, {"Łukasz", "Dvořák"}, {"Mia", "Claes"},
		{"Anna", "de Vries"}, {"Jan", "Berg"}, {"Kofi", "Mensah"}, {"Ayşe", "Aydın"}}
	births := []string{"1980-01-01", "", "1980-01-01", "1995-06-01", "1988-02-02", "", "1980-01-01"}
	places := []string{"PI Zwolle", "PI Vught", "", "PI Almelo", "PI Zwolle"}
	consents := []app.ConsentState{app.ConsentJa, app.ConsentNee, app.ConsentJa, app.ConsentIngetrokken, app.ConsentJa, app.ConsentOnbekend}
	statuses := app.FollowupStatuses()
	for i, n := range names {
		p := samplePerson("", n[0], "", n[1])
		p.SKN = fmt.Sprint(70_000_000 + i)
		p.Geboortedatum = app.Date{}
		if b := births[i%len(births)]; b != "" {
			p.Geboortedatum = app.MustDate(b)
		}
		id := createPerson(t, db, p)
		if i%5 != 3 { // every fifth from the fourth: no detention
			eind := ""
			if i%4 != 1 {
				eind = []string{"2026-05-01", "2026-09-01", "2026-05-01"}[i%3]
			}
			d := addDetention(t, db, id, "2025-01-01", eind)
			d.Inrichting = places[i%len(places)]
			if eind != "" && i%3 == 0 {
				d.EinddatumStatus = app.EindDefinitief
			}
			update(t, db, func(tx app.Tx) error { return tx.SaveDetention(d) })
		}
		update(t, db, func(tx app.Tx) error {
			states := map[app.Domain]app.ConsentState{}
			for j, d := range app.Domains() {
				states[d] = consents[(i+j)%len(consents)]
				if (i+2*j)%4 != 0 {
					f := app.Followup{PersonID: id, Domain: d, Status: statuses[(i+j)%len(statuses)], Gewijzigd: t0}
					if err := tx.SaveFollowup(f); err != nil {
						return err
					}
				}
			}
			if err := tx.SaveConsentStates(id, states); err != nil {
				return err
			}
			if i == 4 || i == 9 {
				return tx.ReplacePlan(id, testPlan(fmt.Sprint("K-", i), "2024-03-12", app.LifeArea{Code: app.Zorg}))
			}
			return nil
		})
	}
	return db
}

// sortEntry is a person as the sorts see it: its row and its domains' list statuses.
type sortEntry struct {
	row   app.PersonRow
	doms  []app.DomainStatus
	sname string
}

// sortAllRows reads every person with its domain statuses (app.ListDomainStatuses of
// ListDomainStates: the definition the domain sorts must follow).
func sortAllRows(t *testing.T, db app.Store) []sortEntry {
	t.Helper()
	var out []sortEntry
	view(t, db, func(tx app.ReadTx) error {
		rows, err := tx.SearchPersons(app.PersonQuery{})
		if err != nil {
			return err
		}
		ids := make([]int64, len(rows))
		for i, r := range rows {
			ids[i] = r.ID
		}
		states, err := tx.ListDomainStates(ids)
		for _, r := range rows {
			out = append(out, sortEntry{r, app.ListDomainStatuses(states[r.ID]), app.SortName(r.Voornamen, r.Voorvoegsel, r.Achternaam)})
		}
		return err
	})
	return out
}

// sortKey is what person e sorts on under q (nil: no value, last both ways).
func sortKey(e sortEntry, q app.PersonQuery) []string {
	r := e.row
	switch q.Sort {
	case app.SortByName:
		return []string{}
	case app.SortByRelease:
		if !r.Einddatum.IsZero() {
			return []string{r.Einddatum.String()}
		}
	case app.SortByBirth:
		if !r.Geboortedatum.IsZero() {
			return []string{r.Geboortedatum.String()}
		}
	case app.SortByInrichting:
		if r.Inrichting != "" {
			return []string{r.Inrichting}
		}
	case app.SortByEindStatus:
		if r.EinddatumStatus != "" {
			return []string{r.EinddatumStatus, r.Einddatum.String()}
		}
	case app.SortByDomein:
		i := slices.Index(app.Domains(), q.SortDomein)
		if rank, ok := app.DomainSortRank(e.doms[i]); ok {
			return []string{fmt.Sprint(rank)}
		}
	}
	return nil
}

// wantOrder is the order q must give, computed here from the rows: the key (without one
// last), then the name and the id, all in q's direction.
func wantOrder(es []sortEntry, q app.PersonQuery) []int64 {
	es = slices.Clone(es)
	slices.SortStableFunc(es, func(a, b sortEntry) int {
		ka, kb := sortKey(a, q), sortKey(b, q)
		if (ka == nil) != (kb == nil) {
			if ka == nil {
				return 1
			}
			return -1
		}
		c := cmp.Or(slices.Compare(ka, kb), cmp.Compare(a.sname, b.sname), cmp.Compare(a.row.ID, b.row.ID))
		if q.Desc {
			c = -c
		}
		return c
	})
	out := make([]int64, len(es))
	for i, e := range es {
		out[i] = e.row.ID
	}
	return out
}

func searchIDs(t *testing.T, db app.Store, q app.PersonQuery) []int64 {
	t.Helper()
	var out []int64
	view(t, db, func(tx app.ReadTx) error {
		rows, err := tx.SearchPersons(q)
		for _, r := range rows {
			out = append(out, r.ID)
		}
		return err
	})
	return out
}

// allSorts is every sort of the Personen list: the five columns and each domain.
func allSorts() []app.PersonQuery {
	qs := []app.PersonQuery{{Sort: app.SortByName}, {Sort: app.SortByRelease}, {Sort: app.SortByBirth},
		{Sort: app.SortByInrichting}, {Sort: app.SortByEindStatus}}
	for _, d := range app.Domains() {
		qs = append(qs, app.PersonQuery{Sort: app.SortByDomein, SortDomein: d})
	}
	return qs
}

// checkAllSorts: every sort, both ways, whole and in pages of 3 (and through
// EachPerson), gives the order computed from the rows.
func checkAllSorts(t *testing.T, db app.Store, when string) {
	t.Helper()
	es := sortAllRows(t, db)
	for _, q := range allSorts() {
		for _, desc := range []bool{false, true} {
			q.Desc = desc
			name := fmt.Sprintf("%s: sort %d %s desc=%v", when, q.Sort, q.SortDomein, desc)
			want := wantOrder(es, q)
			if got := searchIDs(t, db, q); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: %v, want %v", name, got, want)
				continue
			}
			var paged []int64
			for off := 0; off < len(want); off += 3 {
				pq := q
				pq.Limit, pq.Offset = 3, off
				paged = append(paged, searchIDs(t, db, pq)...)
			}
			if !reflect.DeepEqual(paged, want) {
				t.Errorf("%s in pages of 3: %v, want %v", name, paged, want)
			}
		}
	}
}

// Every sort of the Personen list, the five columns and the status of each of the six
// domains, orders both ways as app defines it (app.DomainSortRank), ties by name and id
// in the same direction, persons without the value last either way, page after page;
// and the domain sorts follow changes of follow-up, consent, plan and detention (issue
// 18 item 7).
func testSortAllKeysBothWays(t *testing.T, open Opener) {
	db := sortAllFixture(t, open)
	es := sortAllRows(t, db)
	// The fixture has what the test is about: ties, persons without a value, every
	// status on onderdak.
	seen := map[string]int{}
	for _, e := range es {
		seen[e.sname]++
		if r, ok := app.DomainSortRank(e.doms[1]); ok {
			seen[fmt.Sprint("onderdak ", r)]++
		} else {
			seen["onderdak -"]++
		}
	}
	for _, k := range []string{"onderdak -", "onderdak 0", "onderdak 1", "onderdak 2", "onderdak 3", "onderdak 4"} {
		if seen[k] == 0 {
			t.Fatalf("fixture lacks %s: %v", k, seen)
		}
	}
	if berg := app.SortName("Jan", "", "Berg"); seen[berg] < 3 {
		t.Fatalf("fixture lacks ties of names: %v", seen)
	}
	checkAllSorts(t, db, "fixture")

	first, second := es[0].row.ID, es[1].row.ID
	later := time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	update(t, db, func(tx app.Tx) error {
		for _, d := range app.Domains() {
			if err := tx.SaveFollowup(app.Followup{PersonID: first, Domain: d, Status: app.FollowupNietBereikbaar, Gewijzigd: later}); err != nil {
				return err
			}
		}
		if err := tx.SaveConsentStates(second, map[app.Domain]app.ConsentState{app.Onderdak: app.ConsentJa, app.Zorg: app.ConsentIngetrokken}); err != nil {
			return err
		}
		if _, err := tx.PurgeDomainData(es[2].row.ID, app.Onderdak); err != nil {
			return err
		}
		if err := tx.ReplacePlan(es[3].row.ID, testPlan("K-nieuw", "2024-04-01", app.LifeArea{Code: app.Onderdak})); err != nil {
			return err
		}
		d := &app.Detention{PersonID: es[4].row.ID, InrichtingCode: "PI02", Inrichting: "PI Arnhem", Begindatum: app.MustDate("2026-01-01"),
			Einddatum: app.MustDate("2026-03-01"), EinddatumStatus: app.EindDefinitief, Verzonden: later}
		return tx.SaveDetention(d)
	})
	checkAllSorts(t, db, "after changes")

	if err := db.View(t.Context(), func(tx app.ReadTx) error {
		_, err := tx.SearchPersons(app.PersonQuery{Sort: app.SortByDomein, SortDomein: app.SociaalNetwerk})
		return err
	}); err == nil {
		t.Error("a sort by sociaal-netwerk, not a column of the list, was accepted")
	}
}
