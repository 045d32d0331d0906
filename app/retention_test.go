package app_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/demo"
	"github.com/terugkeer/terugkeer/importers"
)

// Every retention term, run the day before it ends and on the day it ends: the first
// must remove nothing, the second exactly the one thing.
func TestRetentionTermsBoundaries(t *testing.T) {
	ctx := context.Background()
	closeAs := func(u app.Uitkomst) func(*world) {
		return func(w *world) {
			r := w.mustImport(melding("999990081", "Bakker", "2019-05-01", "2019-08-01"))
			if err := w.svc.CloseTraject(ctx, r.PersonID, u, app.MustDate("2019-09-01")); err != nil {
				t.Fatal(err)
			}
			// The log and register terms (5 years) end on the same day as met-maatregelen:
			// lengthen them so that only the person is due.
			for _, k := range []string{app.TermLogboek, app.TermRegister} {
				if err := w.svc.SetRetentionTerm(ctx, k, "6j"); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	cases := []struct {
		name        string
		setup       func(*world)
		before, end string
		removed     func(app.RetentionReport) int
	}{
		{"afgesloten zonder maatregelen: 9 maanden", closeAs(app.ZonderMaatregelen), "2020-05-31", "2020-06-01", persons},
		{"afgesloten met maatregelen: 5 jaar", closeAs(app.MetMaatregelen), "2024-08-31", "2024-09-01", persons},
		{"niet gestart, met einddatum: 9 maanden na einddatum", func(w *world) {
			w.mustImport(melding("999990081", "Bakker", "2019-05-01", "2019-08-14"))
		}, "2020-05-13", "2020-05-14", persons},
		{"niet gestart, zonder einddatum: 9 maanden na het laatste bericht", func(w *world) {
			w.mustImport(melding("999990081", "Bakker", "2019-06-01", "")) // verzonden 2019-06-01 (apptest.Melding)
		}, "2020-02-29", "2020-03-01", persons},
		{"quarantaine: 3 maanden na ontvangst", func(w *world) {
			w.importXML("geen xml") // received on the clock's day, 2019-09-01
		}, "2019-11-30", "2019-12-01", func(r app.RetentionReport) int { return r.Quarantaine }},
		{"toestemmingsregister: 5 jaar na de intrekking, zonder persoon", func(w *world) {
			w.mustImport(intrekking("999990081", "Bakker", "2019-07-01", "zorg"))
		}, "2024-06-30", "2024-07-01", func(r app.RetentionReport) int { return r.Register }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, on := range []string{c.before, c.end} {
				w := newWorld(t)
				c.setup(w)
				rep, err := w.svc.RunRetention(ctx, day(on), false)
				if err != nil {
					t.Fatal(err)
				}
				want := 0
				if on == c.end {
					want = 1
				}
				if got := c.removed(rep); got != want {
					t.Errorf("on %s: removed %d, want %d (%+v)", on, got, want, rep)
				}
				if rep.Total() != want {
					t.Errorf("on %s: removed %d things in all, want %d (%+v)", on, rep.Total(), want, rep)
				}
			}
		})
	}
}

func persons(r app.RetentionReport) int { return len(r.Personen) }

func TestRetentionKeepsOpenCases(t *testing.T) {
	w := newWorld(t)
	r := w.mustImport(melding("999990093", "Jong", "2019-05-01", "2019-08-01"))
	if err := w.svc.StartTrajectForTest(context.Background(), r.PersonID); err != nil {
		t.Fatal(err)
	}
	rep, err := w.svc.RunRetention(context.Background(), day("2040-01-01"), false)
	if err != nil || len(rep.Personen) != 0 || w.personCount() != 1 {
		t.Errorf("a traject in behandeling was destroyed: %+v, %v", rep, err)
	}
	f, err := w.svc.PersonFile(context.Background(), r.PersonID)
	if err != nil || f.Traject.Status != app.InBehandeling {
		t.Errorf("traject = %+v, %v", f, err)
	}
	// Closing then counts from the closing date.
	if err := w.svc.CloseTraject(context.Background(), r.PersonID, app.ZonderMaatregelen, app.MustDate("2019-08-20")); err != nil {
		t.Fatal(err)
	}
	rep, _ = w.svc.RunRetention(context.Background(), day("2020-05-20"), false)
	if len(rep.Personen) != 1 {
		t.Errorf("closed traject not destroyed 9 months after closing: %+v", rep)
	}
}

func TestRetentionDryRunChangesNothing(t *testing.T) {
	w := newWorld(t)
	w.mustImport(melding("999990111", "Mulder", "2019-05-01", "2019-08-01"))
	before := len(w.audit(""))
	rep, err := w.svc.RunRetention(context.Background(), day("2030-01-01"), true)
	if err != nil || len(rep.Personen) != 1 || rep.Logboek == 0 {
		t.Fatalf("dry run = %+v, %v", rep, err)
	}
	if w.personCount() != 1 || len(w.audit("")) != before {
		t.Error("a dry run changed the database")
	}
}

// The audit log loses its entries after 5 years; the chain stays verifiable through the
// anchor, and the pruning itself is audited.
func TestRetentionPrunesAuditAndKeepsChainVerifiable(t *testing.T) {
	ctx := context.Background()
	w := newWorld(t) // Init wrote an entry on 2019-09-01
	w.mustImport(melding("999990123", "Vos", "2019-05-01", ""))
	w.clock = day("2022-01-01")
	r := w.mustImport(melding("999990135", "Kok", "2021-05-01", ""))
	if err := w.svc.StartTrajectForTest(ctx, r.PersonID); err != nil {
		t.Fatal(err)
	}
	all := w.audit("")
	rep, err := w.svc.RunRetention(ctx, day("2024-08-31"), false)
	if err != nil || rep.Logboek != 0 {
		t.Fatalf("a day early: %+v, %v", rep, err)
	}
	rep, err = w.svc.RunRetention(ctx, day("2024-09-01"), false)
	if err != nil || rep.Logboek != 2 { // the Init and first import entries of 2019-09-01
		t.Fatalf("on the day: %+v, %v", rep, err)
	}
	left := w.audit("")
	if left[0].ID != all[2].ID {
		t.Errorf("first remaining entry %d, want %d", left[0].ID, all[2].ID)
	}
	check, err := w.svc.VerifyAudit(ctx)
	if err != nil || !check.Intact {
		t.Errorf("chain after pruning: %+v, %v", check, err)
	}
	var pruned bool
	for _, e := range w.audit(app.ActieBewaring) {
		pruned = pruned || (e.Object == "logboek" && e.Aantal == 2)
	}
	if !pruned {
		t.Error("the pruning of the audit log is not itself in the audit log")
	}
}

func TestTermParsing(t *testing.T) {
	for in, want := range map[string]string{"9m": "9m", "5J": "5j", " 30d ": "30d"} {
		got, err := app.ParseTerm(in)
		if err != nil || got.String() != want {
			t.Errorf("ParseTerm(%q) = %v, %v", in, got, err)
		}
	}
	for _, bad := range []string{"", "9", "m", "0m", "-1j", "9w", "9 m", "1000000d"} {
		if _, err := app.ParseTerm(bad); err == nil {
			t.Errorf("ParseTerm(%q) accepted", bad)
		}
	}
	// End of month: 31 May + 9 months ends on the last day of February.
	term, _ := app.ParseTerm("9m")
	if term.Expired(app.MustDate("2019-05-31"), app.MustDate("2020-02-28")) ||
		!term.Expired(app.MustDate("2019-05-31"), app.MustDate("2020-02-29")) {
		t.Error("9 months after 2019-05-31 should end on 2020-02-29")
	}
}

// countingStore counts write transactions and runs before ahead of the first one.
type countingStore struct {
	app.Store
	updates int
	before  func()
}

func (c *countingStore) Update(ctx context.Context, fn func(app.Tx) error) error {
	c.updates++
	if c.updates == 1 && c.before != nil {
		c.before()
	}
	return c.Store.Update(ctx, fn)
}

// A backlog goes RetentionBatch persons per write transaction, so other work (opening a
// file is audited) is not locked out for the whole run. Every expired person goes, each
// with an audit entry, and the run ends with one closing entry. A person judged expired
// who gets a message before their batch runs is judged again and kept.
func TestRetentionRemovesBacklogInBatches(t *testing.T) {
	w := newWorld(t)
	n := app.RetentionBatch + 10
	bsns := demo.TestBSNs()[:n]
	for _, b := range bsns {
		w.mustImport(melding(b, "Bakker", "2019-05-01", "2019-08-14"))
	}
	cs := &countingStore{Store: w.db, before: func() {
		w.clock = time.Date(2020, 5, 14, 9, 0, 0, 0, time.UTC)               // the melding is sent on 2020-04-01
		w.mustImport(melding(bsns[0], "Bakker", "2020-04-01", "2020-06-01")) // back in detention
	}}
	svc := app.NewService(cs, importers.V1{}, func() time.Time { return w.clock })
	var told [][2]int
	rep, err := svc.RunRetentionProgress(context.Background(), day("2020-05-14"), false, func(done, total int) {
		told = append(told, [2]int{done, total})
	})
	if err != nil {
		t.Fatal(err)
	}
	// Progress before the first batch and after each: a line that moves while it runs.
	if want := [][2]int{{0, n}, {app.RetentionBatch, n}, {n, n}}; !slices.Equal(told, want) {
		t.Errorf("progress told %v, want %v", told, want)
	}
	if persons(rep) != n-1 || w.personCount() != 1 {
		t.Fatalf("removed %d of %d, %d left; want all but the one back in detention", persons(rep), n, w.personCount())
	}
	if want := 3; cs.updates != want { // two batches, then the rest
		t.Errorf("%d write transactions, want %d", cs.updates, want)
	}
	var removed, closing int
	for _, e := range w.audit(app.ActieBewaring) {
		switch {
		case e.Object == app.ObjectPersoon && strings.HasPrefix(e.Resultaat, "vernietigd:"):
			removed++
		case e.Resultaat == "uitgevoerd":
			closing++
			if e.Aantal != n-1 {
				t.Errorf("closing entry counts %d, want %d", e.Aantal, n-1)
			}
		}
	}
	if removed != n-1 || closing != 1 {
		t.Errorf("audit: %d removals and %d closing entries, want %d and 1", removed, closing, n-1)
	}
}

// Shortening a term shows what it would destroy at once, beyond what today's terms
// already would, and changes nothing; lengthening it destroys nothing.
func TestPreviewRetentionTermsCountsWhatAShorterTermDestroys(t *testing.T) {
	ctx := context.Background()
	w := newWorld(t)
	// Released 2019-08-01: 9 months (niet gestart) end on 2020-05-01.
	w.mustImport(melding("999990111", "Mulder", "2019-05-01", "2019-08-01"))
	now := day("2020-01-15")
	before := len(w.audit(""))

	rep, err := w.svc.PreviewRetentionTerms(ctx, now, map[string]string{app.TermNietGestart: "3m"})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Personen) != 1 || rep.Items == 0 {
		t.Errorf("3 months instead of 9 would destroy %+v, want the one person and their items", rep)
	}
	if w.personCount() != 1 || len(w.audit("")) != before {
		t.Error("a preview changed the database")
	}
	terms, _ := w.svc.RetentionTerms(ctx)
	if terms[app.TermNietGestart].String() != "9m" {
		t.Errorf("the preview stored the term: %v", terms[app.TermNietGestart])
	}
	if rep, err := w.svc.PreviewRetentionTerms(ctx, now, map[string]string{app.TermNietGestart: "2j"}); err != nil || rep.Total() != 0 {
		t.Errorf("a longer term would destroy %+v (%v)", rep, err)
	}
	// Past the 9 months today's term already destroys the person: the change adds nothing.
	if rep, err := w.svc.PreviewRetentionTerms(ctx, day("2020-06-01"), map[string]string{app.TermNietGestart: "3m"}); err != nil || len(rep.Personen) != 0 {
		t.Errorf("what today's term already destroys is counted for the change: %+v (%v)", rep, err)
	}
	if _, err := w.svc.PreviewRetentionTerms(ctx, now, map[string]string{"onzin": "3m"}); err == nil {
		t.Error("an unknown term was accepted")
	}
}
