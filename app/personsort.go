package app

import (
	"fmt"
	"slices"
	"strings"
)

// DomainSortRank is where a domain's list status (ListDomainStatuses) stands in
// SortByDomein: the follow-up status's place in FollowupStatuses (open 0 ... niet
// bereikbaar 4); ok is false where follow-up is not allowed (no status: last, both
// ways). The stores keep this rank per person and domain (storage migrations).
func DomainSortRank(s DomainStatus) (rank int, ok bool) {
	if s.Opvolging == "" {
		return 0, false
	}
	i := slices.Index(FollowupStatuses(), s.Opvolging)
	return i, i >= 0
}

// sortNames are the names of the sorts for the command line, in the list's column order.
var sortNames = []struct {
	name string
	sort PersonSort
}{{"naam", SortByName}, {"vrijlating", SortByRelease}, {"status", SortByEindStatus},
	{"geboortedatum", SortByBirth}, {"inrichting", SortByInrichting}}

// PersonSortNames lists the names ParsePersonSort accepts: naam, vrijlating, status,
// geboortedatum, inrichting and the six domains (SortByDomein).
func PersonSortNames() []string {
	var out []string
	for _, n := range sortNames {
		out = append(out, n.name)
	}
	for _, d := range Domains() {
		out = append(out, string(d))
	}
	return out
}

// ParsePersonSort reads a sort name (PersonSortNames) into q's Sort and SortDomein.
func ParsePersonSort(name string, q *PersonQuery) error {
	for _, n := range sortNames {
		if n.name == name {
			q.Sort, q.SortDomein = n.sort, ""
			return nil
		}
	}
	if d := Domain(name); slices.Contains(Domains(), d) {
		q.Sort, q.SortDomein = SortByDomein, d
		return nil
	}
	return fmt.Errorf("onbekende sortering %q (%s)", name, strings.Join(PersonSortNames(), ", "))
}
