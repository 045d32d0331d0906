package oauth

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/zalando/go-keyring"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/internal/testidp"
)

func idpSettings(idp *testidp.IdP, clientID string) app.MailboxSettings {
	return app.MailboxSettings{Server: "127.0.0.1", Beveiliging: app.SecurityNone, Gebruiker: testMailbox,
		Aanmelding: app.SignInOAuth2, OAuth: app.MailboxOAuth{ClientID: clientID, TokenURL: idp.TokenURL()}}
}

func TestEndpoints(t *testing.T) {
	s := app.MailboxSettings{Server: "outlook.office365.com", Gebruiker: "nazorg@gemeente.nl", Aanmelding: app.SignInOAuth2,
		OAuth: app.MailboxOAuth{Tenant: "gemeente.onmicrosoft.com", ClientID: "c1"}}
	ep, err := endpointsFor(s)
	base := "https://login.microsoftonline.com/gemeente.onmicrosoft.com/oauth2/v2.0/"
	if err != nil || ep != (endpoints{token: base + "token", authorize: base + "authorize", device: base + "devicecode"}) {
		t.Errorf("%+v %v", ep, err)
	}
	s.Aanmelding = app.SignInPassword
	if _, err := endpointsFor(s); err == nil {
		t.Error("endpoints for a password mailbox")
	}
}

// The client-credentials request carries the IMAP scope; a wrong secret is refused in
// Dutch without the secret.
func TestAppTokensWrongSecret(t *testing.T) {
	idp := testidp.Start(t)
	idp.AddApp(appID, appSecret, testMailbox)
	s := idpSettings(idp, appID)
	ts, err := AppTokens(t.Context(), s, appSecret)
	if err != nil {
		t.Fatal(err)
	}
	if tok, err := ts.AccessToken(false); err != nil || tok == "" {
		t.Fatalf("right secret: %q %v", tok, err) // the IdP refuses any other scope than AppScope
	}
	wrong := "Wr0ng~" + appSecret
	ts, _ = AppTokens(t.Context(), s, wrong)
	_, err = ts.AccessToken(false)
	if !errors.Is(err, ErrClientRefused) || strings.Contains(err.Error(), wrong) || strings.Contains(err.Error(), appSecret) {
		t.Errorf("wrong secret: %v", err)
	}
}

// An identity provider that echoes the secret in its error text: the sentence we give
// holds only the error code.
func TestErrorsNeverHoldTheSecret(t *testing.T) {
	const secret = "Echo~Secret-123"
	for _, body := range []string{
		`{"error":"invalid_request","error_description":"bad secret ` + secret + `"}`,
		`{"error":"` + secret + `"}`,
		`not json ` + secret,
	} {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusBadRequest)
			w.Write([]byte(body)) //nolint:errcheck // test server
		}))
		s := app.MailboxSettings{Server: "127.0.0.1", Beveiliging: app.SecurityNone, Gebruiker: testMailbox,
			Aanmelding: app.SignInOAuth2, OAuth: app.MailboxOAuth{ClientID: "c", TokenURL: srv.URL + "/token"}}
		ts, _ := AppTokens(t.Context(), s, secret)
		_, err := ts.AccessToken(false)
		srv.Close()
		if err == nil || strings.Contains(err.Error(), secret) || strings.Contains(err.Error(), "Secret") {
			t.Errorf("body %q: error %v", body, err)
		}
	}
}

func TestTokensPicksTheSource(t *testing.T) {
	keyring.MockInit()
	idp := testidp.Start(t)
	s := idpSettings(idp, appID)
	if _, err := Tokens(t.Context(), s, env()); !errors.Is(err, ErrNotSignedIn) {
		t.Errorf("nothing stored: %v", err)
	}
	if err := StoreClientSecret(s, appSecret); err != nil {
		t.Fatal(err)
	}
	if got, err := ClientSecret(s, env()); err != nil || got != appSecret {
		t.Errorf("secret from the keyring: %v", err)
	}
	if got, _ := ClientSecret(s, env(SecretEnv, "uit-env")); got != "uit-env" {
		t.Error("the environment does not go first")
	}
	other := s
	other.OAuth.ClientID = "andere-app"
	if _, err := ClientSecret(other, env()); err == nil {
		t.Error("another app's secret handed out")
	}
	ts, err := Tokens(t.Context(), s, env())
	if _, ok := ts.(*appTokens); err != nil || !ok {
		t.Errorf("with a stored secret: %T %v", ts, err)
	}
	keyring.MockInitWithError(errors.New("geen bus"))
	t.Cleanup(keyring.MockInit)
	if _, err := Tokens(t.Context(), s, env()); !errors.Is(err, ErrNoKeyring) {
		t.Errorf("no keyring: %v", err)
	}
	if ts, err := Tokens(t.Context(), s, env(SecretEnv, appSecret)); err != nil || ts == nil {
		t.Errorf("no keyring, secret in the environment: %v", err)
	}
}

// A refresh token longer than one keyring entry may hold (Windows: 2560 bytes) is kept
// in pieces, read back whole, and all pieces go with a shorter one or a sign-out.
func TestLongRefreshTokenInPieces(t *testing.T) {
	keyring.MockInit()
	s := app.MailboxSettings{Server: "outlook.office365.com", Gebruiker: testMailbox, Aanmelding: app.SignInOAuth2,
		OAuth: app.MailboxOAuth{Tenant: "gemeente.onmicrosoft.com", ClientID: desktopID}}
	long := strings.Repeat("0123456789abcdef", 400) // 6400 bytes
	if err := storeRefresh(s, long); err != nil {
		t.Fatal(err)
	}
	for i := 0; ; i++ {
		v, err := keyring.Get(keyringService, chunkKey(refreshKey(s), i))
		if err != nil {
			if i != 4 {
				t.Errorf("%d pieces, want 4", i)
			}
			break
		}
		if len(v) > 2560 {
			t.Errorf("piece %d holds %d bytes", i, len(v))
		}
	}
	if got, err := loadRefresh(s); err != nil || got != long {
		t.Fatalf("read back %d bytes, %v", len(got), err)
	}
	if err := storeRefresh(s, "kort"); err != nil {
		t.Fatal(err)
	}
	if got, _ := loadRefresh(s); got != "kort" {
		t.Errorf("after a shorter token: %q", got)
	}
	if _, err := keyring.Get(keyringService, chunkKey(refreshKey(s), 1)); !errors.Is(err, keyring.ErrNotFound) {
		t.Error("a piece of the longer token stayed")
	}
	storeRefresh(s, long) //nolint:errcheck // checked above
	if err := SignOut(s); err != nil || SignedIn(s) {
		t.Fatalf("sign-out: %v", err)
	}
	if _, err := keyring.Get(keyringService, chunkKey(refreshKey(s), 3)); !errors.Is(err, keyring.ErrNotFound) {
		t.Error("a piece stayed after signing out")
	}
}

// Two processes share the sign-in: when one refreshed (rotating the refresh token) while
// the other still held the old one, the other takes the newer one from the keyring
// instead of signing out and deleting it.
func TestRefreshRaceKeepsTheNewerSignIn(t *testing.T) {
	keyring.MockInit()
	idp := testidp.Start(t)
	idp.AddPublicClient(desktopID)
	idp.SignIn(testMailbox)
	s := idpSettings(idp, desktopID)
	b := &browser{t: t}
	if err := SignInBrowser(t.Context(), s, b.open); err != nil {
		t.Fatal(err)
	}
	old, _ := loadRefresh(s)
	desktop, _ := UserTokens(t.Context(), s)
	if _, err := desktop.AccessToken(true); err != nil { // rotates: old is now spent
		t.Fatal(err)
	}
	cli, _ := UserTokens(t.Context(), s)
	if _, err := cli.(*userTokens).refreshWith(old, true); err != nil {
		t.Fatalf("refresh with the spent token while a newer one is kept: %v", err)
	}
	if !SignedIn(s) {
		t.Fatal("signed out")
	}
	// A really revoked grant still signs out.
	idp.RevokeGrants(testMailbox)
	if _, err := cli.AccessToken(true); !errors.Is(err, ErrSignInExpired) || SignedIn(s) {
		t.Errorf("after revocation: %v, signed in %v", err, SignedIn(s))
	}
}

// Cancelling a browser sign-in (the user closed the dialog or chose the code) ends it
// with context.Canceled, which the window does not report as a failure.
func TestBrowserSignInCancelled(t *testing.T) {
	keyring.MockInit()
	idp := testidp.Start(t)
	idp.AddPublicClient(desktopID)
	ctx, cancel := context.WithCancel(t.Context())
	err := SignInBrowser(ctx, idpSettings(idp, desktopID), func(string) error { cancel(); return nil })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
}
