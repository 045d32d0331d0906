package mailbox

import (
	"bytes"
	"strings"
	"testing"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers"
)

// TestRunRefusesAMailOverTheFileLimit: a mail over 64 MiB is refused as a file is: its
// body is not fetched and nothing of it reaches the database; it goes to the mailbox's
// quarantine folder (not lost), with a reason, and a second run leaves it there.
func TestRunRefusesAMailOverTheFileLimit(t *testing.T) {
	srv := startMem(t, capsFull)
	var b bytes.Buffer
	b.WriteString("From: noreply@agg.example.test\r\nTo: nazorg@gemeente.test\r\nSubject: groot\r\n" +
		"Message-ID: <groot@agg.example.test>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n")
	line := strings.Repeat("x", 998) + "\r\n"
	for b.Len() <= importers.MaxFileSize {
		b.WriteString(line)
	}
	big := testMail{name: "groot", raw: b.Bytes(), folder: "quarantaine"}
	srv.deliver(t, []testMail{big})
	svc, _ := newService(t)
	var got collected
	sum, err := Run(t.Context(), svc, srv.settings, got.options(srv.account))
	if err != nil {
		t.Fatal(err)
	}
	if sum.Quarantaine != 1 || len(got.mails) != 1 || got.mails[0].Map != "Quarantaine" {
		t.Fatalf("summary %+v, mails %+v", sum, got.mails)
	}
	if r := got.mails[0].Results; len(r) != 1 || r[0].Resultaat != app.Quarantaine || !strings.Contains(r[0].Reden, "groter dan 64 MiB") {
		t.Errorf("results %+v", r)
	}
	if strings.Contains(srv.sentText(), "BODY.PEEK[]") {
		t.Error("the mail's body was fetched")
	}
	q, err := svc.QuarantineList(t.Context())
	if err != nil || len(q) != 0 {
		t.Errorf("database quarantine %+v, %v: the mail's bytes must not be stored", q, err)
	}
	if f := srv.account.folders(t); len(f["quarantaine"]) != 1 || len(f["map"]) != 0 {
		t.Errorf("folders %v", f)
	}
}
