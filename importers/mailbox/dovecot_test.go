package mailbox

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/terugkeer/terugkeer/app"
)

// DovecotEnv names the test Dovecot as HOST:PORT:USER:PASSWORD; scripts/dovecot.sh sets
// it (make test does this when Dovecot is installed).
const DovecotEnv = "TERUGKEER_DOVECOT"

// dovecot returns an account on the test Dovecot with folders of its own (each test
// gets fresh ones), or skips the test.
func dovecot(t testing.TB) account {
	t.Helper()
	v := os.Getenv(DovecotEnv)
	if v == "" {
		t.Skipf("%s is niet gezet: de tests tegen een echte Dovecot worden overgeslagen (start er een met scripts/dovecot.sh, of gebruik make test)", DovecotEnv)
	}
	parts := strings.SplitN(v, ":", 4)
	if len(parts) != 4 {
		t.Fatalf("%s moet HOST:POORT:GEBRUIKER:WACHTWOORD zijn", DovecotEnv)
	}
	port, err := strconv.Atoi(parts[1])
	if err != nil {
		t.Fatalf("%s: poort %q", DovecotEnv, parts[1])
	}
	b := make([]byte, 4)
	rand.Read(b) //nolint:errcheck // crypto/rand does not fail
	prefix := "t" + hex.EncodeToString(b)
	return account{
		settings: app.MailboxSettings{
			Server: parts[0], Poort: port, Beveiliging: app.SecurityNone, Gebruiker: parts[2],
			Map: prefix + "-in", Verwerkt: prefix + "-verwerkt", Quarantaine: prefix + "-quarantaine",
		},
		password: parts[3],
	}
}

func TestDovecotImportsExamples(t *testing.T) {
	a := dovecot(t)
	mails := exampleMails(t)
	a.deliver(t, mails)
	svc, db := newService(t)
	var got collected
	sum, err := Run(t.Context(), svc, a.settings, got.options(a))
	if err != nil {
		t.Fatal(err)
	}
	if sum != (Summary{Verwerkt: 4, Quarantaine: 3, Gebleven: 1, Verwijderd: 1}) {
		t.Errorf("summary %+v", sum)
	}
	if o := got.outcomes(); o[app.Geimporteerd] != 4 || o[app.Quarantaine] != 3 || o[app.GeenBericht] != 1 {
		t.Errorf("outcomes %v", o)
	}
	for i, m := range got.mails {
		want := map[string]string{"map": a.settings.Map, "verwerkt": a.settings.Verwerkt, "quarantaine": a.settings.Quarantaine,
			"weg": a.settings.Verwerkt}[mails[i].folder] // moved, then deleted after the intrekking
		if m.Map != want {
			t.Errorf("%s went to %q, want %q", mails[i].name, m.Map, want)
		}
	}
	checkExactlyOnce(t, a, db, mails)

	got = collected{}
	sum, err = Run(t.Context(), svc, a.settings, got.options(a))
	if err != nil || sum != (Summary{}) || len(got.mails) != 0 {
		t.Errorf("second run: %+v %v, %d mails", sum, err, len(got.mails))
	}
	checkExactlyOnce(t, a, db, mails)
}

// A run cancelled after a few mails, then run again: every message exactly once.
func TestDovecotCancelledRun(t *testing.T) {
	a := dovecot(t)
	mails := append(exampleMails(t), generatedMails(t, "AGG-2026-DOVE", 30)...)
	a.deliver(t, mails)
	svc, db := newService(t)
	for _, stopAt := range []int{3, 10} {
		ctx, cancel := context.WithCancel(t.Context())
		opts := a.auth()
		opts.Progress = func(done, total int) {
			if done == stopAt {
				cancel()
			}
		}
		if _, err := Run(ctx, svc, a.settings, opts); !errors.Is(err, context.Canceled) {
			t.Fatalf("run cancelled at %d: %v", stopAt, err)
		}
		cancel()
	}
	if _, err := Run(t.Context(), svc, a.settings, a.auth()); err != nil {
		t.Fatal(err)
	}
	checkExactlyOnce(t, a, db, mails)
}

// A mailbox that already holds processed and quarantine folders (a second installation,
// or folders made by hand) works too; the folders are not created twice.
func TestDovecotExistingFolders(t *testing.T) {
	a := dovecot(t)
	c := a.client(t)
	for _, f := range []string{a.settings.Verwerkt, a.settings.Quarantaine} {
		if err := c.Create(f, nil).Wait(); err != nil {
			t.Fatal(err)
		}
	}
	c.Close()
	mails := generatedMails(t, "AGG-2026-BESTAAND", 3)
	a.deliver(t, mails)
	svc, db := newService(t)
	if _, err := Run(t.Context(), svc, a.settings, a.auth()); err != nil {
		t.Fatal(err)
	}
	checkExactlyOnce(t, a, db, mails)
}
