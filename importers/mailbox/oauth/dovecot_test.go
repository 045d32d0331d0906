package oauth

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/zalando/go-keyring"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers"
	"github.com/terugkeer/terugkeer/importers/mailbox"
	"github.com/terugkeer/terugkeer/internal/apptest"
	"github.com/terugkeer/terugkeer/internal/testidp"
)

const (
	testMailbox = "nazorg@gemeente.test"
	appID       = "terugkeer-app"
	appSecret   = "Sec.ret~app-7f3a9c"
	desktopID   = "terugkeer-desktop"
)

// fixture is an IdP and a Dovecot that checks tokens there, with settings for both.
type fixture struct {
	idp *testidp.IdP
	s   app.MailboxSettings
}

func newFixture(t *testing.T, clientID string) fixture { return fixtureWith(t, clientID, true) }

func fixtureWith(t *testing.T, clientID string, withDovecot bool) fixture {
	t.Helper()
	keyring.MockInit()
	idp := testidp.Start(t)
	idp.AddApp(appID, appSecret, testMailbox)
	idp.AddPublicClient(desktopID)
	host, port := "127.0.0.1", 1 // no mail server: the test talks to the IdP only
	if withDovecot {
		host, port = idp.Dovecot(t)
	}
	return fixture{idp: idp, s: app.MailboxSettings{
		Server: host, Poort: port, Beveiliging: app.SecurityNone, Gebruiker: testMailbox,
		Aanmelding: app.SignInOAuth2, OAuth: app.MailboxOAuth{ClientID: clientID, TokenURL: idp.TokenURL()},
	}.WithDefaults()}
}

func newService(t *testing.T) *app.Service {
	t.Helper()
	w := apptest.Open(t, apptest.WithClockFunc(time.Now))
	svc := w.Svc
	return svc
}

// deliver appends the spec's examples (XML ones wrapped in a mail) with the tokens.
func deliver(t *testing.T, s app.MailboxSettings, ts mailbox.TokenSource) int {
	t.Helper()
	c, err := mailbox.Dial(s)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := (mailbox.OAuth2Login{User: s.Gebruiker, Tokens: ts}).Authenticate(c); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, ex := range importers.Examples() {
		raw := ex.Data
		if strings.HasSuffix(ex.Name, ".xml") {
			raw = []byte(fmt.Sprintf("From: agg@test\r\nSubject: Bericht\r\nMessage-ID: <%s@test>\r\nContent-Type: application/xml\r\n"+
				"Content-Disposition: attachment; filename=%q\r\n\r\n%s", ex.Name, ex.Name, strings.ReplaceAll(string(ex.Data), "\n", "\r\n")))
		}
		cmd := c.Append("INBOX", int64(len(raw)), nil)
		if _, err := cmd.Write(raw); err != nil {
			t.Fatal(err)
		}
		if err := cmd.Close(); err != nil {
			t.Fatal(err)
		}
		if _, err := cmd.Wait(); err != nil {
			t.Fatalf("append %s: %v", ex.Name, err)
		}
		n++
	}
	return n
}

func run(t *testing.T, svc *app.Service, s app.MailboxSettings, ts mailbox.TokenSource) (mailbox.Summary, error) {
	t.Helper()
	return mailbox.Run(t.Context(), svc, s, mailbox.Options{Auth: mailbox.OAuth2Login{User: s.Gebruiker, Tokens: ts}})
}

// The unattended case: client credentials, against a Dovecot that takes tokens only.
func TestDovecotClientCredentials(t *testing.T) {
	f := newFixture(t, appID)
	ts, err := Tokens(t.Context(), f.s, env(SecretEnv, appSecret))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := ts.(*appTokens); !ok {
		t.Fatalf("with %s set: %T, want client credentials", SecretEnv, ts)
	}
	n := deliver(t, f.s, ts)
	svc := newService(t)
	sum, err := run(t, svc, f.s, ts)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Verwerkt+sum.Quarantaine+sum.Gebleven != n || sum.Verwerkt == 0 || sum.Quarantaine == 0 {
		t.Errorf("summary %+v for %d mails", sum, n)
	}
	if got := f.idp.Issued(testidp.GrantClientCredentials); got != 1 {
		t.Errorf("%d client-credentials tokens, want 1 (cached between the two logins)", got)
	}
	if f.idp.Introspected() < 2 {
		t.Errorf("Dovecot introspected %d tokens, want one per login", f.idp.Introspected())
	}

	// The token expires early (the IdP says inactive, the client's clock says valid):
	// the next run is refused once, gets a fresh token and goes on.
	f.idp.ExpireAccessTokens()
	if _, err := run(t, svc, f.s, ts); err != nil {
		t.Fatalf("run after expiry: %v", err)
	}
	if got := f.idp.Issued(testidp.GrantClientCredentials); got != 2 {
		t.Errorf("%d client-credentials tokens after the expiry, want 2", got)
	}
}

// Dovecot in this mode has no password login at all.
func TestDovecotRefusesPasswords(t *testing.T) {
	f := newFixture(t, appID)
	c, err := mailbox.Dial(f.s)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	caps := c.Caps()
	if caps.Has(imap.Cap("AUTH=PLAIN")) || !caps.Has(imap.Cap("AUTH=OAUTHBEARER")) || !caps.Has(imap.Cap("AUTH=XOAUTH2")) {
		t.Errorf("capabilities %v", caps)
	}
	if err := (mailbox.PasswordLogin{User: testMailbox, Password: appSecret}).Authenticate(c); err == nil {
		t.Error("password login accepted")
	}
}

func TestDovecotWrongSecret(t *testing.T) {
	f := newFixture(t, appID)
	wrong := "Wr0ng~secret-" + strings.Repeat("x", 8)
	ts, err := Tokens(t.Context(), f.s, env(SecretEnv, wrong))
	if err != nil {
		t.Fatal(err)
	}
	_, err = run(t, newService(t), f.s, ts)
	if !errors.Is(err, ErrClientRefused) {
		t.Fatalf("error %v, want ErrClientRefused", err)
	}
	if strings.Contains(err.Error(), wrong) || strings.Contains(err.Error(), appSecret) {
		t.Errorf("error shows the secret: %v", err)
	}
	if f.idp.Introspected() != 0 {
		t.Error("a token reached Dovecot")
	}
}

// A token for the wrong mailbox (the app has no mailbox permission for it) is refused by
// Dovecot, also after a fresh one.
func TestDovecotTokenForAnotherMailbox(t *testing.T) {
	f := newFixture(t, appID)
	s := f.s
	s.Gebruiker = "ander@gemeente.test"
	ts, err := AppTokens(t.Context(), s, appSecret)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := run(t, newService(t), s, ts); !errors.Is(err, mailbox.ErrTokenRefused) {
		t.Errorf("error %v, want ErrTokenRefused", err)
	}
}

// browser plays the system browser: it follows the sign-in page's redirect to the
// loopback listener and returns what that page said.
type browser struct {
	t    *testing.T
	page string
	auth *url.URL
}

func (b *browser) open(u string) error {
	parsed, err := url.Parse(u)
	if err != nil {
		return err
	}
	b.auth = parsed
	resp, err := http.Get(u)
	if err != nil {
		b.t.Errorf("browser: %v", err)
		return nil
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	b.page = string(body)
	return nil
}

// The interactive case: PKCE in the browser, the refresh token in the keyring, refreshed
// silently when the access token expired, and a revoked grant.
func TestDovecotBrowserSignInRefreshAndRevoke(t *testing.T) {
	f := newFixture(t, desktopID)
	f.idp.SignIn(testMailbox)
	b := &browser{t: t}
	if err := SignInBrowser(t.Context(), f.s, b.open); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.page, "U bent aangemeld") {
		t.Errorf("browser page %q", b.page)
	}
	q := b.auth.Query()
	if q.Get("code_challenge_method") != "S256" || q.Get("scope") != strings.Join(UserScopes, " ") || q.Has("login_hint") {
		t.Errorf("authorize request %v", q)
	}
	if r, _ := url.Parse(q.Get("redirect_uri")); r == nil || r.Hostname() != "127.0.0.1" || r.Port() == "" {
		t.Errorf("redirect_uri %q", q.Get("redirect_uri"))
	}
	if !SignedIn(f.s) {
		t.Fatal("no refresh token kept")
	}
	first, _ := loadRefresh(f.s)

	ts, err := Tokens(t.Context(), f.s, env())
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := ts.(*userTokens); !ok {
		t.Fatalf("signed in, no secret: %T, want the user's tokens", ts)
	}
	deliver(t, f.s, ts)
	svc := newService(t)
	if _, err := run(t, svc, f.s, ts); err != nil {
		t.Fatal(err)
	}

	// Expired mid-way: refreshed silently, the rotated refresh token kept.
	f.idp.ExpireAccessTokens()
	if _, err := run(t, svc, f.s, ts); err != nil {
		t.Fatalf("run after expiry: %v", err)
	}
	if got := f.idp.Issued(testidp.GrantRefreshToken); got < 2 {
		t.Errorf("%d refreshes, want one at the start and one after the expiry", got)
	}
	if now, _ := loadRefresh(f.s); now == first || now == "" {
		t.Error("the rotated refresh token was not kept")
	}

	// A new run (the app restarted) signs in silently with the kept refresh token.
	ts2, err := Tokens(t.Context(), f.s, env())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := run(t, svc, f.s, ts2); err != nil {
		t.Fatalf("run with the kept refresh token: %v", err)
	}

	// The admin revokes the grant: one Dutch sentence, and the user is signed out.
	f.idp.RevokeGrants(testMailbox)
	_, err = run(t, svc, f.s, ts2)
	if !errors.Is(err, ErrSignInExpired) {
		t.Fatalf("after revocation: %v, want ErrSignInExpired", err)
	}
	if SignedIn(f.s) {
		t.Error("still signed in after the grant was revoked")
	}
	if _, err := Tokens(t.Context(), f.s, env()); !errors.Is(err, ErrNotSignedIn) {
		t.Errorf("tokens after revocation: %v", err)
	}
}

func TestBrowserSignInRefused(t *testing.T) {
	f := fixtureWith(t, desktopID, false)
	// Nobody signs in at the IdP: it redirects back with access_denied.
	b := &browser{t: t}
	err := SignInBrowser(t.Context(), f.s, b.open)
	if err == nil || !strings.Contains(err.Error(), "geweigerd") {
		t.Errorf("error %v", err)
	}
	if !strings.Contains(b.page, "niet gelukt") || SignedIn(f.s) {
		t.Errorf("page %q, signed in %v", b.page, SignedIn(f.s))
	}
}

// The fallback: the device-code flow, the test typing the code on the IdP's page.
func TestDovecotDeviceSignIn(t *testing.T) {
	f := newFixture(t, desktopID)
	f.idp.SignIn(testMailbox)
	var shown DeviceCode
	err := SignInDevice(t.Context(), f.s, func(dc DeviceCode) {
		shown = dc
		resp, err := http.Get(dc.VerificationURI + "?user_code=" + url.QueryEscape(dc.UserCode))
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Errorf("approving the code: %v %v", err, resp)
		}
		if resp != nil {
			resp.Body.Close()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if shown.UserCode == "" || !strings.HasPrefix(shown.VerificationURI, f.idp.URL) {
		t.Errorf("shown %+v", shown)
	}
	ts, err := Tokens(t.Context(), f.s, env())
	if err != nil {
		t.Fatal(err)
	}
	deliver(t, f.s, ts)
	if sum, err := run(t, newService(t), f.s, ts); err != nil || sum.Verwerkt == 0 {
		t.Fatalf("run: %+v %v", sum, err)
	}
	if f.idp.Issued(testidp.GrantDeviceCode) != 1 {
		t.Error("no device-code token issued")
	}
}

func TestDeviceSignInCancelled(t *testing.T) {
	f := fixtureWith(t, desktopID, false)
	ctx, cancel := context.WithCancel(t.Context())
	err := SignInDevice(ctx, f.s, func(DeviceCode) { cancel() })
	if !errors.Is(err, context.Canceled) || SignedIn(f.s) {
		t.Errorf("error %v", err)
	}
}

func env(kv ...string) func(string) string {
	return func(k string) string {
		for i := 0; i+1 < len(kv); i += 2 {
			if kv[i] == k {
				return kv[i+1]
			}
		}
		return ""
	}
}

// XOAUTH2 against Dovecot, with its error continuation: a refused token, then a fresh one.
func TestDovecotXOAuth2(t *testing.T) {
	f := newFixture(t, appID)
	ts, err := AppTokens(t.Context(), f.s, appSecret)
	if err != nil {
		t.Fatal(err)
	}
	good, _ := ts.AccessToken(false)
	for _, tokens := range [][]string{{good}, {"verlopen-token", good}} {
		c, err := mailbox.Dial(f.s)
		if err != nil {
			t.Fatal(err)
		}
		login := mailbox.OAuth2Login{User: testMailbox, Tokens: &listTokens{tokens: tokens}, Mechanism: "XOAUTH2"}
		if err := login.Authenticate(c); err != nil {
			t.Errorf("XOAUTH2 with %d tokens: %v", len(tokens), err)
		} else if _, err := c.Select("INBOX", nil).Wait(); err != nil {
			t.Errorf("select after XOAUTH2: %v", err)
		}
		c.Close()
	}
}

// listTokens hands out the tokens in order.
type listTokens struct {
	tokens []string
	n      int
}

func (l *listTokens) AccessToken(bool) (string, error) {
	tok := l.tokens[min(l.n, len(l.tokens)-1)]
	l.n++
	return tok, nil
}
