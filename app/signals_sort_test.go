package app

import (
	"cmp"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

// sortSignalsReference is the comparison sortSignals had before its keys were
// precomputed (formatting both dates inside every comparison): the order must not change.
func sortSignalsReference(ss []Signal) {
	rank := map[SignalKind]int{}
	for i, k := range SignalKinds() {
		rank[k] = i
	}
	domainRank := map[Domain]int{}
	for i, d := range Leefgebieden() {
		domainRank[d] = i
	}
	slices.SortStableFunc(ss, func(a, b Signal) int {
		return cmp.Or(
			cmp.Compare(rank[a.Soort], rank[b.Soort]),
			cmp.Compare(a.Datum.String(), b.Datum.String()),
			cmp.Compare(a.Naam, b.Naam),
			cmp.Compare(a.PersonID, b.PersonID),
			cmp.Compare(domainRank[a.Domain], domainRank[b.Domain]),
			cmp.Compare(a.AfspraakID, b.AfspraakID),
			cmp.Compare(a.QuarantineID, b.QuarantineID),
		)
	})
}

// Many ties (few names, dates, ids) and zero dates, so that every key and the
// stability decide somewhere; Reden tells apart signals whose keys are all equal.
func TestSortSignalsKeepsTheOrder(t *testing.T) {
	r := rand.New(rand.NewPCG(19, 1))
	kinds, doms := SignalKinds(), append(Leefgebieden(), "")
	base := MustDate("2026-03-01")
	for round := range 50 {
		ss := make([]Signal, 1+r.IntN(400))
		for i := range ss {
			s := Signal{Soort: kinds[r.IntN(len(kinds))], Naam: []string{"", "Ab", "ab", "Öz", "Zoë"}[r.IntN(5)],
				PersonID: int64(r.IntN(5)), Domain: doms[r.IntN(len(doms))], AfspraakID: []string{"", "a", "b"}[r.IntN(3)],
				QuarantineID: int64(r.IntN(3)), Reden: string(rune('a' + i%26))}
			if r.IntN(5) > 0 {
				s.Datum = base.AddDays(r.IntN(4000) - 2000)
			}
			ss[i] = s
		}
		want := slices.Clone(ss)
		sortSignalsReference(want)
		sortSignals(ss)
		if !reflect.DeepEqual(ss, want) {
			t.Fatalf("round %d: order differs from the reference", round)
		}
	}
}
