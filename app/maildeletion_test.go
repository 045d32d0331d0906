package app_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/terugkeer/terugkeer/app"
)

// importMail imports XML as if it came in a mail with this Message-ID.
func (w *world) importMail(messageID, x string) app.Result {
	w.t.Helper()
	rs, err := w.svc.ImportBytes(context.Background(), "postvak uid "+messageID, messageID, []byte(x))
	if err != nil || len(rs) != 1 {
		w.t.Fatalf("import %s: %v %v", messageID, rs, err)
	}
	return rs[0]
}

func (w *world) pendingMails(want ...string) {
	w.t.Helper()
	got, err := w.svc.PendingMailDeletions(context.Background())
	if err != nil {
		w.t.Fatal(err)
	}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		w.t.Errorf("mails to delete %v, want %v", got, want)
	}
}

// The rule of which server copies a purge takes with it: a newer informatieblad the
// earlier sheets, a revocation every sheet (not the meldingen nor the revocation itself),
// a removal all the person's mails.
func TestPurgesQueueTheirMails(t *testing.T) {
	w := newWorld(t)
	const bsn = "999990019"
	w.importMail("melding@dji", melding(bsn, "Berg", "2019-05-20", "2019-08-14"))
	r := w.importMail("blad1@dji", sheet(bsn, "Berg", "2019-06-01", "M1", app.Onderdak, app.Schulden))
	w.pendingMails()
	w.importMail("blad2@dji", sheet(bsn, "Berg", "2019-06-05", "M2", app.Onderdak, app.Schulden))
	w.pendingMails("blad1@dji")
	if err := w.svc.MailDeletionsDone(context.Background(), []string{"blad1@dji"}); err != nil {
		t.Fatal(err)
	}
	w.importMail("intrekking@dji", intrekking(bsn, "Berg", "2019-06-10", "schulden"))
	w.pendingMails("blad1@dji", "blad2@dji")
	if err := w.svc.RemovePerson(context.Background(), r.PersonID); err != nil {
		t.Fatal(err)
	}
	w.pendingMails("blad1@dji", "blad2@dji", "melding@dji", "intrekking@dji")
}

// A quarantine entry that is discarded, or retried with success, takes its mail with
// it; one that stays in quarantine keeps it.
func TestQuarantineQueuesItsMail(t *testing.T) {
	w := newWorld(t)
	other := melding("999990019", "Berg", "2019-05-20", "")
	other = replaceOnce(other, `code="0193"`, `code="0200"`)
	q1 := w.importMail("andere-gemeente@dji", other)
	q2 := w.importMail("ook-andere@dji", replaceOnce(melding("999990032", "Smit", "2019-05-20", ""), `code="0193"`, `code="0200"`))
	if q1.Resultaat != app.Quarantaine || q2.Resultaat != app.Quarantaine {
		t.Fatalf("results %v %v", q1, q2)
	}
	if _, err := w.svc.Retry(context.Background(), q1.QuarantineID); err != nil {
		t.Fatal(err)
	}
	w.pendingMails() // still for another gemeente: stays, with its mail
	if err := w.svc.Discard(context.Background(), q1.QuarantineID); err != nil {
		t.Fatal(err)
	}
	w.pendingMails("andere-gemeente@dji")
	if err := w.svc.Init(context.Background(), []string{"0193", "0200"}); err != nil {
		t.Fatal(err)
	}
	if rs, err := w.svc.Retry(context.Background(), q2.QuarantineID); err != nil || rs[0].Resultaat != app.Geimporteerd {
		t.Fatalf("retry: %v %v", rs, err)
	}
	w.pendingMails("andere-gemeente@dji", "ook-andere@dji")
}

func replaceOnce(s, old, new string) string { return strings.Replace(s, old, new, 1) }

// Retention takes the mails of what it destroys: an expired quarantine entry's and an
// expired person's.
func TestRetentionQueuesMails(t *testing.T) {
	w := newWorld(t)
	w.importMail("melding@dji", melding("999990019", "Berg", "2019-05-20", "2019-06-01"))
	q := w.importMail("andere@dji", replaceOnce(melding("999990032", "Smit", "2019-05-20", ""), `code="0193"`, `code="0200"`))
	if q.Resultaat != app.Quarantaine {
		t.Fatalf("result %v", q)
	}
	w.clock = w.clock.AddDate(10, 0, 0)
	rep, err := w.svc.RunRetention(context.Background(), w.clock, false)
	if err != nil || rep.Quarantaine != 1 || len(rep.Personen) != 1 {
		t.Fatalf("retention %+v %v", rep, err)
	}
	w.pendingMails("andere@dji", "melding@dji")
}

// A newer D&R-plan replaces the previous one (its removed parts are purged): the earlier
// plan's mail goes; an intrekking leaves plan mails alone (the plan rests on art. 18a
// Pbw and stays).
func TestNewerPlanQueuesTheEarlierPlanMail(t *testing.T) {
	w := newPlanWorld(t)
	importAs := func(messageID string, m *app.Message) {
		key := fmt.Sprintf("msg:%d", len(w.dec.msgs))
		w.dec.msgs[key] = m
		if _, err := w.svc.ImportBytes(context.Background(), "postvak", messageID, []byte(key)); err != nil {
			t.Fatal(err)
		}
	}
	importAs("plan02@dji", examplePlan02())
	w.pendingMails()
	importAs("plan03@dji", examplePlan03())
	w.pendingMails("plan02@dji")
}

// A revocation that destroys a quarantined informatieblad holding the revoked domain's
// data takes its mail with it.
func TestRevocationInQuarantineQueuesItsMail(t *testing.T) {
	w := newWorld(t)
	const bsn = "999990019"
	elders := replaceOnce(sheet(bsn, "Berg", "2019-06-01", "Q1", app.Onderdak, app.Schulden), `code="0193"`, `code="0200"`)
	if r := w.importMail("elders@dji", elders); r.Resultaat != app.Quarantaine {
		t.Fatalf("sheet for another gemeente: %+v", r)
	}
	w.importMail("melding@dji", melding(bsn, "Berg", "2019-05-20", "2019-08-14"))
	w.importMail("intrekking@dji", intrekking(bsn, "Berg", "2019-06-10", "schulden"))
	if q, _ := w.svc.QuarantineList(context.Background()); len(q) != 0 {
		t.Fatalf("quarantine after the revocation: %d entries", len(q))
	}
	w.pendingMails("elders@dji")
}
