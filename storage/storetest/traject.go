package storetest

import (
	"errors"
	"reflect"
	"sort"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

func testTrajectRoundTrip(t *testing.T, open Opener) {
	db := open(t)
	id := createPerson(t, db, samplePerson(bsn1, "Jan", "", "Jansen"))
	read := func() app.Traject {
		var tr app.Traject
		view(t, db, func(tx app.ReadTx) (err error) { tr, err = tx.Traject(id); return err })
		return tr
	}
	if got := read(); got != (app.Traject{Status: app.Aangemeld}) {
		t.Errorf("fresh traject %+v", got)
	}
	update(t, db, func(tx app.Tx) error { return tx.SaveTraject(id, app.Traject{Status: app.InBehandeling}) })
	if got := read(); got != (app.Traject{Status: app.InBehandeling}) {
		t.Errorf("in behandeling: %+v", got)
	}
	closed := app.Traject{Status: app.Afgesloten, Uitkomst: app.ZonderMaatregelen, Afgesloten: app.MustDate("2019-09-01")}
	update(t, db, func(tx app.Tx) error { return tx.SaveTraject(id, closed) })
	if got := read(); got != closed {
		t.Errorf("afgesloten: %+v, want %+v", got, closed)
	}
	update(t, db, func(tx app.Tx) error { return tx.DeletePerson(id) })
	noRowsLeft(t, db, "trajecten", id)
}

// What a retention run reads: per person the traject, the latest einddatum and message,
// the creation time; the ledger's keys by their latest date; every person's identifiers.
func testRetentionReads(t *testing.T, open Opener) {
	db := open(t)
	p := samplePerson(bsn1, "Jan", "", "Jansen")
	p.SKN = "1234"
	id := createPerson(t, db, p)
	bare := createPerson(t, db, &app.Person{Achternaam: "Kaal", Aangemaakt: t0})
	addDetention(t, db, id, "2019-01-01", "2019-08-14")
	addDetention(t, db, id, "2018-01-01", "2018-06-01")
	closed := app.Traject{Status: app.Afgesloten, Uitkomst: app.ZonderMaatregelen, Afgesloten: app.MustDate("2019-09-01")}
	at := func(h int) time.Time { return t0.Add(time.Duration(h) * time.Hour) }
	update(t, db, func(tx app.Tx) error {
		return firstErr(
			tx.SaveTraject(id, closed),
			tx.AddMessage(app.MessageRecord{Kenmerk: "K1", Soort: app.MeldingBegin, PersonID: id, Verzonden: at(2), Ontvangen: at(3)}),
			tx.AddMessage(app.MessageRecord{Kenmerk: "K2", Soort: app.Informatieblad, PersonID: id, Verzonden: at(1), Ontvangen: at(4)}),
			tx.AddMessage(app.MessageRecord{Kenmerk: "K3", Soort: app.MeldingBegin, Verzonden: at(9)}), // no person
			tx.SaveConsent([]string{"old"}, app.Zorg, consent("2018-01-01", true)),
			tx.AddRevocation([]string{"old"}, app.Zorg, app.MustDate("2018-03-01")),
			tx.SaveConsent([]string{"new"}, app.Zorg, consent("2018-01-01", true)),
			tx.AddRevocation([]string{"new"}, app.Schulden, app.MustDate("2019-05-01")),
			tx.AddRevocation([]string{"revoked-only"}, app.WerkEnInkomen, app.MustDate("2017-06-01")),
			tx.AddRevocation([]string{"consent-later"}, app.WerkEnInkomen, app.MustDate("2017-01-01")),
			tx.SaveConsent([]string{"consent-later"}, app.Onderdak, consent("2019-03-01", true)),
		)
	})
	want := app.RetentionPerson{ID: id, Traject: closed, LaatsteEinddatum: app.MustDate("2019-08-14"),
		LaatsteBericht: at(2), Aangemaakt: p.Aangemaakt}
	wantBare := app.RetentionPerson{ID: bare, Traject: app.Traject{Status: app.Aangemeld}, Aangemaakt: t0}
	view(t, db, func(tx app.ReadTx) error {
		got, ok, err := tx.RetentionPerson(id)
		if err != nil || !ok || !reflect.DeepEqual(got, want) {
			t.Errorf("RetentionPerson = %+v %v %v\nwant %+v", got, ok, err, want)
		}
		if _, ok, err := tx.RetentionPerson(id + bare + 100); ok || err != nil {
			t.Errorf("RetentionPerson of nobody: %v %v", ok, err)
		}
		var all []app.RetentionPerson
		if err := tx.RetentionPersons(func(r app.RetentionPerson) error { all = append(all, r); return nil }); err != nil {
			return err
		}
		sort.Slice(all, func(i, j int) bool { return all[i].ID < all[j].ID })
		if !reflect.DeepEqual(all, []app.RetentionPerson{want, wantBare}) {
			t.Errorf("RetentionPersons = %+v", all)
		}
		stop := errors.New("stop")
		calls := 0
		if err := tx.RetentionPersons(func(app.RetentionPerson) error { calls++; return stop }); !errors.Is(err, stop) || calls != 1 {
			t.Errorf("an error from fn: %v after %d calls", err, calls)
		}
		// A key counts by its latest date over both tables: "new" and "consent-later" have
		// a newer fact in the other table than in the first.
		keys, err := tx.LedgerKeys(app.MustDate("2019-01-01"))
		if want := map[string]app.Date{"old": app.MustDate("2018-03-01"), "revoked-only": app.MustDate("2017-06-01")}; err != nil || !reflect.DeepEqual(keys, want) {
			t.Errorf("LedgerKeys = %v %v", keys, err)
		}
		if keys, _ := tx.LedgerKeys(app.MustDate("2018-03-01")); !reflect.DeepEqual(keys, map[string]app.Date{"revoked-only": app.MustDate("2017-06-01")}) {
			t.Errorf("LedgerKeys before old's latest date itself = %v, want only revoked-only", keys)
		}
		keys, _ = tx.LedgerKeys(app.MustDate("2019-05-02"))
		if want := map[string]app.Date{"old": app.MustDate("2018-03-01"), "new": app.MustDate("2019-05-01"),
			"revoked-only": app.MustDate("2017-06-01"), "consent-later": app.MustDate("2019-03-01")}; !reflect.DeepEqual(keys, want) {
			t.Errorf("LedgerKeys later = %v", keys)
		}
		var ids []string
		if err := tx.PersonIdentifiers(func(bsn, skn string) { ids = append(ids, bsn+"/"+skn) }); err != nil {
			return err
		}
		sort.Strings(ids)
		if want := []string{"/", bsn1 + "/1234"}; !reflect.DeepEqual(ids, want) {
			t.Errorf("PersonIdentifiers = %q", ids)
		}
		return nil
	})
}

// What a retention run removes, with the counts it reports.
func testRetentionDeletes(t *testing.T, open Opener) {
	db := open(t)
	id := createPerson(t, db, samplePerson(bsn1, "Jan", "", "Jansen"))
	update(t, db, func(tx app.Tx) error {
		return firstErr(
			tx.SaveConsent([]string{"a", "b"}, app.Zorg, consent("2018-01-01", true)),
			tx.SaveConsent([]string{"a"}, app.Schulden, consent("2018-01-01", true)),
			tx.AddRevocation([]string{"a"}, app.Zorg, app.MustDate("2018-03-01")),
			tx.AddMessage(app.MessageRecord{Kenmerk: "old", Soort: app.Intrekking, Ontvangen: t0}),
			tx.AddMessage(app.MessageRecord{Kenmerk: "new", Soort: app.Intrekking, Ontvangen: t0.Add(2 * time.Hour)}),
			tx.AddMessage(app.MessageRecord{Kenmerk: "linked", Soort: app.MeldingBegin, PersonID: id, Ontvangen: t0}),
		)
	})
	var ledger, msgs int
	update(t, db, func(tx app.Tx) error {
		var err1, err2 error
		ledger, err1 = tx.DeleteLedgerKeys([]string{"a", "unknown"})
		msgs, err2 = tx.DeleteUnlinkedMessages(t0.Add(time.Hour))
		return errors.Join(err1, err2)
	})
	if ledger != 3 || msgs != 1 {
		t.Errorf("removed %d ledger rows (want 3) and %d messages (want 1)", ledger, msgs)
	}
	view(t, db, func(tx app.ReadTx) error {
		a, err1 := tx.Consents([]string{"a"})
		r, err2 := tx.Revocations([]string{"a"})
		b, err3 := tx.Consents([]string{"b"})
		if len(a) != 0 || len(r) != 0 || len(b) != 1 {
			t.Errorf("after DeleteLedgerKeys: a %v %v, b %v", a, r, b)
		}
		for k, want := range map[string]bool{"old": false, "new": true, "linked": true} {
			if known, _ := tx.MessageKnown(k); known != want {
				t.Errorf("message %s known %v, want %v", k, known, want)
			}
		}
		return errors.Join(err1, err2, err3)
	})
	// The audit: the oldest part of the chain, through an id.
	update(t, db, func(tx app.Tx) error {
		for i := range 3 {
			if err := tx.AddAudit(&app.AuditEntry{Tijd: t0.Add(time.Duration(i) * time.Minute), Actie: app.ActieInzage}); err != nil {
				return err
			}
		}
		return nil
	})
	var es []app.AuditEntry
	view(t, db, func(tx app.ReadTx) (err error) { es, err = tx.AuditEntries(app.AuditFilter{}); return err })
	var n, none int
	update(t, db, func(tx app.Tx) error {
		var err1, err2 error
		n, err1 = tx.DeleteAuditThrough(es[1].ID)
		none, err2 = tx.DeleteAuditThrough(es[2].ID + 1000)
		return errors.Join(err1, err2)
	})
	view(t, db, func(tx app.ReadTx) error {
		left, err := tx.AuditEntries(app.AuditFilter{})
		if n != 2 || none != 0 || len(left) != 1 || left[0].ID != es[2].ID {
			t.Errorf("DeleteAuditThrough: %d and %d removed, left %+v", n, none, left)
		}
		return err
	})
}
