package app

import (
	"strings"
	"testing"
)

// A domain's list status ranks as FollowupStatuses orders it; without follow-up (no
// status) it has no rank, whatever the consent.
func TestDomainSortRank(t *testing.T) {
	for i, s := range FollowupStatuses() {
		if r, ok := DomainSortRank(DomainStatus{Toestemming: ConsentJa, Opvolging: s}); !ok || r != i {
			t.Errorf("%s: rank %d %v, want %d", s, r, ok, i)
		}
	}
	for _, c := range []ConsentState{ConsentNee, ConsentIngetrokken, ConsentOnbekend} {
		if _, ok := DomainSortRank(DomainStatus{Toestemming: c}); ok {
			t.Errorf("%s without follow-up has a rank", c)
		}
	}
	// With a plan, every domain has follow-up (open), whatever its consent.
	st := ListDomainStatuses(ListStates{Consent: map[Domain]ConsentState{Onderdak: ConsentNee}, Plan: true})
	if r, ok := DomainSortRank(st[1]); !ok || r != 0 {
		t.Errorf("onderdak nee with a plan: rank %d %v", r, ok)
	}
}

// Every name of PersonSortNames parses, to a distinct sort; a domain to SortByDomein of
// it; sociaal-netwerk (no column of the list) and unknown names do not.
func TestParsePersonSort(t *testing.T) {
	seen := map[PersonQuery]bool{}
	for _, n := range PersonSortNames() {
		q := PersonQuery{Desc: true}
		if err := ParsePersonSort(n, &q); err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		if seen[q] || !q.Desc || (q.Sort == SortByDomein) != (q.SortDomein != "") {
			t.Errorf("%s: %+v", n, q)
		}
		seen[q] = true
	}
	if len(seen) != 5+len(Domains()) {
		t.Errorf("%d sorts", len(seen))
	}
	for _, n := range []string{"sociaal-netwerk", "Naam", ""} {
		if err := ParsePersonSort(n, &PersonQuery{}); err == nil || !strings.Contains(err.Error(), "onbekende sortering") {
			t.Errorf("%q: %v", n, err)
		}
	}
	if got := DescribeQuery(PersonQuery{Sort: SortByDomein, SortDomein: Onderdak, Desc: true}); !strings.Contains(got, "gesorteerd op stand van onderdak, aflopend") {
		t.Errorf("DescribeQuery: %q", got)
	}
}
