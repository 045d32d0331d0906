package main

import (
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/zalando/go-keyring"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers"
	"github.com/terugkeer/terugkeer/importers/mailbox"
	"github.com/terugkeer/terugkeer/importers/mailbox/oauth"
	"github.com/terugkeer/terugkeer/internal/apptest"
	"github.com/terugkeer/terugkeer/internal/testidp"
)

// The desktop wiring end to end: a casemanager signs in in "the browser" (the test
// follows the redirect), Test and Fetch then use that sign-in against a Dovecot that
// takes tokens only; after the admin revokes it the fetch says so.
func TestMailboxOAuthSignInAndFetch(t *testing.T) {
	const user = "nazorg@gemeente.test"
	keyring.MockInit()
	idp := testidp.Start(t)
	idp.AddApp("bezorger", "bezorg-geheim", user)
	idp.AddPublicClient("desktop")
	idp.SignIn(user)
	host, port := idp.Dovecot(t)
	ms := app.MailboxSettings{Server: host, Poort: port, Beveiliging: app.SecurityNone, Gebruiker: user,
		Aanmelding: app.SignInOAuth2, OAuth: app.MailboxOAuth{ClientID: "desktop", TokenURL: idp.TokenURL()}}
	deliverWithApp(t, ms)

	w := apptest.Open(t, apptest.WithClockFunc(time.Now))
	svc := w.Svc
	ctx := t.Context()
	if err := svc.SaveMailboxSettings(ctx, ms); err != nil {
		t.Fatal(err)
	}
	mb := &imapMailbox{svc: svc, getenv: func(string) string { return "" }}
	if mb.SignedIn(ms) || mb.HasPassword(ms) {
		t.Fatal("signed in before signing in")
	}
	browser := func(u string) error {
		resp, err := http.Get(u)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		_, err = io.Copy(io.Discard, resp.Body)
		return err
	}
	if err := mb.SignIn(ctx, ms, browser); err != nil {
		t.Fatal(err)
	}
	if !mb.SignedIn(ms) {
		t.Fatal("not signed in after the browser sign-in")
	}
	if msg, err := mb.Test(ctx, ms); err != nil || !strings.Contains(msg, "INBOX") {
		t.Fatalf("test: %q %v", msg, err)
	}
	results, err := mb.Fetch(ctx, "", func(int, int) {})
	if err != nil || len(results) == 0 {
		t.Fatalf("fetch: %d results, %v", len(results), err)
	}
	idp.RevokeGrants(user)
	idp.ExpireAccessTokens()
	if _, err := mb.Fetch(ctx, "", func(int, int) {}); !errors.Is(err, app.ErrMailboxSignInExpired) {
		t.Errorf("fetch after revocation: %v", err)
	}
	if mb.SignedIn(ms) {
		t.Error("still signed in after the revocation")
	}
}

// deliverWithApp puts the .eml examples in INBOX, signed in with client credentials.
func deliverWithApp(t *testing.T, ms app.MailboxSettings) {
	t.Helper()
	s := ms
	s.OAuth.ClientID = "bezorger"
	ts, err := oauth.AppTokens(t.Context(), s, "bezorg-geheim")
	if err != nil {
		t.Fatal(err)
	}
	c, err := mailbox.Dial(s)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := (mailbox.OAuth2Login{User: s.Gebruiker, Tokens: ts}).Authenticate(c); err != nil {
		t.Fatal(err)
	}
	for _, ex := range importers.Examples() {
		if !strings.HasSuffix(ex.Name, ".eml") {
			continue
		}
		raw := []byte(strings.ReplaceAll(strings.ReplaceAll(string(ex.Data), "\r\n", "\n"), "\n", "\r\n"))
		cmd := c.Append("INBOX", int64(len(raw)), nil)
		cmd.Write(raw) //nolint:errcheck // reported by Close/Wait
		if err := cmd.Close(); err != nil {
			t.Fatal(err)
		}
		if _, err := cmd.Wait(); err != nil {
			t.Fatal(err)
		}
	}
}
