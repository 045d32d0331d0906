package storetest

import (
	"reflect"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

func testMessages(t *testing.T, open Opener) {
	db := open(t)
	id := createPerson(t, db, samplePerson(bsn1, "Jan", "", "Jansen"))
	at := func(day, ns int) time.Time { return time.Date(2026, 2, day, 10, 0, 0, ns, time.UTC) }
	// 9 ns sorts after 10 ns only if stored text is not fixed width.
	m1 := app.MessageRecord{Kenmerk: "K2", Soort: app.MeldingBegin, Verzonden: at(1, 9), Ontvangen: at(3, 0), PersonID: id, MessageID: "<a@x>"}
	m2 := app.MessageRecord{Kenmerk: "K1", Soort: app.Informatieblad, Verzonden: at(1, 10), Ontvangen: at(3, 0), PersonID: id}
	m3 := app.MessageRecord{Kenmerk: "K3", Soort: app.Intrekking, Verzonden: at(2, 0)}
	update(t, db, func(tx app.Tx) error {
		return firstErr(tx.AddMessage(m2), tx.AddMessage(m3), tx.AddMessage(m1))
	})
	view(t, db, func(tx app.ReadTx) error {
		got, err := tx.Messages(id)
		if want := []app.MessageRecord{m1, m2}; !reflect.DeepEqual(got, want) {
			t.Errorf("got  %+v\nwant %+v", got, want)
		}
		for k, want := range map[string]bool{"K1": true, "K3": true, "K9": false} {
			if known, _ := tx.MessageKnown(k); known != want {
				t.Errorf("MessageKnown(%s) = %v", k, known)
			}
		}
		return err
	})
	err := db.Update(t.Context(), func(tx app.Tx) error { return tx.AddMessage(m1) })
	if err == nil {
		t.Error("duplicate kenmerk stored")
	}
}

func testMessagesSince(t *testing.T, open Opener) {
	db := open(t)
	update(t, db, func(tx app.Tx) error {
		for i, k := range []string{"A", "B", "C"} {
			if err := tx.AddMessage(app.MessageRecord{Kenmerk: k, Soort: app.MeldingBegin, Ontvangen: t0.Add(time.Duration(i) * time.Hour)}); err != nil {
				return err
			}
		}
		return nil
	})
	view(t, db, func(tx app.ReadTx) error {
		all, err := tx.MessagesSince(time.Time{})
		if len(all) != 3 || all[0].Kenmerk != "C" {
			t.Errorf("since never = %+v", all)
		}
		some, _ := tx.MessagesSince(t0.Add(time.Hour))
		if len(some) != 1 || some[0].Kenmerk != "C" {
			t.Errorf("since B = %+v", some)
		}
		return err
	})
}

// MessageContent gives the content hash kept for a kenmerk, "" when none was kept, and
// whether the kenmerk is known.
func testMessageContent(t *testing.T, open Opener) {
	db := open(t)
	update(t, db, func(tx app.Tx) error {
		return firstErr(
			tx.AddMessage(app.MessageRecord{Kenmerk: "K1", Soort: app.MeldingBegin, Inhoud: "sha256:abc"}),
			tx.AddMessage(app.MessageRecord{Kenmerk: "K2", Soort: app.MeldingBegin}))
	})
	view(t, db, func(tx app.ReadTx) error {
		for k, want := range map[string]struct {
			hash  string
			known bool
		}{"K1": {"sha256:abc", true}, "K2": {"", true}, "K3": {"", false}} {
			hash, known, err := tx.MessageContent(k)
			if err != nil || hash != want.hash || known != want.known {
				t.Errorf("MessageContent(%s) = %q %v %v, want %q %v", k, hash, known, err, want.hash, want.known)
			}
		}
		return nil
	})
}
