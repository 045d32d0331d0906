package demo

import (
	"bytes"
	"context"
	"testing"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers"
)

func generate(t *testing.T, o Options) []Bericht {
	t.Helper()
	var out []Bericht
	if err := Generate(context.Background(), o, func(b Bericht) error {
		out = append(out, b)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestGenerateDeterministicAndValid(t *testing.T) {
	o := Options{Personen: 200, Seed: 7, Nu: app.MustDate("2026-01-01")}
	a, b := generate(t, o), generate(t, o)
	if len(a) != len(b) || len(a) < 400 {
		t.Fatalf("%d and %d messages for 200 persons", len(a), len(b))
	}
	for i := range a {
		if !bytes.Equal(a[i].Data, b[i].Data) {
			t.Fatalf("message %d differs between two runs with the same seed", i)
		}
	}
	o.Seed = 8
	if c := generate(t, o); bytes.Equal(c[0].Data, a[0].Data) {
		t.Error("another seed gives the same first message")
	}

	kinds := map[app.Kind]int{}
	persons := map[int]bool{}
	withBSN, diacritics, followups := 0, 0, 0
	for _, m := range a {
		msg, err := importers.Decoder{}.Parse(m.Data)
		if err != nil {
			t.Fatalf("%s: %v", m.Naam, err)
		}
		kinds[msg.Soort]++
		persons[m.Persoon] = true
		if msg.Verzonden.After(o.Nu.AddDays(1).Time()) {
			t.Errorf("%s is sent after the base date", m.Naam)
		}
		if msg.Betrokkene.BSN != "" {
			withBSN++
		}
		if bytes.ContainsAny(m.Data, "öşłřễëÖŞŁ") {
			diacritics++
		}
		if m.Opvolging != nil {
			followups++
		}
	}
	if len(persons) != 200 {
		t.Errorf("%d persons, want 200", len(persons))
	}
	for _, k := range []app.Kind{app.MeldingBegin, app.MeldingEinde, app.Informatieblad, app.Intrekking} {
		if kinds[k] == 0 {
			t.Errorf("no %s among %d messages", k, len(a))
		}
	}
	if withBSN == 0 || diacritics == 0 || followups == 0 {
		t.Errorf("messages with BSN %d, with diacritics %d, with follow-up %d: want some of each", withBSN, diacritics, followups)
	}
}

func TestTestBSNs(t *testing.T) {
	bsns := TestBSNs()
	if len(bsns) < 900 || len(bsns) > 920 {
		t.Fatalf("%d test BSNs, want about 909", len(bsns))
	}
	for _, b := range bsns {
		if b == "999990019" {
			t.Error("the generator uses the example person's BSN 999990019")
		}
		if !app.ValidBSN(b) || b < "999990000" {
			t.Fatalf("%s is not a valid test BSN", b)
		}
	}
}

func TestBSNsBeyondRangeAreLeftOut(t *testing.T) {
	o := Options{Personen: 3000, Seed: 1, Nu: app.MustDate("2026-01-01")}
	o.defaults()
	seen := map[string]int{}
	for i := range o.Personen {
		for _, b := range o.person(i) {
			msg, err := importers.Decoder{}.Parse(b.Data)
			if err != nil {
				t.Fatal(err)
			}
			if bsn := msg.Betrokkene.BSN; bsn != "" {
				if p, ok := seen[bsn]; ok && p != i {
					t.Fatalf("BSN shared by persons %d and %d", p, i)
				}
				seen[bsn] = i
			}
			if msg.Betrokkene.SKN == "" && msg.Betrokkene.BSN == "" {
				t.Fatal("a person without BSN and SKN")
			}
		}
	}
	if len(seen) == 0 || len(seen) > len(testBSNs) {
		t.Errorf("%d distinct BSNs", len(seen))
	}
}
