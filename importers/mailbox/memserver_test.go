package mailbox

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log"
	"net"
	"strings"
	"sync"
	"testing"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapserver"
	"github.com/emersion/go-imap/v2/imapserver/imapmemserver"

	"github.com/terugkeer/terugkeer/app"
)

// memServer is go-imap's in-memory server on a loopback listener. It records what
// clients send, and can drop a connection when a command arrives.
type memServer struct {
	account
	user *imapmemserver.User

	mu       sync.Mutex
	sent     bytes.Buffer // everything clients sent, all connections
	dropOn   string       // drop the connection when this arrives for the dropAt-th time
	dropAt   int
	seen     int
	dropped  bool
	listener net.Listener
}

var (
	capsFull      = imap.CapSet{imap.CapIMAP4rev1: {}, imap.CapMove: {}, imap.CapUIDPlus: {}}
	capsNoMove    = imap.CapSet{imap.CapIMAP4rev1: {}, imap.CapUIDPlus: {}}
	capsRev1Plain = imap.CapSet{imap.CapIMAP4rev1: {}}
)

func startMem(t testing.TB, caps imap.CapSet) *memServer {
	t.Helper()
	mem := imapmemserver.New()
	user := imapmemserver.NewUser("nazorg", "geheim-test")
	if err := user.Create("INBOX", nil); err != nil {
		t.Fatal(err)
	}
	mem.AddUser(user)
	srv := imapserver.New(&imapserver.Options{
		NewSession: func(*imapserver.Conn) (imapserver.Session, *imapserver.GreetingData, error) {
			return mem.NewSession(), nil, nil
		},
		Caps:         caps,
		InsecureAuth: true,
		Logger:       log.New(io.Discard, "", 0),
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	m := &memServer{user: user, listener: ln}
	go srv.Serve(recordingListener{ln, m}) //nolint:errcheck // ends with Close
	t.Cleanup(func() { srv.Close() })
	addr := ln.Addr().(*net.TCPAddr)
	m.account = account{
		settings: app.MailboxSettings{Server: "127.0.0.1", Poort: addr.Port, Beveiliging: app.SecurityNone, Gebruiker: "nazorg"},
		password: "geheim-test",
	}
	return m
}

// dropWhen makes the server drop the connection, once, when the n-th occurrence of cmd
// arrives (before the server sees it).
func (m *memServer) dropWhen(cmd string, n int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.dropOn, m.dropAt, m.seen, m.dropped = cmd, n, 0, false
}

func (m *memServer) sentText() string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.sent.String()
}

func (m *memServer) resetSent() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.sent.Reset()
}

type recordingListener struct {
	net.Listener
	m *memServer
}

func (l recordingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &recordingConn{Conn: c, m: l.m}, nil
}

type recordingConn struct {
	net.Conn
	m *memServer
}

func (c *recordingConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	m := c.m
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.dropOn != "" && !m.dropped {
		m.seen += strings.Count(string(p[:n]), m.dropOn)
		if m.seen >= m.dropAt {
			m.dropped = true
			c.Conn.Close()
			return 0, net.ErrClosed
		}
	}
	m.sent.Write(p[:n])
	return n, err
}

func TestRunImportsExamplesAndTidiesTheMailbox(t *testing.T) {
	srv := startMem(t, capsFull)
	mails := exampleMails(t)
	srv.deliver(t, mails)
	svc, db := newService(t)
	var got collected
	sum, err := Run(t.Context(), svc, srv.settings, got.options(srv.account))
	if err != nil {
		t.Fatal(err)
	}
	if sum != (Summary{Verwerkt: 4, Quarantaine: 3, Gebleven: 1, Verwijderd: 1}) {
		t.Errorf("summary %+v", sum)
	}
	o := got.outcomes()
	if o[app.Geimporteerd] != 4 || o[app.Quarantaine] != 3 || o[app.GeenBericht] != 1 || o[app.Dubbel] != 0 {
		t.Errorf("outcomes %v", o)
	}
	if len(got.mails) != len(mails) {
		t.Fatalf("%d mails reported, want %d", len(got.mails), len(mails))
	}
	for i, m := range got.mails {
		// The informatieblad went to Verwerkt; the cleanup deleted it after the intrekking.
		want := map[string]string{"map": "INBOX", "verwerkt": "Verwerkt", "quarantaine": "Quarantaine", "weg": "Verwerkt"}[mails[i].folder]
		if m.Map != want || m.UID != uint32(i+1) {
			t.Errorf("mail %s: uid %d in %q, want uid %d in %q", mails[i].name, m.UID, m.Map, i+1, want)
		}
	}
	if n := len(got.progress); n != len(mails) || got.progress[n-1] != [2]int{8, 8} || got.progress[0] != [2]int{1, 8} {
		t.Errorf("progress %v", got.progress)
	}
	checkExactlyOnce(t, srv.account, db, mails)
	if !strings.Contains(srv.sentText(), "UID MOVE") {
		t.Error("server with MOVE: no UID MOVE sent")
	}

	// A second run fetches nothing: the notification that stayed is remembered.
	srv.resetSent()
	got = collected{}
	sum, err = Run(t.Context(), svc, srv.settings, got.options(srv.account))
	if err != nil || sum != (Summary{}) || len(got.mails) != 0 {
		t.Errorf("second run: %+v %v, %d mails", sum, err, len(got.mails))
	}
	if strings.Contains(srv.sentText(), "BODY.PEEK[]") {
		t.Error("second run fetched mail bodies")
	}
	checkExactlyOnce(t, srv.account, db, mails)

	// New mail is imported by the next run, and only that.
	extra := generatedMails(t, "AGG-2026-NIEUW", 2)
	srv.deliver(t, extra)
	got = collected{}
	if sum, err = Run(t.Context(), svc, srv.settings, got.options(srv.account)); err != nil || sum.Verwerkt != 2 || len(got.mails) != 2 {
		t.Errorf("run with new mail: %+v %v", sum, err)
	}
	checkExactlyOnce(t, srv.account, db, append(mails, extra...))
}

// The IMAP work is batched: one UID FETCH of bodies and one move per folder for every
// group of maxBatch mails, not a command per mail, on servers with and without MOVE.
func TestRunBatchesIMAPCommands(t *testing.T) {
	const n = 2*maxBatch + maxBatch/2 // three groups
	for _, tc := range []struct {
		caps imap.CapSet
		cmds []string // sent once per group
	}{
		{capsFull, []string{"UID MOVE"}},
		{capsNoMove, []string{"UID COPY", "UID STORE", "UID EXPUNGE"}},
	} {
		srv := startMem(t, tc.caps)
		mails := generatedMails(t, "AGG-2026-GROEP", n)
		srv.deliver(t, mails)
		svc, db := newService(t)
		srv.resetSent()
		if sum, err := Run(t.Context(), svc, srv.settings, srv.auth()); err != nil || sum.Verwerkt != n {
			t.Fatalf("run: %+v %v", sum, err)
		}
		checkExactlyOnce(t, srv.account, db, mails)
		count := map[string]int{}
		for _, line := range strings.Split(srv.sentText(), "\r\n") {
			_, cmd, _ := strings.Cut(line, " ")
			for _, c := range append([]string{"UID FETCH"}, tc.cmds...) {
				if strings.HasPrefix(cmd, c+" ") && (c != "UID FETCH" || strings.Contains(cmd, "BODY.PEEK[]")) {
					count[c]++
				}
			}
		}
		for _, c := range append([]string{"UID FETCH"}, tc.cmds...) {
			if count[c] != 3 {
				t.Errorf("%d mails: %s sent %d times, want once per group (3)", n, c, count[c])
			}
		}
	}
}

func TestRunWithoutMove(t *testing.T) {
	for _, tc := range []struct {
		name string
		caps imap.CapSet
		want string // the expunge command
	}{
		{"UIDPLUS", capsNoMove, "UID EXPUNGE"},
		{"IMAP4rev1", capsRev1Plain, " EXPUNGE"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := startMem(t, tc.caps)
			mails := exampleMails(t)
			srv.deliver(t, mails)
			svc, db := newService(t)
			if _, err := Run(t.Context(), svc, srv.settings, srv.auth()); err != nil {
				t.Fatal(err)
			}
			checkExactlyOnce(t, srv.account, db, mails)
			sent := srv.sentText()
			if strings.Contains(sent, "MOVE") {
				t.Error("MOVE sent to a server without MOVE")
			}
			for _, cmd := range []string{"UID COPY", "UID STORE", tc.want} {
				if !strings.Contains(sent, cmd) {
					t.Errorf("%s not sent", cmd)
				}
			}
			if tc.caps.Has(imap.CapUIDPlus) == strings.Contains(sent, "\r\n"+firstTag(sent, " EXPUNGE")+" EXPUNGE") {
				t.Errorf("plain EXPUNGE used = %v with UIDPLUS = %v", !tc.caps.Has(imap.CapUIDPlus), tc.caps.Has(imap.CapUIDPlus))
			}
		})
	}
}

// firstTag returns the tag of the first line containing cmd right after its tag.
func firstTag(sent, cmd string) string {
	for _, line := range strings.Split(sent, "\r\n") {
		tag, rest, ok := strings.Cut(line, " ")
		if ok && " "+rest == cmd {
			return tag
		}
	}
	return "\x00"
}

// Without UIDPLUS, a plain EXPUNGE would also remove mail someone else marked \Deleted:
// the run must leave that mail alone.
func TestRunWithoutUIDPlusSparesOthersDeletedMail(t *testing.T) {
	srv := startMem(t, capsRev1Plain)
	foreign := generatedMails(t, "AGG-2026-ANDER", 1)
	srv.deliver(t, foreign)
	c := srv.client(t)
	if _, err := c.Select("INBOX", nil).Wait(); err != nil {
		t.Fatal(err)
	}
	del := &imap.StoreFlags{Op: imap.StoreFlagsAdd, Silent: true, Flags: []imap.Flag{imap.FlagDeleted}}
	if err := c.Store(imap.SeqSetNum(1), del, nil).Close(); err != nil {
		t.Fatal(err)
	}
	c.Close()
	mails := exampleMails(t)
	srv.deliver(t, mails)
	svc, db := newService(t)
	if _, err := Run(t.Context(), svc, srv.settings, srv.auth()); err != nil {
		t.Fatal(err)
	}
	checkExactlyOnce(t, srv.account, db, mails) // folders() leaves out mail marked \Deleted
	known := true
	db.View(t.Context(), func(tx app.ReadTx) error { //nolint:errcheck // checked through known
		known, _ = tx.MessageKnown(foreign[0].kenmerk)
		return nil
	})
	if known {
		t.Error("mail marked \\Deleted by someone else was imported")
	}
	c = srv.client(t)
	defer c.Close()
	data, err := c.Select("INBOX", nil).Wait()
	if err != nil {
		t.Fatal(err)
	}
	// The foreign mail, the notification, and the 7 moved originals still marked \Deleted.
	if data.NumMessages != 9 {
		t.Errorf("INBOX holds %d mails, want 9 (nothing expunged)", data.NumMessages)
	}
	// The only plain EXPUNGE is the cleanup's, in Verwerkt, where no one else's mail is
	// marked \Deleted.
	sent := srv.sentText()
	for i := strings.Index(sent, " EXPUNGE\r\n"); i >= 0; i = indexFrom(sent, " EXPUNGE\r\n", i+1) {
		if sel := strings.LastIndex(sent[:i], " SELECT "); sel < 0 || !strings.HasPrefix(sent[sel:], ` SELECT "Verwerkt"`) && !strings.HasPrefix(sent[sel:], " SELECT Verwerkt") {
			t.Error("EXPUNGE sent in a folder where someone else's mail was marked \\Deleted")
		}
	}
	// A second run does not touch the mail marked \Deleted.
	if sum, err := Run(t.Context(), svc, srv.settings, srv.auth()); err != nil || sum != (Summary{}) {
		t.Errorf("second run %+v %v", sum, err)
	}
}

// The connection drops in the middle of a run, at several points; the next run ends
// with every message imported exactly once and every mail in its folder once.
func TestRunDroppedConnection(t *testing.T) {
	for _, tc := range []struct {
		name string
		caps imap.CapSet
		cmd  string
		n    int
	}{
		{"before the third MOVE", capsFull, "UID MOVE", 3},
		{"before the second body fetch", capsFull, "BODY.PEEK[]", 2},
		{"before the third COPY", capsNoMove, "UID COPY", 3},
		{"before the second EXPUNGE", capsNoMove, "UID EXPUNGE", 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := startMem(t, tc.caps)
			mails := append(exampleMails(t), generatedMails(t, "AGG-2026-VAL", 150)...)
			srv.deliver(t, mails)
			svc, db := newService(t)
			srv.dropWhen(tc.cmd, tc.n)
			var first collected
			_, err := Run(t.Context(), svc, srv.settings, first.options(srv.account))
			if err == nil {
				t.Fatal("run over a dropped connection succeeded")
			}
			if strings.Contains(err.Error(), srv.password) {
				t.Error("error shows the password")
			}
			var second collected
			if _, err := Run(t.Context(), svc, srv.settings, second.options(srv.account)); err != nil {
				t.Fatal(err)
			}
			checkExactlyOnce(t, srv.account, db, mails)
			if o := second.outcomes(); o[app.Dubbel] > 2*maxBatch {
				t.Errorf("second run: %v: more than the mails waiting for their move seen again", o)
			}
			// Mails whose move failed are reported in the mailbox read, and again next run.
			settled := 0
			for _, m := range first.mails {
				if m.Map != "INBOX" || m.Results[0].Resultaat == app.GeenBericht {
					settled++
				}
			}
			if n := settled + len(second.mails); n > len(mails) {
				t.Errorf("%d of %d mails settled in the first run, %d in the second; %d in all", settled, len(first.mails), len(second.mails), len(mails))
			}
		})
	}
}

// A crash between an import's commit and the move of its mail: the mail is fetched
// again, its message is "dubbel", its quarantined part finds its existing entry.
func TestRunAfterCrashBeforeMove(t *testing.T) {
	srv := startMem(t, capsFull)
	mails := exampleMails(t)
	srv.deliver(t, mails)
	svc, db := newService(t)
	srv.dropWhen("UID MOVE", 1) // the first four mails are imported, not moved
	if _, err := Run(t.Context(), svc, srv.settings, srv.auth()); err == nil {
		t.Fatal("no error")
	}
	var got collected
	if _, err := Run(t.Context(), svc, srv.settings, got.options(srv.account)); err != nil {
		t.Fatal(err)
	}
	if o := got.outcomes(); o[app.Dubbel] != 4 || o[app.Geimporteerd] != 0 {
		t.Errorf("outcomes %v, want the first four mails dubbel", o)
	}
	checkExactlyOnce(t, srv.account, db, mails)

	// The same for a quarantined mail (06 is the sixth).
	srv2 := startMem(t, capsFull)
	srv2.deliver(t, mails)
	svc2, db2 := newService(t)
	srv2.dropWhen("UID MOVE", 2) // the first moves 01-04 (before 05 stays), the second 06-08
	if _, err := Run(t.Context(), svc2, srv2.settings, srv2.auth()); err == nil {
		t.Fatal("no error")
	}
	if _, err := Run(t.Context(), svc2, srv2.settings, srv2.auth()); err != nil {
		t.Fatal(err)
	}
	checkExactlyOnce(t, srv2.account, db2, mails)
}

// Cancelling the context stops the run; the next run finishes the work exactly once.
func TestRunCancelled(t *testing.T) {
	srv := startMem(t, capsFull)
	mails := append(exampleMails(t), generatedMails(t, "AGG-2026-STOP", 20)...)
	srv.deliver(t, mails)
	svc, db := newService(t)
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	opts := srv.auth()
	opts.Progress = func(done, total int) {
		if done == 3 {
			cancel()
		}
	}
	if _, err := Run(ctx, svc, srv.settings, opts); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled run: %v", err)
	}
	if f := srv.folders(t); len(f["map"]) < len(mails)-3 {
		t.Errorf("cancelled after 3 mails, %d left in the mailbox", len(f["map"]))
	}
	if _, err := Run(t.Context(), svc, srv.settings, srv.auth()); err != nil {
		t.Fatal(err)
	}
	checkExactlyOnce(t, srv.account, db, mails)
}

// After a UIDVALIDITY change the UIDs mean nothing: the run falls back to the kenmerk
// (messages are "dubbel") and recognises the notification by Message-ID.
func TestRunAfterUIDValidityChange(t *testing.T) {
	srv := startMem(t, capsFull)
	mails := exampleMails(t)
	srv.deliver(t, mails)
	svc, db := newService(t)
	if _, err := Run(t.Context(), svc, srv.settings, srv.auth()); err != nil {
		t.Fatal(err)
	}
	key := srv.settings.Sleutel()
	st, err := svc.MailboxState(t.Context(), key)
	if err != nil || len(st.UIDs) != 1 || st.UIDs[0].MessageID == "" {
		t.Fatalf("state %+v %v, want the notification", st, err)
	}
	// The server "rebuilt" its mailbox: same mail, new UIDVALIDITY (simulated by recording
	// another validity and UID for the same mail, and delivering the examples again).
	notification := st.UIDs[0]
	notification.UID = 4242
	if err := svc.ResetMailboxState(t.Context(), key, st.UIDValidity+1); err != nil {
		t.Fatal(err)
	}
	if err := svc.RecordMailboxUID(t.Context(), key, notification); err != nil {
		t.Fatal(err)
	}
	srv.deliver(t, mails[:4])
	srv.resetSent()
	var got collected
	sum, err := Run(t.Context(), svc, srv.settings, got.options(srv.account))
	if err != nil {
		t.Fatal(err)
	}
	if o := got.outcomes(); o[app.Dubbel] != 4 || o[app.GeenBericht] != 1 || o[app.Geimporteerd] != 0 {
		t.Errorf("outcomes %v, want 4 dubbel and the notification recognised", o)
	}
	if sum.Verwerkt != 4 || sum.Gebleven != 1 {
		t.Errorf("summary %+v", sum)
	}
	if n := strings.Count(srv.sentText(), "BODY.PEEK[]"); n != 1 {
		t.Errorf("%d body fetches, want 1 (the four examples, not the notification)", n)
	}
	st, _ = svc.MailboxState(t.Context(), key)
	if len(st.UIDs) != 1 || st.UIDs[0].UID == 4242 {
		t.Errorf("state after the change %+v", st)
	}
	// The examples are now in Verwerkt twice (delivered twice), except the informatieblad
	// deleted after the first run's intrekking (its second copy is "dubbel" and purges
	// nothing); the database holds each once.
	f := srv.folders(t)
	if len(f["verwerkt"]) != 7 || len(f["map"]) != 1 {
		t.Errorf("folders %v", f)
	}
	checkExactlyOnceDB(t, db, mails)
}

func checkExactlyOnceDB(t *testing.T, db interface {
	View(context.Context, func(app.ReadTx) error) error
}, mails []testMail) {
	t.Helper()
	db.View(t.Context(), func(tx app.ReadTx) error { //nolint:errcheck // failures are reported inside
		for _, m := range mails {
			if ok, err := tx.MessageKnown(m.kenmerk); m.kenmerk != "" && (err != nil || !ok) {
				t.Errorf("%s not imported", m.kenmerk)
			}
		}
		if q, _ := tx.QuarantineList(); len(q) != 3 {
			t.Errorf("%d quarantine entries, want 3", len(q))
		}
		return nil
	})
}

func TestRunRefusesPlainTextToAnotherHost(t *testing.T) {
	svc, _ := newService(t)
	s := app.MailboxSettings{Server: "imap.gemeente.test", Beveiliging: app.SecurityNone, Gebruiker: "nazorg"}
	_, err := Run(t.Context(), svc, s, Options{Auth: PasswordLogin{"nazorg", "x"}})
	if err == nil || !strings.Contains(err.Error(), "alleen toegestaan") {
		t.Errorf("plain text to another host: %v", err)
	}
}

func TestRunWrongPassword(t *testing.T) {
	srv := startMem(t, capsFull)
	svc, _ := newService(t)
	_, err := Run(t.Context(), svc, srv.settings, Options{Auth: PasswordLogin{"nazorg", "fout-wachtwoord-123"}})
	if err == nil || !strings.Contains(err.Error(), "inloggen") || strings.Contains(err.Error(), "fout-wachtwoord-123") {
		t.Errorf("wrong password: %v", err)
	}
}

func TestDestination(t *testing.T) {
	s := app.MailboxSettings{}
	r := func(o ...app.Outcome) []app.Result {
		var out []app.Result
		for _, x := range o {
			out = append(out, app.Result{Resultaat: x})
		}
		return out
	}
	for _, tc := range []struct {
		results []app.Result
		want    string
	}{
		{r(app.GeenBericht), ""},
		{r(app.Geimporteerd), "Verwerkt"},
		{r(app.Dubbel), "Verwerkt"},
		{r(app.Geimporteerd, app.Quarantaine), "Quarantaine"},
		{r(app.Quarantaine), "Quarantaine"},
	} {
		if got := Destination(tc.results, s); got != tc.want {
			t.Errorf("%v: %q, want %q", tc.results, got, tc.want)
		}
	}
}

// indexFrom is strings.Index from position i on, or -1.
func indexFrom(s, sub string, i int) int {
	if j := strings.Index(s[i:], sub); j >= 0 {
		return i + j
	}
	return -1
}
