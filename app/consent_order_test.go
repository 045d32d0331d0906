package app

import (
	"fmt"
	"testing"
)

// ledgerSim applies consent plans as the import service does: the ledger merges what a
// plan saves, and the stored content follows Replace and Purge.
type ledgerSim struct {
	view    ConsentView
	content map[Domain]bool
}

func newLedgerSim() *ledgerSim {
	return &ledgerSim{view: emptyView(), content: map[Domain]bool{}}
}

func (l *ledgerSim) apply(m *Message) {
	var plan ConsentPlan
	if m.Informatieblad != nil {
		plan = PlanSheet(m.Informatieblad, l.view)
	} else {
		plan = PlanRevocation(m.Intrekking, l.view)
	}
	for d, c := range plan.SaveSheets {
		l.view.addSheet(d, c)
	}
	for d, on := range plan.SaveRevoked {
		l.view.addRevocation(d, on)
	}
	for d, data := range plan.Replace {
		l.content[d] = !data.Empty()
	}
	for _, d := range plan.Purge {
		l.content[d] = false
	}
}

func schuldenSheet(opgesteld string, ja bool) *Message {
	s := &Sheet{Opgesteld: d(opgesteld), Toestemming: map[Domain]bool{Schulden: ja},
		Onderwerpen: []Answer{{Code: "schulden.aanwezig", Antwoord: "ja"}}}
	return &Message{Soort: Informatieblad, Informatieblad: s}
}

func schuldenRevocation(ondertekend string) *Message {
	return &Message{Soort: Intrekking, Intrekking: &Revocation{Ondertekend: d(ondertekend), Domeinen: []Domain{Schulden}}}
}

// permutations returns every order of ms.
func permutations(ms []*Message) [][]*Message {
	if len(ms) <= 1 {
		return [][]*Message{append([]*Message(nil), ms...)}
	}
	var out [][]*Message
	for i := range ms {
		rest := append(append([]*Message(nil), ms[:i]...), ms[i+1:]...)
		for _, p := range permutations(rest) {
			out = append(out, append([]*Message{ms[i]}, p...))
		}
	}
	return out
}

// The v1 precision (berichtformaat-v2.md): a domain that an informatieblad consented to
// and a newer one no longer does is ingetrokken, not nee, in every arrival order; nee
// only when consent was never given.
func TestWithdrawalIsIngetrokkenInEveryOrder(t *testing.T) {
	cases := []struct {
		name    string
		msgs    []*Message
		want    ConsentState
		content bool
	}{
		{"consent, then a newer sheet without it",
			[]*Message{schuldenSheet("2019-06-03", true), schuldenSheet("2019-09-01", false)}, ConsentIngetrokken, false},
		{"consent, withdrawn, still withheld later",
			[]*Message{schuldenSheet("2019-06-03", true), schuldenSheet("2019-08-01", false), schuldenSheet("2019-10-01", false)},
			ConsentIngetrokken, false},
		{"consent, withdrawn, given again",
			[]*Message{schuldenSheet("2019-06-03", true), schuldenSheet("2019-08-01", false), schuldenSheet("2019-10-01", true)},
			ConsentJa, true},
		{"never given", []*Message{schuldenSheet("2019-06-03", false), schuldenSheet("2019-08-01", false)}, ConsentNee, false},
		{"given on a newer sheet only", []*Message{schuldenSheet("2019-06-03", false), schuldenSheet("2019-08-01", true)},
			ConsentJa, true},
		{"withheld after an intrekking, never given", []*Message{schuldenRevocation("2019-07-01"), schuldenSheet("2019-08-01", false)},
			ConsentNee, false},
		{"given, revoked, withheld",
			[]*Message{schuldenSheet("2019-06-03", true), schuldenRevocation("2019-07-01"), schuldenSheet("2019-08-01", false)},
			ConsentIngetrokken, false},
		{"given, revoked", []*Message{schuldenSheet("2019-06-03", true), schuldenRevocation("2019-07-01")}, ConsentIngetrokken, false},
		{"same day, given and withheld",
			[]*Message{schuldenSheet("2019-06-03", true), schuldenSheet("2019-06-03", false)}, ConsentNee, false},
	}
	for _, c := range cases {
		for i, order := range permutations(c.msgs) {
			l := newLedgerSim()
			for _, m := range order {
				l.apply(m)
			}
			if got := l.view.State(Schulden); got != c.want || l.content[Schulden] != c.content {
				t.Errorf("%s, order %d: state %s with content %v, want %s with content %v",
					c.name, i, got, l.content[Schulden], c.want, c.content)
			}
		}
	}
}

func TestRevokedOnOfAWithdrawal(t *testing.T) {
	l := newLedgerSim()
	for _, m := range []*Message{schuldenSheet("2019-09-01", false), schuldenSheet("2019-06-03", true)} {
		l.apply(m)
	}
	if got := l.view.RevokedOn(Schulden); got.String() != "2019-09-01" {
		t.Errorf("RevokedOn = %s, want the withdrawing sheet's 2019-09-01", got)
	}
	l.apply(schuldenRevocation("2019-10-01"))
	if got := l.view.RevokedOn(Schulden); got.String() != "2019-10-01" {
		t.Errorf("RevokedOn = %s, want the intrekking's 2019-10-01", got)
	}
	if got := fmt.Sprint(newLedgerSim().view.RevokedOn(Schulden)); got != "" {
		t.Errorf("RevokedOn without anything = %q", got)
	}
}
