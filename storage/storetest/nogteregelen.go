package storetest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/demo"
	"github.com/terugkeer/terugkeer/importers"
)

// "Vrijgelaten, niet geregeld" and "nog geen contact" are counted from values each
// backend keeps per person (persons.nog_te_regelen and heeft_contact, by triggers: SQLite
// 0017, PostgreSQL 0006). After every kind of write that changes consent, plan, follow-up
// or contacts (the tables' own writes, imports of v1
// and v2 messages, a revocation's purge, a follow-up's change and correction, a traject
// closed and reopened, a person removed, a retention run) the persons it selects are
// those the rule selects from scratch (app.PersonSituation, as app.Signals reads it),
// and, on an Inspector, no person's kept value differs from its computation in SQL (nor,
// on a SortRankInspector, the values the Personen sorts read: SQLite 0018 and 0019; nor,
// on a DateCountInspector, the dashboard's counts per date: SQLite 0021).
func testNietGeregeldFollowsWrites(t *testing.T, open Opener) {
	db := open(t)
	ctx := context.Background()
	today := app.MustDate("2024-06-05")
	clock := time.Date(2024, 6, 5, 10, 0, 0, 0, time.UTC)
	svc := app.NewService(db, importers.Decoder{}, func() time.Time { return clock })
	if err := svc.Init(ctx, []string{"0193"}); err != nil {
		t.Fatal(err)
	}
	check := func(step string) {
		t.Helper()
		nietGeregeldAgrees(t, db, today, step)
	}
	check("empty")

	// The tables' own writes, in every combination the signals look at.
	signalFixture(t, db, 120, today)
	check("fixture")
	// Each table's rows removed alone: consent, plan and a follow-up.
	at := time.Date(2024, 5, 1, 9, 0, 0, 0, time.UTC)
	a := createPerson(t, db, samplePerson("", "Alleen", "", "Toestemming"))
	update(t, db, func(tx app.Tx) error {
		return tx.SaveConsentStates(a, map[app.Domain]app.ConsentState{app.Onderdak: app.ConsentJa})
	})
	check("consent ja")
	update(t, db, func(tx app.Tx) error { return tx.SaveConsentStates(a, nil) })
	check("consent rows removed")
	b := createPerson(t, db, samplePerson("", "Alleen", "", "Plan"))
	update(t, db, func(tx app.Tx) error {
		return tx.ReplacePlan(b, testPlan("K-B", "2024-03-12", app.LifeArea{Code: app.Onderdak}))
	})
	check("plan with onderdak")
	update(t, db, func(tx app.Tx) error { return tx.ReplacePlan(b, testPlan("K-B2", "2024-03-13")) })
	check("plan without leefgebieden")
	c := createPerson(t, db, samplePerson("", "Geregeld", "", "Plan"))
	update(t, db, func(tx app.Tx) error {
		return firstErr(tx.ReplacePlan(c, testPlan("K-C", "2024-03-12", app.LifeArea{Code: app.Onderdak})),
			tx.SaveFollowup(app.Followup{PersonID: c, Domain: app.Onderdak, Status: app.FollowupGeregeld, Gewijzigd: at}))
	})
	check("plan with onderdak geregeld")
	update(t, db, func(tx app.Tx) error { _, err := tx.PurgeDomainData(c, app.Onderdak); return err })
	check("follow-up of onderdak purged")
	// Contacts: the first, a second, one removed, the last purged with its domain.
	update(t, db, func(tx app.Tx) error {
		return tx.AddContact(&app.ContactMoment{PersonID: c, Domain: app.Onderdak, Tijd: at, Kanaal: app.KanaalTelefoon, Vastgelegd: at})
	})
	check("a first contact")
	second, err := svc.AddContact(ctx, c, app.ContactMoment{Domain: app.DomainAlgemeen, Tijd: at, Kanaal: app.KanaalBrief})
	if err != nil {
		t.Fatal(err)
	}
	check("a second contact")
	if err := svc.RemoveContact(ctx, c, second.ID); err != nil {
		t.Fatal(err)
	}
	check("the second contact removed")
	update(t, db, func(tx app.Tx) error { _, err := tx.PurgeDomainData(c, app.Onderdak); return err })
	check("the last contact purged with its domain")
	datedWrites(t, db, check)

	// Imports: a generated population of v1 and v2 messages (informatiebladen with
	// consent, D&R-plans, revocations that purge) with its follow-up.
	o := demo.Options{Personen: 60, Seed: 5, Nu: today}
	var subjects []app.Subject
	err = demo.Generate(ctx, o, func(b demo.Bericht) error {
		rs, err := svc.ImportBytes(ctx, "demo/"+b.Naam, "", b.Data)
		if err != nil {
			return err
		}
		if b.Opvolging == nil || len(rs) == 0 || rs[0].Resultaat != app.Geimporteerd {
			return nil
		}
		id := rs[len(rs)-1].PersonID
		var cre *app.ConsentRequiredError
		for d, edit := range b.Opvolging.Domeinen {
			// The demo's invented colleagues are no login roles on the team database,
			// which refuses them (app.ProblemNotTeamMember); who does not matter here.
			edit.Verantwoordelijke = nil
			if _, err := svc.SetFollowup(ctx, id, d, edit); err != nil && !errors.As(err, &cre) {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	check("demo import")

	// The persons now flagged, and those not: the writes below change some of each.
	flagged, clear, domains := nietGeregeldSplit(t, db, today)
	if len(flagged) < 4 || len(clear) < 4 {
		t.Fatalf("the fixture flags %d persons and clears %d: too few to change", len(flagged), len(clear))
	}

	// A follow-up arranged, set back, corrected and removed.
	for _, id := range flagged[:4] {
		pending := domains[id]
		var cre *app.ConsentRequiredError
		for _, d := range pending {
			if _, err := svc.SetFollowup(ctx, id, d, app.FollowupEdit{Status: app.FollowupGeregeld}); err != nil && !errors.As(err, &cre) {
				t.Fatal(err)
			}
		}
		check(fmt.Sprintf("person %d: every pending domain geregeld", id))
		if len(pending) > 0 {
			if _, err := svc.SetFollowup(ctx, id, pending[0], app.FollowupEdit{Status: app.FollowupInBehandeling}); err != nil {
				t.Fatal(err)
			}
			check(fmt.Sprintf("person %d: %s in behandeling again", id, pending[0]))
			if _, err := svc.CorrectStatus(ctx, id, pending[0], app.FollowupNietNodig, nil); err != nil {
				t.Fatal(err)
			}
			check(fmt.Sprintf("person %d: %s corrected to niet nodig", id, pending[0]))
			if _, err := svc.RemoveStatus(ctx, id, pending[0], nil); err != nil {
				t.Fatal(err)
			}
			check(fmt.Sprintf("person %d: the correction of %s removed", id, pending[0]))
		}
	}

	// Consent given to a person who had nothing to arrange, and a revocation that purges
	// it again (ImportBytes of a v1 intrekking).
	revoked := 0
	for i, id := range clear[len(clear)-5 : len(clear)-1] {
		var p *app.Person
		var fs map[app.Domain]app.Followup
		view(t, db, func(tx app.ReadTx) (err error) {
			p, err = tx.PersonByID(id)
			if err == nil {
				fs, err = tx.Followups(id)
			}
			return err
		})
		// Consent for every domain without follow-up (a clear person has at most a
		// few arranged).
		states := map[app.Domain]app.ConsentState{}
		for _, d := range app.Domains() {
			if _, ok := fs[d]; !ok {
				states[d] = app.ConsentJa
			}
		}
		update(t, db, func(tx app.Tx) error { return tx.SaveConsentStates(id, states) })
		check(fmt.Sprintf("person %d: consent for the domains without follow-up", id))
		if !pendingNow(t, db, today, id) {
			t.Fatalf("person %d: consent without follow-up is not to arrange", id)
		}
		if p.BSN == "" {
			continue
		}
		subjects = append(subjects, app.Subject{BSN: p.BSN, SKN: p.SKN, Voornamen: p.Voornamen, Voorvoegsel: p.Voorvoegsel,
			Achternaam: p.Achternaam, Geboortedatum: p.Geboortedatum})
		raw := demo.Intrekking("0193", fmt.Sprintf("INTR-%d", i), subjects[len(subjects)-1], today.AddDays(-1), app.Domains()...)
		if _, err := svc.ImportBytes(ctx, "intrekking.xml", "", raw); err != nil {
			t.Fatal(err)
		}
		check(fmt.Sprintf("person %d: every domain revoked", id))
		if pendingNow(t, db, today, id) {
			t.Fatalf("person %d: still to arrange after the revocation", id)
		}
		revoked++
	}
	if revoked == 0 {
		t.Error("no revocation imported: the persons chosen have no BSN")
	}

	// A traject closed and reopened, a person removed.
	if err := svc.CloseTraject(ctx, flagged[4%len(flagged)], app.MetMaatregelen, today); err != nil {
		t.Fatal(err)
	}
	check("traject closed")
	if err := svc.ReopenTraject(ctx, flagged[4%len(flagged)]); err != nil {
		t.Fatal(err)
	}
	check("traject reopened")
	for _, id := range []int64{flagged[len(flagged)-1], clear[len(clear)-1]} {
		if err := svc.RemovePerson(ctx, id); err != nil {
			t.Fatal(err)
		}
		check(fmt.Sprintf("person %d removed", id))
	}

	// A retention run years later removes persons and purges what their terms end.
	if err := svc.CloseTraject(ctx, flagged[5%len(flagged)], app.ZonderMaatregelen, today.AddDays(-400)); err != nil {
		t.Fatal(err)
	}
	clock = clock.AddDate(3, 0, 0)
	if _, err := svc.RunRetention(ctx, clock, false); err != nil {
		t.Fatal(err)
	}
	check("retention run")
}

// fromScratch is what app.Signals' rules say of every person, ascending: those with a
// domain to arrange whose follow-up is absent, open or in behandeling, and those without
// any contact.
type fromScratch struct {
	pending, noContact []int64
}

// errRollback undoes the detentions everyoneReleased adds.
var errRollback = errors.New("rolled back on purpose")

// everyoneReleased calls fn in a transaction that is rolled back, in which every person
// has a latest detention ending today (the value kept does not depend on detentions), so
// that one release window holds them all; sits is each person's situation read as the
// dashboard reads it, and pending the persons with a domain to arrange (ToArrange) whose
// follow-up is absent, open or in behandeling, ascending: app.Signals' rule from scratch.
func everyoneReleased(t *testing.T, db app.Store, today app.Date, fn func(tx app.Tx, all []app.PersonRow, scratch fromScratch) error) {
	t.Helper()
	err := db.Update(context.Background(), func(tx app.Tx) error {
		all, err := tx.SearchPersons(app.PersonQuery{})
		if err != nil {
			return err
		}
		for _, r := range all {
			d := &app.Detention{PersonID: r.ID, InrichtingCode: "PI01", Inrichting: "PI Test", Begindatum: app.MustDate("2099-01-01"),
				Einddatum: today, EinddatumStatus: app.EindVerwacht, Verzonden: time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)}
			if err := tx.SaveDetention(d); err != nil {
				return err
			}
		}
		followups, err1 := tx.ReleaseFollowups(today, today)
		consents, err2 := tx.ReleaseConsentStates(today, today)
		plans, err3 := tx.ReleasePlanDomains(today, today)
		if err := errors.Join(err1, err2, err3); err != nil {
			return err
		}
		contacts, err := tx.ReleaseContactCounts(today, today)
		if err != nil {
			return err
		}
		var scratch fromScratch
		for _, r := range all {
			ps := app.PersonSituation{Row: r, Consent: consents[r.ID], Plan: plans[r.ID], Followups: followups[r.ID]}
			for _, d := range ps.ToArrange() {
				if f, ok := ps.Followups[d]; !ok || f.Status.Pending() {
					scratch.pending = append(scratch.pending, r.ID)
					break
				}
			}
			if contacts[r.ID] == 0 {
				scratch.noContact = append(scratch.noContact, r.ID)
			}
		}
		slices.Sort(scratch.pending)
		slices.Sort(scratch.noContact)
		if err := fn(tx, all, scratch); err != nil {
			return err
		}
		return errRollback
	})
	if !errors.Is(err, errRollback) {
		t.Fatal(err)
	}
}

// nietGeregeldAgrees compares, for every person, the SQL conditions of vrij-niet-geregeld
// and geen-contact with the rules from scratch, and on an Inspector the values kept with
// their computation in SQL.
func nietGeregeldAgrees(t *testing.T, db app.Store, today app.Date, step string) {
	t.Helper()
	everyoneReleased(t, db, today, func(tx app.Tx, all []app.PersonRow, scratch fromScratch) error {
		for _, c := range []struct {
			k    app.SignalKind
			want []int64
		}{{app.SignaalNietGeregeld, scratch.pending}, {app.SignaalGeenContact, scratch.noContact}} {
			rows, total, err := tx.SignalPersons(c.k, today, 1, len(all)+1)
			if err != nil {
				return err
			}
			var got []int64
			for _, r := range rows {
				got = append(got, r.ID)
			}
			slices.Sort(got)
			if !slices.Equal(got, c.want) || total != len(c.want) {
				extra, missing := diffIDs(got, c.want)
				t.Errorf("%s: %s: SignalPersons gives %d persons, from scratch %d: also %v, not %v", step, c.k, total, len(c.want), extra, missing)
			}
			filtered, err := tx.SearchPersons(app.PersonQuery{Signaal: c.k, SignaalVandaag: today, SignaalDagen: 1})
			if err != nil {
				return err
			}
			got = got[:0]
			for _, r := range filtered {
				got = append(got, r.ID)
			}
			slices.Sort(got)
			if !slices.Equal(got, c.want) {
				extra, missing := diffIDs(got, c.want)
				t.Errorf("%s: %s: the Personen filter gives also %v, not %v", step, c.k, extra, missing)
			}
		}
		return nil
	})
	if in, ok := db.(Inspector); ok {
		stale, err := in.StaleNogTeRegelen()
		if err != nil {
			t.Fatal(err)
		}
		if len(stale) > 0 {
			t.Errorf("%s: nog_te_regelen of persons %v differs from its computation", step, stale)
		}
		if stale, err = in.StaleHeeftContact(); err != nil {
			t.Fatal(err)
		}
		if len(stale) > 0 {
			t.Errorf("%s: heeft_contact of persons %v differs from its computation", step, stale)
		}
	}
	if in, ok := db.(SortRankInspector); ok {
		stale, err := in.StaleSortRanks()
		if err != nil {
			t.Fatal(err)
		}
		if len(stale) > 0 {
			t.Errorf("%s: the kept sort values of persons %v differ from their computation", step, stale)
		}
	}
	if in, ok := db.(DateCountInspector); ok {
		stale, err := in.StaleDateCounts()
		if err != nil {
			t.Fatal(err)
		}
		if len(stale) > 0 {
			t.Errorf("%s: the kept counts per date of %v differ from a count of the rows", step, stale)
		}
	}
}

// nietGeregeldSplit returns the persons with and without a domain still to arrange, and
// of each flagged person those domains.
func nietGeregeldSplit(t *testing.T, db app.Store, today app.Date) (flagged, clear []int64, domains map[int64][]app.Domain) {
	t.Helper()
	domains = map[int64][]app.Domain{}
	everyoneReleased(t, db, today, func(tx app.Tx, all []app.PersonRow, scratch fromScratch) error {
		for _, r := range all {
			if slices.Contains(scratch.pending, r.ID) {
				flagged = append(flagged, r.ID)
			} else {
				clear = append(clear, r.ID)
			}
		}
		followups, err1 := tx.ReleaseFollowups(today, today)
		consents, err2 := tx.ReleaseConsentStates(today, today)
		plans, err3 := tx.ReleasePlanDomains(today, today)
		for _, id := range flagged {
			ps := app.PersonSituation{Consent: consents[id], Plan: plans[id], Followups: followups[id]}
			for _, d := range ps.ToArrange() {
				if f, ok := ps.Followups[d]; !ok || f.Status.Pending() {
					domains[id] = append(domains[id], d)
				}
			}
		}
		return errors.Join(err1, err2, err3)
	})
	return flagged, clear, domains
}

// pendingNow reports whether the rule from scratch has person id to arrange.
func pendingNow(t *testing.T, db app.Store, today app.Date, id int64) (pending bool) {
	t.Helper()
	everyoneReleased(t, db, today, func(_ app.Tx, _ []app.PersonRow, scratch fromScratch) error {
		pending = slices.Contains(scratch.pending, id)
		return nil
	})
	return pending
}

// diffIDs returns the ids of got not in want, and those of want not in got.
func diffIDs(got, want []int64) (extra, missing []int64) {
	for _, id := range got {
		if !slices.Contains(want, id) {
			extra = append(extra, id)
		}
	}
	for _, id := range want {
		if !slices.Contains(got, id) {
			missing = append(missing, id)
		}
	}
	return extra, missing
}

// datedWrites changes a dated follow-up and a dated agreement for the gemeente in every
// way that moves them in or out of the dashboard's counts or to another date: each step
// is followed by check.
func datedWrites(t *testing.T, db app.Store, check func(string)) {
	t.Helper()
	at := time.Date(2024, 5, 1, 9, 0, 0, 0, time.UTC)
	d := createPerson(t, db, samplePerson("", "Gedateerd", "", "Werk"))
	f := app.Followup{PersonID: d, Domain: app.Schulden, Status: app.FollowupOpen, Actie: "bellen", Actiedatum: app.MustDate("2024-05-20"), Gewijzigd: at}
	for _, step := range []struct {
		name   string
		change func()
	}{
		{"a dated action", func() {}},
		{"its date moved", func() { f.Actiedatum = app.MustDate("2024-05-21") }},
		{"geregeld", func() { f.Status = app.FollowupGeregeld }},
		{"in behandeling again", func() { f.Status = app.FollowupInBehandeling }},
		{"niet nodig and moved", func() { f.Status, f.Actiedatum = app.FollowupNietNodig, app.MustDate("2024-05-22") }},
		{"open again", func() { f.Status = app.FollowupOpen }},
		{"the action cleared", func() { f.Actie, f.Actiedatum = "", app.Date{} }},
		{"a new action", func() { f.Actie, f.Actiedatum = "mailen", app.MustDate("2024-05-20") }},
	} {
		step.change()
		update(t, db, func(tx app.Tx) error { return tx.SaveFollowup(f) })
		check("follow-up: " + step.name)
	}
	a := app.Agreement{ID: "gem-1", Wie: app.WieGemeente, Status: app.AfspraakOpen, Datum: app.MustDate("2024-05-20"), Tekst: "Uitkering"}
	for i, step := range []struct {
		name   string
		change func()
	}{
		{"a dated agreement", func() {}},
		{"its date moved", func() { a.Datum = app.MustDate("2024-05-21") }},
		{"afgerond", func() { a.Status = app.AfspraakAfgerond }},
		{"lopend and moved", func() { a.Status, a.Datum = app.AfspraakLopend, app.MustDate("2024-05-22") }},
		{"for DJI", func() { a.Wie = app.WieDJI }},
		{"for the gemeente again", func() { a.Wie = app.WieGemeente }},
		{"undated", func() { a.Datum = app.Date{} }},
		{"dated again", func() { a.Datum = app.MustDate("2024-05-20") }},
	} {
		step.change()
		plan := testPlan(fmt.Sprintf("K-D%d", i), "2024-03-12", app.LifeArea{Code: app.WerkEnInkomen, Afspraken: []app.Agreement{a}})
		update(t, db, func(tx app.Tx) error { return tx.ReplacePlan(d, plan) })
		check("agreement: " + step.name)
	}
	update(t, db, func(tx app.Tx) error { return tx.DeletePerson(d) })
	check("the person with both removed")
}
