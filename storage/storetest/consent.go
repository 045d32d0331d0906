package storetest

import (
	"reflect"
	"sort"
	"testing"

	"github.com/terugkeer/terugkeer/app"
)

func consent(date string, gegeven bool) app.DomainConsent {
	return app.DomainConsent{Opgesteld: app.MustDate(date), Gegeven: gegeven}
}

// stored is a fact as the ledger returns it: with the latest date consent was given
// ("" when never).
func stored(date string, gegeven bool, gegevenOp string) app.DomainConsent {
	c := consent(date, gegeven)
	if gegevenOp != "" {
		c.GegevenOp = app.MustDate(gegevenOp)
	}
	return c
}

func testConsentKeepsNewestPerKeyAndDomain(t *testing.T, open Opener) {
	db := open(t)
	update(t, db, func(tx app.Tx) error {
		steps := []struct {
			keys []string
			d    app.Domain
			c    app.DomainConsent
		}{
			{[]string{"a", "b"}, app.Zorg, consent("2025-03-01", true)},
			{[]string{"a"}, app.Zorg, consent("2025-01-01", false)}, // older: ignored
			{[]string{"a"}, app.Onderdak, consent("2025-02-01", true)},
			{[]string{"a"}, app.Onderdak, consent("2025-02-01", false)}, // same day: withheld wins
			{[]string{"a"}, app.WerkEnInkomen, consent("2025-02-01", false)},
			{[]string{"a"}, app.WerkEnInkomen, consent("2025-02-01", true)}, // in either order
			{[]string{"b"}, app.Schulden, consent("2025-04-01", true)},
		}
		for _, s := range steps {
			if err := tx.SaveConsent(s.keys, s.d, s.c); err != nil {
				return err
			}
		}
		return nil
	})
	view(t, db, func(tx app.ReadTx) error {
		got, err := tx.Consents([]string{"a"})
		want := map[app.Domain]app.DomainConsent{
			app.Zorg:          stored("2025-03-01", true, "2025-03-01"),
			app.Onderdak:      stored("2025-02-01", false, "2025-02-01"),
			app.WerkEnInkomen: stored("2025-02-01", false, "2025-02-01")}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("key a: %+v", got)
		}
		got, _ = tx.Consents([]string{"a", "b", "unknown"})
		want[app.Schulden] = stored("2025-04-01", true, "2025-04-01")
		if !reflect.DeepEqual(got, want) {
			t.Errorf("keys a+b: %+v", got)
		}
		none, _ := tx.Consents(nil)
		if none == nil || len(none) != 0 {
			t.Errorf("no keys: %#v", none)
		}
		return err
	})
}

// An older sheet that gave consent, arriving after a newer one that withholds it, leaves
// the newer sheet's consent and records the date consent was given (the v1 precision).
func testConsentKeepsTheDateConsentWasGiven(t *testing.T, open Opener) {
	db := open(t)
	update(t, db, func(tx app.Tx) error {
		return firstErr(
			tx.SaveConsent([]string{"k"}, app.Schulden, consent("2025-05-01", false)),
			tx.SaveConsent([]string{"k"}, app.Schulden, consent("2025-04-01", true)),
			tx.SaveConsent([]string{"k"}, app.Schulden, consent("2025-03-01", true)), // older still: keeps 04-01
			tx.SaveConsent([]string{"k"}, app.Zorg, consent("2025-05-01", false)),
		)
	})
	view(t, db, func(tx app.ReadTx) error {
		got, err := tx.Consents([]string{"k"})
		want := map[app.Domain]app.DomainConsent{
			app.Schulden: stored("2025-05-01", false, "2025-04-01"),
			app.Zorg:     stored("2025-05-01", false, ""),
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("got %+v", got)
		}
		if got[app.Schulden].Merge(app.DomainConsent{}).GegevenOp.IsZero() || app.Effective(got[app.Schulden], app.Date{}) != app.ConsentIngetrokken {
			t.Errorf("schulden is %s, want ingetrokken", app.Effective(got[app.Schulden], app.Date{}))
		}
		return err
	})
}

func testConsentNewestOverKeysAndTies(t *testing.T, open Opener) {
	db := open(t)
	update(t, db, func(tx app.Tx) error {
		return firstErr(
			tx.SaveConsent([]string{"bsnkey"}, app.Zorg, consent("2025-01-01", true)),
			tx.SaveConsent([]string{"sknkey"}, app.Zorg, consent("2025-05-01", false)),
			tx.SaveConsent([]string{"bsnkey"}, app.Schulden, consent("2025-05-01", true)),
			tx.SaveConsent([]string{"sknkey"}, app.Schulden, consent("2025-05-01", false)),
		)
	})
	view(t, db, func(tx app.ReadTx) error {
		got, err := tx.Consents([]string{"bsnkey", "sknkey"})
		want := map[app.Domain]app.DomainConsent{
			// The newer sheet, whichever key; consent was given on the older one.
			app.Zorg:     stored("2025-05-01", false, "2025-01-01"),
			app.Schulden: stored("2025-05-01", false, "2025-05-01"), // a tie: withheld wins
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("got %+v", got)
		}
		return err
	})
	err := db.Update(t.Context(), func(tx app.Tx) error {
		return tx.SaveConsent([]string{"k"}, app.Zorg, app.DomainConsent{Gegeven: true})
	})
	if err == nil {
		t.Error("consent without opgesteld accepted")
	}
}

func testRevocationsKeepLatest(t *testing.T, open Opener) {
	db := open(t)
	update(t, db, func(tx app.Tx) error {
		return firstErr(
			tx.AddRevocation([]string{"a", "b"}, app.Zorg, app.MustDate("2025-03-01")),
			tx.AddRevocation([]string{"a"}, app.Zorg, app.MustDate("2025-01-01")), // older: ignored
			tx.AddRevocation([]string{"b"}, app.Zorg, app.MustDate("2025-06-01")),
			tx.AddRevocation([]string{"a"}, app.Schulden, app.MustDate("2025-02-02")),
		)
	})
	view(t, db, func(tx app.ReadTx) error {
		got, err := tx.Revocations([]string{"a"})
		want := map[app.Domain]app.Date{app.Zorg: app.MustDate("2025-03-01"), app.Schulden: app.MustDate("2025-02-02")}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("key a: %+v", got)
		}
		got, _ = tx.Revocations([]string{"a", "b"})
		want[app.Zorg] = app.MustDate("2025-06-01")
		if !reflect.DeepEqual(got, want) {
			t.Errorf("keys a+b: %+v", got)
		}
		none, _ := tx.Revocations(nil)
		if none == nil || len(none) != 0 {
			t.Errorf("no keys: %#v", none)
		}
		return err
	})
}

func testConsentStatesReplaceAndCascade(t *testing.T, open Opener) {
	db := open(t)
	id := createPerson(t, db, samplePerson("999990019", "Jan", "van der", "Berg"))
	addDetention(t, db, id, "2019-06-01", "2019-09-10")
	save := func(states map[app.Domain]app.ConsentState) {
		update(t, db, func(tx app.Tx) error { return tx.SaveConsentStates(id, states) })
	}
	read := func() map[app.Domain]app.ConsentState {
		var out map[int64]map[app.Domain]app.ConsentState
		view(t, db, func(tx app.ReadTx) (err error) {
			out, err = tx.ReleaseConsentStates(app.MustDate("2019-09-01"), app.MustDate("2019-09-30"))
			return err
		})
		return out[id]
	}
	save(map[app.Domain]app.ConsentState{app.Onderdak: app.ConsentJa, app.Schulden: app.ConsentJa, app.Zorg: app.ConsentOnbekend})
	want := map[app.Domain]app.ConsentState{app.Onderdak: app.ConsentJa, app.Schulden: app.ConsentJa}
	if got := read(); !reflect.DeepEqual(got, want) {
		t.Fatalf("states %v, want %v", got, want)
	}
	save(map[app.Domain]app.ConsentState{app.Schulden: app.ConsentIngetrokken})
	want = map[app.Domain]app.ConsentState{app.Schulden: app.ConsentIngetrokken}
	if got := read(); !reflect.DeepEqual(got, want) {
		t.Fatalf("after replace: %v, want %v", got, want)
	}
	update(t, db, func(tx app.Tx) error { return tx.DeletePerson(id) })
	if got := read(); len(got) != 0 {
		t.Fatalf("states %v after removing the person", got)
	}
	noRowsLeft(t, db, "consent_states", 0)
}

// ScanLedger hands out every row of both ledgers, as stored.
func testScanLedger(t *testing.T, open Opener) {
	db := open(t)
	update(t, db, func(tx app.Tx) error {
		return firstErr(
			tx.SaveConsent([]string{"a", "b"}, app.Zorg, consent("2025-03-01", true)),
			tx.SaveConsent([]string{"a"}, app.Schulden, consent("2025-04-01", false)),
			tx.AddRevocation([]string{"c"}, app.Onderdak, app.MustDate("2025-05-01")),
		)
	})
	type sheetRow struct {
		key string
		d   app.Domain
		c   app.DomainConsent
	}
	type revRow struct {
		key string
		d   app.Domain
		on  app.Date
	}
	var sheets []sheetRow
	var revs []revRow
	view(t, db, func(tx app.ReadTx) error {
		return tx.ScanLedger(func(key string, d app.Domain, c app.DomainConsent) { sheets = append(sheets, sheetRow{key, d, c}) },
			func(key string, d app.Domain, on app.Date) { revs = append(revs, revRow{key, d, on}) })
	})
	sort.Slice(sheets, func(i, j int) bool { return sheets[i].key+string(sheets[i].d) < sheets[j].key+string(sheets[j].d) })
	want := []sheetRow{
		{"a", app.Schulden, stored("2025-04-01", false, "")},
		{"a", app.Zorg, stored("2025-03-01", true, "2025-03-01")},
		{"b", app.Zorg, stored("2025-03-01", true, "2025-03-01")},
	}
	if !reflect.DeepEqual(sheets, want) {
		t.Errorf("sheets %+v\nwant   %+v", sheets, want)
	}
	if wantRev := []revRow{{"c", app.Onderdak, app.MustDate("2025-05-01")}}; !reflect.DeepEqual(revs, wantRev) {
		t.Errorf("revocations %+v", revs)
	}
}
