package mailbox

import (
	"net"
	"slices"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/storage/sqlite"
)

func TestRunDeletesPurgedMail(t *testing.T)    { purgeScenario(t, startMem(t, capsFull).account) }
func TestRunExpiresProcessedMail(t *testing.T) { expireScenario(t, startMem(t, capsFull).account) }

func TestRunDeletesPurgedMailWithoutUIDPlus(t *testing.T) {
	purgeScenario(t, startMem(t, capsRev1Plain).account)
}

func TestDovecotDeletesPurgedMail(t *testing.T)    { purgeScenario(t, dovecot(t)) }
func TestDovecotExpiresProcessedMail(t *testing.T) { expireScenario(t, dovecot(t)) }

// purgeScenario: the examples' intrekking takes the informatieblad mail out of every
// folder in the same run (the notification stays in the mailbox read); removing the
// person and discarding a quarantine entry queue their mails, which wait while the
// mailbox is offline and go at the next run.
func purgeScenario(t *testing.T, a account) {
	mails := exampleMails(t)
	a.deliver(t, mails)
	svc, db := newService(t)
	ctx := t.Context()
	sum, err := Run(ctx, svc, a.settings, a.auth())
	if err != nil || sum.Verwijderd != 1 {
		t.Fatalf("first run: %+v %v", sum, err)
	}
	checkExactlyOnce(t, a, db, mails) // 02 in no folder, 05 still in the mailbox read
	if p := pending(t, svc); len(p) != 0 {
		t.Errorf("pending after the run: %v", p)
	}

	if err := svc.RemovePerson(ctx, personID(t, db, "999990019")); err != nil {
		t.Fatal(err)
	}
	q := quarantineOf(t, db, messageID(mails[5]))
	if err := svc.Discard(ctx, q.ID); err != nil {
		t.Fatal(err)
	}
	// All the person's mails, also the informatieblad already gone (not found: no harm).
	want := []string{messageID(mails[0]), messageID(mails[1]), messageID(mails[5]), messageID(mails[3]), messageID(mails[2])}
	slices.Sort(want)
	if p := pending(t, svc); !slices.Equal(p, want) {
		t.Fatalf("pending %v, want %v", p, want)
	}
	if _, err := Run(ctx, svc, offline(t, a.settings), a.auth()); err == nil {
		t.Fatal("a run against an offline mailbox succeeded")
	}
	if p := pending(t, svc); !slices.Equal(p, want) {
		t.Fatalf("pending after the offline run %v, want %v", p, want)
	}
	sum, err = Run(ctx, svc, a.settings, a.auth())
	if err != nil || sum.Verwijderd != 4 {
		t.Fatalf("run after the purges: %+v %v", sum, err)
	}
	f := a.folders(t)
	if len(f["verwerkt"]) != 0 || !slices.Equal(f["map"], []string{messageID(mails[4])}) || len(f["quarantaine"]) != 2 ||
		slices.Contains(f["quarantaine"], messageID(mails[5])) {
		t.Errorf("folders after the purges: %v", f)
	}
	if p := pending(t, svc); len(p) != 0 {
		t.Errorf("pending after the run: %v", p)
	}
}

// expireScenario: processed mail stays for the verwijderen-na term (7d by default),
// counted from its INTERNALDATE, and 0d removes it in the run that moved it there.
func expireScenario(t *testing.T, a account) {
	mails := generatedMails(t, "AGG-2026-TERMIJN", 2)
	a.deliver(t, mails)
	old := generatedMails(t, "AGG-2026-OUD", 1)[0]
	c := a.client(t)
	if err := c.Create(a.settings.WithDefaults().Verwerkt, nil).Wait(); err != nil {
		t.Fatal(err)
	}
	cmd := c.Append(a.settings.WithDefaults().Verwerkt, int64(len(old.raw)), &imap.AppendOptions{Time: time.Now().AddDate(0, 0, -8)})
	if _, err := cmd.Write(old.raw); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := cmd.Wait(); err != nil {
		t.Fatal(err)
	}
	c.Close()
	svc, db := newService(t)
	sum, err := Run(t.Context(), svc, a.settings, a.auth())
	if err != nil || sum.Verwerkt != 2 || sum.Opgeruimd != 1 {
		t.Fatalf("run with the default term: %+v %v", sum, err)
	}
	checkExactlyOnce(t, a, db, mails) // the fresh two stay, the 8 days old one is gone

	s := a.settings
	s.VerwijderenNa = "0d"
	sum, err = Run(t.Context(), svc, s, a.auth())
	if err != nil || sum.Opgeruimd != 2 {
		t.Fatalf("run with 0d: %+v %v", sum, err)
	}
	if f := a.folders(t); len(f["verwerkt"]) != 0 {
		t.Errorf("verwerkt after 0d: %v", f["verwerkt"])
	}
}

func pending(t *testing.T, svc *app.Service) []string {
	t.Helper()
	p, err := svc.PendingMailDeletions(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func personID(t *testing.T, db *sqlite.DB, bsn string) int64 {
	t.Helper()
	var id int64
	err := db.View(t.Context(), func(tx app.ReadTx) error {
		p, err := tx.PersonByBSN(bsn)
		if err == nil {
			id = p.ID
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func quarantineOf(t *testing.T, db *sqlite.DB, messageID string) app.Quarantined {
	t.Helper()
	var out []app.Quarantined
	err := db.View(t.Context(), func(tx app.ReadTx) error {
		qs, err := tx.QuarantineList()
		for _, q := range qs {
			if q.MessageID == messageID {
				out = append(out, q)
			}
		}
		return err
	})
	if err != nil || len(out) != 1 {
		t.Fatalf("quarantine entries of %s: %v %v", messageID, out, err)
	}
	return out[0]
}

// offline returns settings that point at a loopback port nobody listens on.
func offline(t *testing.T, s app.MailboxSettings) app.MailboxSettings {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s.Poort = ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	return s
}
