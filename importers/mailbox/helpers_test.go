package mailbox

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers"
	"github.com/terugkeer/terugkeer/internal/apptest"
	"github.com/terugkeer/terugkeer/storage/sqlite"
)

// testMail is one mail of a test mailbox and where it must end up.
type testMail struct {
	name    string
	raw     []byte
	folder  string // "map", "verwerkt" or "quarantaine"; "weg": in no folder (its data was purged)
	kenmerk string // of an imported message, "" when none
}

// exampleMails are the spec's examples as mails (the .xml files wrapped in a mail), plus a
// mail with malformed XML and a mail with broken MIME.
func exampleMails(t testing.TB) []testMail {
	t.Helper()
	want := map[string]testMail{
		"01-melding-begin.xml":  {folder: "verwerkt", kenmerk: "AGG-2019-000101"},
		"02-informatieblad.eml": {folder: "weg", kenmerk: "AGG-2019-000102"}, // deleted after 04 revokes its schulden data
		"03-melding-einde.eml":  {folder: "verwerkt", kenmerk: "AGG-2019-000103"},
		"04-intrekking.xml":     {folder: "verwerkt", kenmerk: "AGG-2019-000104"},
		"05-notificatie.eml":    {folder: "map"},
		"06-ongeldig-bsn.xml":   {folder: "quarantaine"},
	}
	var out []testMail
	for _, ex := range importers.Examples() {
		m, ok := want[ex.Name]
		if !ok {
			t.Fatalf("unexpected example %s", ex.Name)
		}
		m.name, m.raw = ex.Name, ex.Data
		if m.kenmerk != "" && !bytes.Contains(ex.Data, []byte(`kenmerk="`+m.kenmerk)) && strings.HasSuffix(ex.Name, ".xml") {
			t.Fatalf("%s does not carry %s", m.name, m.kenmerk)
		}
		if strings.HasSuffix(ex.Name, ".xml") {
			m.raw = wrapXML(ex.Name, ex.Data)
		}
		out = append(out, m)
	}
	malformed := readFile(t, "../testdata/ongeldig/malformed.xml")
	out = append(out, testMail{name: "malformed.xml", raw: wrapXML("malformed.xml", malformed), folder: "quarantaine"})
	out = append(out, testMail{name: "broken-mime.eml", raw: crlf(readFile(t, "../testdata/broken-mime.eml")), folder: "quarantaine"})
	if len(out) != 8 {
		t.Fatalf("%d test mails", len(out))
	}
	return out
}

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.FromSlash(path))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func crlf(b []byte) []byte {
	return bytes.ReplaceAll(bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n")), []byte("\n"), []byte("\r\n"))
}

// wrapXML puts an XML document in a mail as a base64 attachment.
func wrapXML(name string, xml []byte) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "From: noreply@agg.example.test\r\nTo: nazorg@gemeente.test\r\n")
	fmt.Fprintf(&b, "Subject: Bericht\r\nDate: Mon, 03 Jun 2019 10:20:00 +0200\r\n")
	fmt.Fprintf(&b, "Message-ID: <%s@test.terugkeer>\r\nMIME-Version: 1.0\r\n", strings.TrimSuffix(name, ".xml"))
	fmt.Fprintf(&b, "Content-Type: multipart/mixed; boundary=\"grens\"\r\n\r\n")
	fmt.Fprintf(&b, "--grens\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nZie de bijlage.\r\n")
	fmt.Fprintf(&b, "--grens\r\nContent-Type: application/xml\r\nContent-Transfer-Encoding: base64\r\n")
	fmt.Fprintf(&b, "Content-Disposition: attachment; filename=\"%s\"\r\n\r\n", name)
	enc := base64.StdEncoding.EncodeToString(xml)
	for len(enc) > 76 {
		b.WriteString(enc[:76] + "\r\n")
		enc = enc[76:]
	}
	b.WriteString(enc + "\r\n--grens--\r\n")
	return []byte(b.String())
}

// validBSNs returns n BSNs from the test range 999990000–999999999 that pass the elfproef.
func validBSNs(n int) []string {
	var out []string
	for v := 999990000; v <= 999999999 && len(out) < n; v++ {
		s := fmt.Sprint(v)
		if app.ValidBSN(s) {
			out = append(out, s)
		}
	}
	return out
}

// generatedMails returns n mails, each with one melding-begin-detentie for another person.
func generatedMails(t testing.TB, prefix string, n int) []testMail {
	t.Helper()
	tmpl := string(readFile(t, "../voorbeelden/01-melding-begin.xml"))
	// The test range holds 909 valid BSNs: past that, persons get a second message.
	bsns := validBSNs(n)
	out := make([]testMail, n)
	for i := range out {
		kenmerk := fmt.Sprintf("%s-%06d", prefix, i+1)
		p := i % len(bsns)
		x := strings.Replace(tmpl, "AGG-2019-000101", kenmerk, 1)
		x = strings.Replace(x, "999990019", bsns[p], 1)
		x = strings.Replace(x, "<skn>12345678</skn>", fmt.Sprintf("<skn>%d</skn>", 20000000+p), 1)
		out[i] = testMail{name: kenmerk + ".xml", raw: wrapXML(kenmerk+".xml", []byte(x)), folder: "verwerkt", kenmerk: kenmerk}
	}
	return out
}

// newService returns a service on a fresh database for gemeente 0193 (internal/apptest).
func newService(t testing.TB) (*app.Service, *sqlite.DB) {
	t.Helper()
	w := apptest.Open(t, apptest.WithClockFunc(time.Now))
	return w.Svc, w.DB
}

// account is a test server account with the settings to read it.
type account struct {
	settings app.MailboxSettings
	password string
}

func (a account) auth() Options {
	return Options{Auth: PasswordLogin{a.settings.Gebruiker, a.password}}
}

func (a account) client(t testing.TB) *imapclient.Client {
	t.Helper()
	c, err := Dial(a.settings)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Login(a.settings.Gebruiker, a.password).Wait(); err != nil {
		t.Fatal(err)
	}
	return c
}

// deliver appends the mails to the mailbox read, creating it when missing.
func (a account) deliver(t testing.TB, mails []testMail) {
	t.Helper()
	c := a.client(t)
	defer c.Close()
	s := a.settings.WithDefaults()
	if list, err := c.List("", s.Map, nil).Collect(); err != nil || len(list) == 0 {
		if err := c.Create(s.Map, nil).Wait(); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range mails {
		cmd := c.Append(s.Map, int64(len(m.raw)), nil)
		if _, err := cmd.Write(m.raw); err != nil {
			t.Fatal(err)
		}
		if err := cmd.Close(); err != nil {
			t.Fatal(err)
		}
		if _, err := cmd.Wait(); err != nil {
			t.Fatalf("append %s: %v", m.name, err)
		}
	}
}

// folders returns the Message-IDs per folder key ("map", "verwerkt", "quarantaine"),
// leaving out mail marked \Deleted.
func (a account) folders(t testing.TB) map[string][]string {
	t.Helper()
	c := a.client(t)
	defer c.Close()
	s := a.settings.WithDefaults()
	out := map[string][]string{}
	for key, name := range map[string]string{"map": s.Map, "verwerkt": s.Verwerkt, "quarantaine": s.Quarantaine} {
		sel, err := c.Select(name, &imap.SelectOptions{ReadOnly: true}).Wait()
		if err != nil || sel.NumMessages == 0 {
			continue // not created (yet), or empty
		}
		msgs, err := c.Fetch(imap.SeqSet{imap.SeqRange{Start: 1, Stop: 0}}, &imap.FetchOptions{Envelope: true, Flags: true}).Collect()
		if err != nil {
			t.Fatalf("fetch %s: %v", name, err)
		}
		for _, m := range msgs {
			if slices.Contains(m.Flags, imap.FlagDeleted) {
				continue
			}
			out[key] = append(out[key], m.Envelope.MessageID)
		}
		slices.Sort(out[key])
	}
	return out
}

// messageID returns the Message-ID of a test mail, as the server reports it.
func messageID(m testMail) string {
	for _, line := range strings.Split(string(m.raw), "\n") {
		if strings.HasPrefix(strings.ToLower(line), "message-id:") {
			return strings.Trim(strings.TrimSpace(line[len("message-id:"):]), "<>")
		}
		if strings.TrimSpace(line) == "" {
			break
		}
	}
	return ""
}

// checkExactlyOnce checks that every mail is in its folder once, every message that must
// be imported is, and that the quarantine holds one entry per quarantined mail.
func checkExactlyOnce(t testing.TB, a account, db *sqlite.DB, mails []testMail) {
	t.Helper()
	want := map[string][]string{}
	quarantined := 0
	for _, m := range mails {
		want[m.folder] = append(want[m.folder], messageID(m))
		if m.folder == "quarantaine" {
			quarantined++
		}
	}
	for k := range want {
		slices.Sort(want[k])
	}
	got := a.folders(t)
	for _, k := range []string{"map", "verwerkt", "quarantaine"} {
		if !slices.Equal(got[k], want[k]) {
			t.Errorf("folder %s holds %d mails %v, want %d %v", k, len(got[k]), got[k], len(want[k]), want[k])
		}
	}
	err := db.View(t.Context(), func(tx app.ReadTx) error {
		for _, m := range mails {
			if m.kenmerk == "" {
				continue
			}
			if ok, err := tx.MessageKnown(m.kenmerk); err != nil || !ok {
				t.Errorf("message %s not imported (%v)", m.kenmerk, err)
			}
		}
		q, err := tx.QuarantineList()
		if len(q) != quarantined {
			t.Errorf("%d quarantine entries, want %d", len(q), quarantined)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// collect gathers what a run reports.
type collected struct {
	mails    []Mail
	progress [][2]int
}

func (c *collected) options(a account) Options {
	o := a.auth()
	o.OnMail = func(m Mail) { c.mails = append(c.mails, m) }
	o.Progress = func(done, total int) { c.progress = append(c.progress, [2]int{done, total}) }
	return o
}

func (c *collected) outcomes() map[app.Outcome]int {
	out := map[app.Outcome]int{}
	for _, m := range c.mails {
		for _, r := range m.Results {
			out[r.Resultaat]++
		}
	}
	return out
}
