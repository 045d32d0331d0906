package storetest

import (
	"reflect"
	"testing"

	"github.com/terugkeer/terugkeer/app"
)

func testMailboxSettingsRoundTrip(t *testing.T, open Opener) {
	db := open(t)
	view(t, db, func(tx app.ReadTx) error {
		s, err := tx.MailboxSettings()
		if s != (app.MailboxSettings{}) {
			t.Errorf("fresh settings %+v", s)
		}
		return err
	})
	want := app.MailboxSettings{Server: "imap.gemeente.test", Poort: 993, Beveiliging: app.SecurityTLS,
		Gebruiker: "nazorg", Map: "INBOX", Verwerkt: "Klaar", Quarantaine: "Q", CABestand: "/etc/ca.pem",
		Aanmelding: app.SignInOAuth2, OAuth: app.MailboxOAuth{Tenant: "t-1", ClientID: "c-1", TokenURL: "http://127.0.0.1:9/token"}}
	update(t, db, func(tx app.Tx) error { return tx.SaveMailboxSettings(want) })
	view(t, db, func(tx app.ReadTx) error {
		got, err := tx.MailboxSettings()
		if got != want {
			t.Errorf("got %+v, want %+v", got, want)
		}
		return err
	})
	want.CABestand, want.Poort, want.OAuth.TokenURL = "", 0, ""
	update(t, db, func(tx app.Tx) error { return tx.SaveMailboxSettings(want) })
	view(t, db, func(tx app.ReadTx) error {
		got, err := tx.MailboxSettings()
		if got != want {
			t.Errorf("after clearing: got %+v, want %+v", got, want)
		}
		if v, _ := tx.Setting("imap.ca-bestand"); v != "" {
			t.Errorf("cleared setting still stored: %q", v)
		}
		return err
	})
}

func testMailboxState(t *testing.T, open Opener) {
	db := open(t)
	const key = "nazorg@imap.test:993/INBOX"
	view(t, db, func(tx app.ReadTx) error {
		st, err := tx.MailboxState(key)
		if st.UIDValidity != 0 || len(st.UIDs) != 0 {
			t.Errorf("unknown mailbox: %+v", st)
		}
		return err
	})
	update(t, db, func(tx app.Tx) error {
		return firstErr(tx.ResetMailboxState(key, 4000000000),
			tx.RecordMailboxUID(key, app.MailboxUID{UID: 9, MessageID: "eerst"}),
			tx.RecordMailboxUID(key, app.MailboxUID{UID: 3, MessageID: "a@b", Grootte: 120}),
			tx.RecordMailboxUID(key, app.MailboxUID{UID: 9, MessageID: "c@d", Grootte: 7}))
	})
	if err := db.Update(t.Context(), func(tx app.Tx) error {
		return tx.RecordMailboxUID("ander", app.MailboxUID{UID: 1})
	}); err == nil {
		t.Error("recorded a UID of an unregistered mailbox")
	}
	view(t, db, func(tx app.ReadTx) error {
		st, err := tx.MailboxState(key)
		want := app.MailboxState{UIDValidity: 4000000000, UIDs: []app.MailboxUID{
			{UID: 3, MessageID: "a@b", Grootte: 120}, {UID: 9, MessageID: "c@d", Grootte: 7}}}
		if !reflect.DeepEqual(st, want) {
			t.Errorf("state %+v, want %+v", st, want)
		}
		return err
	})
	update(t, db, func(tx app.Tx) error { return tx.ForgetMailboxUIDs(key, []uint32{3, 42}) })
	view(t, db, func(tx app.ReadTx) error {
		st, err := tx.MailboxState(key)
		if len(st.UIDs) != 1 || st.UIDs[0].UID != 9 {
			t.Errorf("after forgetting 3: %+v", st.UIDs)
		}
		return err
	})
	update(t, db, func(tx app.Tx) error { return tx.ResetMailboxState(key, 7) })
	view(t, db, func(tx app.ReadTx) error {
		st, err := tx.MailboxState(key)
		if st.UIDValidity != 7 || len(st.UIDs) != 0 {
			t.Errorf("after reset: %+v", st)
		}
		return err
	})
}

func testMailDeletions(t *testing.T, open Opener) {
	db := open(t)
	pending := func() []string {
		var ids []string
		view(t, db, func(tx app.ReadTx) (err error) { ids, err = tx.PendingMailDeletions(); return err })
		return ids
	}
	if got := pending(); len(got) != 0 {
		t.Errorf("fresh: %q", got)
	}
	update(t, db, func(tx app.Tx) error { return tx.QueueMailDeletions([]string{"<b@x>", "", "<a@x>", "<b@x>"}) })
	update(t, db, func(tx app.Tx) error { return tx.QueueMailDeletions([]string{"<c@x>", "<a@x>"}) })
	if got := pending(); !reflect.DeepEqual(got, []string{"<a@x>", "<b@x>", "<c@x>"}) {
		t.Errorf("queued: %q", got)
	}
	update(t, db, func(tx app.Tx) error { return tx.MailDeletionsDone([]string{"<a@x>", "<onbekend@x>", "<c@x>"}) })
	if got := pending(); !reflect.DeepEqual(got, []string{"<b@x>"}) {
		t.Errorf("after done: %q", got)
	}
}
