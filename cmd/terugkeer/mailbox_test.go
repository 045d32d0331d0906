package main

import (
	"context"
	"errors"
	"io"
	"log"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapserver"
	"github.com/emersion/go-imap/v2/imapserver/imapmemserver"
	"github.com/zalando/go-keyring"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers"
	"github.com/terugkeer/terugkeer/importers/mailbox"
	"github.com/terugkeer/terugkeer/internal/apptest"
	"github.com/terugkeer/terugkeer/ui"
)

const testPassword = "geheim-test"

// startIMAP runs go-imap's in-memory server on loopback with the example .eml mails in
// INBOX, and returns settings to read it.
func startIMAP(t *testing.T) (app.MailboxSettings, int) {
	t.Helper()
	mem := imapmemserver.New()
	user := imapmemserver.NewUser("nazorg", testPassword)
	if err := user.Create("INBOX", nil); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, ex := range importers.Examples() {
		if !strings.HasSuffix(ex.Name, ".eml") {
			continue
		}
		raw := []byte(strings.ReplaceAll(strings.ReplaceAll(string(ex.Data), "\r\n", "\n"), "\n", "\r\n"))
		if _, err := user.Append("INBOX", imapReader{strings.NewReader(string(raw)), int64(len(raw))}, &imap.AppendOptions{}); err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n == 0 {
		t.Fatal("no .eml examples")
	}
	mem.AddUser(user)
	srv := imapserver.New(&imapserver.Options{
		NewSession: func(*imapserver.Conn) (imapserver.Session, *imapserver.GreetingData, error) {
			return mem.NewSession(), nil, nil
		},
		Caps:         imap.CapSet{imap.CapIMAP4rev1: {}, imap.CapMove: {}, imap.CapUIDPlus: {}},
		InsecureAuth: true,
		Logger:       log.New(io.Discard, "", 0),
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln) //nolint:errcheck // ends with Close
	t.Cleanup(func() { srv.Close() })
	return app.MailboxSettings{
		Server: "127.0.0.1", Poort: ln.Addr().(*net.TCPAddr).Port,
		Beveiliging: app.SecurityNone, Gebruiker: "nazorg",
	}, n
}

// imapReader is an imap.LiteralReader.
type imapReader struct {
	*strings.Reader
	size int64
}

func (r imapReader) Size() int64 { return r.size }

func envWith(pw string) func(string) string {
	return func(k string) string {
		if k == mailbox.PasswordEnv {
			return pw
		}
		return ""
	}
}

func TestMailboxFetch(t *testing.T) {
	ms, n := startIMAP(t)
	w := apptest.Open(t, apptest.WithClockFunc(time.Now))
	svc := w.Svc
	ctx := t.Context()
	if err := svc.SaveMailboxSettings(ctx, ms); err != nil {
		t.Fatal(err)
	}
	mb := &imapMailbox{svc: svc, getenv: envWith(testPassword)}

	if !mb.HasPassword(ms) {
		t.Error("HasPassword false with the password in the environment")
	}
	msg, err := mb.Test(ctx, ms)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(msg, "INBOX") {
		t.Errorf("Test said %q", msg)
	}
	if strings.Contains(msg, testPassword) {
		t.Error("Test message contains the password")
	}

	var last [2]int
	calls := 0
	results, err := mb.Fetch(ctx, "", func(done, total int) { last = [2]int{done, total}; calls++ })
	if err != nil {
		t.Fatal(err)
	}
	if calls == 0 || last != [2]int{n, n} {
		t.Errorf("progress: %d calls, last %v, want %d/%d", calls, last, n, n)
	}
	if len(results) == 0 {
		t.Fatal("no results")
	}
	imported := 0
	for _, r := range results {
		if r.Resultaat == app.Geimporteerd {
			imported++
		}
	}
	if imported == 0 {
		t.Errorf("nothing imported: %+v", results)
	}

	// A second fetch finds nothing new.
	again, err := mb.Fetch(ctx, "", func(int, int) {})
	if err != nil || len(again) != 0 {
		t.Errorf("second fetch: %d results, %v", len(again), err)
	}
}

func TestMailboxWrongPasswordAndCancel(t *testing.T) {
	ms, _ := startIMAP(t)
	mb := &imapMailbox{getenv: envWith("fout")}
	_, err := mb.Test(t.Context(), ms)
	if err == nil || strings.Contains(err.Error(), "fout") {
		t.Errorf("wrong password: %v", err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	mb.getenv = envWith(testPassword)
	if _, err := mb.Test(ctx, ms); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled test: %v", err)
	}
}

// TestMailboxKeyring stores the password in a (mock) keyring and fetches with it; without
// a keyring, storing and fetching fail with mailbox.ErrNoKeyring, which the UI shows.
func TestMailboxKeyring(t *testing.T) {
	ms, _ := startIMAP(t)
	w := apptest.Open(t, apptest.WithClockFunc(time.Now))
	svc := w.Svc
	ctx := t.Context()
	if err := svc.SaveMailboxSettings(ctx, ms); err != nil {
		t.Fatal(err)
	}
	mb := &imapMailbox{svc: svc, getenv: envWith("")}

	keyring.MockInitWithError(errors.New("no secret service"))
	if mb.HasPassword(ms) {
		t.Error("HasPassword true without a keyring")
	}
	if src, _ := mb.PasswordSource(ms); src != ui.PasswordNoKeyring {
		t.Errorf("PasswordSource without a keyring = %v", src)
	}
	if err := mb.StorePassword(ms, testPassword); !errors.Is(err, mailbox.ErrNoKeyring) {
		t.Errorf("StorePassword without keyring: %v", err)
	}
	if _, err := mb.Fetch(ctx, "", func(int, int) {}); !errors.Is(err, mailbox.ErrNoKeyring) {
		t.Errorf("Fetch without keyring: %v", err)
	}

	// Without a keyring the window asks for the password; it is used for that fetch only.
	if results, err := mb.Fetch(ctx, testPassword, func(int, int) {}); err != nil || len(results) == 0 {
		t.Errorf("Fetch with a typed password and no keyring: %d results, %v", len(results), err)
	}

	keyring.MockInit()
	if src, _ := mb.PasswordSource(ms); src != ui.PasswordNone {
		t.Errorf("PasswordSource with an empty keyring = %v", src)
	}
	if _, err := mb.Fetch(ctx, "", func(int, int) {}); !errors.Is(err, mailbox.ErrNoPassword) {
		t.Errorf("Fetch without stored password: %v", err)
	}
	if err := mb.StorePassword(ms, testPassword); err != nil {
		t.Fatal(err)
	}
	if !mb.HasPassword(ms) {
		t.Error("HasPassword false after StorePassword")
	}
	if src, _ := mb.PasswordSource(ms); src != ui.PasswordInKeyring {
		t.Errorf("PasswordSource after StorePassword = %v", src)
	}
	withEnv := &imapMailbox{svc: svc, getenv: envWith(testPassword)}
	if src, env := withEnv.PasswordSource(ms); src != ui.PasswordFromEnv || env != mailbox.PasswordEnv {
		t.Errorf("PasswordSource with %s set = %v %q", mailbox.PasswordEnv, src, env)
	}
	// The mail was already imported with the typed password: the keyring login works
	// (a wrong password fails) and finds nothing new.
	total := -1
	results, err := mb.Fetch(ctx, "", func(_, t int) { total = t })
	if err != nil || len(results) != 0 || total > 0 {
		t.Errorf("Fetch with keyring after the typed-password fetch: %d results, total %d, %v", len(results), total, err)
	}
}
