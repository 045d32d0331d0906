package app_test

import (
	"context"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers"
	"github.com/terugkeer/terugkeer/internal/apptest"
)

// ledgerReads is a store whose write transactions count the reads of the consent
// ledger (Consents).
type ledgerReads struct {
	app.Store
	n *int
}

func (s ledgerReads) Update(ctx context.Context, fn func(app.Tx) error) error {
	return s.Store.Update(ctx, func(tx app.Tx) error { return fn(countingTx{Tx: tx, n: s.n}) })
}

type countingTx struct {
	app.Tx
	n *int
}

func (t countingTx) Consents(keys []string) (map[app.Domain]app.DomainConsent, error) {
	*t.n++
	return t.Tx.Consents(keys)
}

// TestKnownPersonsMessagesDoNotReadTheLedger: a melding or a D&R-plan for a known person
// with the same identifiers writes nothing to the consent ledger, so the import does
// not read the ledger again for the person's copy of the effective consent (it did for
// every message: two queries and a write). A new person and an informatieblad still
// read it, and the copy stays right.
func TestKnownPersonsMessagesDoNotReadTheLedger(t *testing.T) {
	w := newWorld(t)
	w.clock = time.Date(2021, 9, 1, 10, 0, 0, 0, time.UTC)
	reads := 0
	svc := app.NewService(ledgerReads{Store: w.db, n: &reads}, importers.Decoder{}, func() time.Time { return w.clock })
	ctx := context.Background()
	imp := func(what, x string) int {
		t.Helper()
		reads = 0
		rs, err := svc.ImportBytes(ctx, what+".xml", "", []byte(x))
		if err != nil || len(rs) != 1 || rs[0].Resultaat != app.Geimporteerd {
			t.Fatalf("%s: %v %+v", what, err, rs)
		}
		return reads
	}
	s := apptest.Subject("999990019", "Jansen")
	if n := imp("melding", melding("999990019", "Jansen", "2021-03-05", "2021-09-01")); n == 0 {
		t.Fatal("the melding that created the person read no ledger: the counter does not see the reads, or a new person's copy is not made")
	}
	if n := imp("informatieblad", sheet("999990019", "Jansen", "2021-03-10", "m1", app.Onderdak)); n == 0 {
		t.Error("the informatieblad read no ledger")
	}
	second := apptest.Melding(s, "2021-04-01", "2021-09-15")
	if n := imp("tweede melding", string(apptest.XML(second))); n != 0 {
		t.Errorf("a melding for the known person read the ledger %d times, want 0", n)
	}
	plan := apptest.DRPlan(s, "2021-08-10", app.LifeArea{Code: app.Schulden, Situatie: "schulden"})
	if n := imp("plan", string(apptest.XML(plan))); n != 0 {
		t.Errorf("a D&R-plan for the known person read the ledger %d times, want 0", n)
	}
	if n := imp("informatieblad 2", sheet("999990019", "Jansen", "2021-05-20", "m2", app.Onderdak, app.Zorg)); n == 0 {
		t.Error("a second informatieblad read no ledger")
	}
	var states map[int64]map[app.Domain]app.ConsentState
	err := w.db.View(ctx, func(tx app.ReadTx) (err error) {
		states, err = tx.ReleaseConsentStates(app.MustDate("2021-01-01"), app.MustDate("2021-12-31"))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(states) != 1 {
		t.Fatalf("consent states of %d persons, want 1: %v", len(states), states)
	}
	for _, st := range states {
		for _, d := range app.Domains() {
			want := app.ConsentNee
			if d == app.Onderdak || d == app.Zorg {
				want = app.ConsentJa
			}
			if st[d] != want {
				t.Errorf("%s: %q, want %q", d, st[d], want)
			}
		}
	}
}
