// Package oauth gets the OAuth2 access tokens with which importers/mailbox signs in at a
// Microsoft 365 mailbox (aanmelding oauth2), on golang.org/x/oauth2:
//
//   - unattended (import-imap, a scheduler): client credentials of an app registration
//     with IMAP.AccessAsApp, scope https://outlook.office365.com/.default; the client
//     secret comes from SecretEnv or the OS keyring, never from a file or the database;
//   - a casemanager (the desktop app, 'imap aanmelden'): the authorization-code flow
//     with PKCE in the system browser and a loopback redirect, or the device-code flow,
//     for the delegated scope IMAP.AccessAsUser.All offline_access; the refresh token
//     is kept in the OS keyring and used (and rotated) silently.
//
// The endpoints are Microsoft's for the tenant, or derived from 'imap set token-url'
// (.../token, .../authorize, .../devicecode side by side, as Microsoft has them).
//
// Errors are Dutch sentences that never hold a secret or token: the identity
// provider's own error text is not passed on, only its error code.
package oauth

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"time"

	"golang.org/x/oauth2"

	"github.com/terugkeer/terugkeer/app"
)

// The scopes for IMAP at Microsoft 365.
const (
	AppScope = "https://outlook.office365.com/.default"
)

// UserScopes are the delegated scopes of a signed-in casemanager.
var UserScopes = []string{"https://outlook.office.com/IMAP.AccessAsUser.All", "offline_access"}

// endpoints are the identity provider's addresses for the settings.
type endpoints struct {
	token, authorize, device string
}

func endpointsFor(s app.MailboxSettings) (endpoints, error) {
	if err := s.Complete(); err != nil {
		return endpoints{}, err
	}
	if !s.OAuth2() {
		return endpoints{}, errors.New("het postvak meldt zich aan met een wachtwoord; kies eerst 'imap set aanmelding oauth2'")
	}
	tok := s.OAuth.TokenEndpoint()
	if err := app.ValidTokenURL(tok); err != nil {
		return endpoints{}, err
	}
	base, ok := strings.CutSuffix(tok, "/token")
	if !ok {
		base = tok // an odd token URL: the interactive flows will fail with a clear error
	}
	return endpoints{token: tok, authorize: base + "/authorize", device: base + "/devicecode"}, nil
}

// httpContext gives the token requests a client with a timeout.
func httpContext(ctx context.Context) context.Context {
	return context.WithValue(ctx, oauth2.HTTPClient, &http.Client{Timeout: 30 * time.Second})
}

// Errors of the token requests.
var (
	// ErrClientRefused: the identity provider refuses the client ID or secret.
	ErrClientRefused = errors.New("Microsoft weigert de client-id of het clientgeheim: controleer 'imap set client-id' en het geheim " +
		"('imap geheim' of " + SecretEnv + ")")
	// ErrSignInExpired: the refresh token is expired or revoked; sign in again.
	ErrSignInExpired = app.ErrMailboxSignInExpired
	// ErrNotSignedIn: neither a client secret nor a signed-in user.
	ErrNotSignedIn = errors.New("er is geen clientgeheim en niemand is aangemeld bij Microsoft: bewaar het geheim met 'imap geheim' " +
		"(of zet " + SecretEnv + ") voor onbeheerde runs, of meld u aan met 'imap aanmelden' of in het venster")
	errUnreachable = errors.New("de aanmeldserver van Microsoft (token-url) is niet bereikbaar of antwoordt niet")
)

var safeCode = regexp.MustCompile(`^[a-z_]{1,40}$`)

// describe turns a token request's failure into a Dutch sentence without secrets.
func describe(err error) error {
	var re *oauth2.RetrieveError
	if !errors.As(err, &re) {
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return err
		}
		return errUnreachable
	}
	switch re.ErrorCode {
	case "invalid_client", "unauthorized_client":
		return ErrClientRefused
	case "invalid_grant", "interaction_required":
		return ErrSignInExpired
	case "invalid_scope":
		return errors.New("Microsoft geeft de gevraagde IMAP-machtiging niet: controleer de API-machtigingen van de app-registratie (docs/installatie.md)")
	case "access_denied", "authorization_declined":
		return errors.New("de aanmelding bij Microsoft is geweigerd")
	case "expired_token":
		return errors.New("de aanmeldcode is verlopen: begin opnieuw met aanmelden")
	}
	if safeCode.MatchString(re.ErrorCode) {
		return fmt.Errorf("Microsoft weigert het token (%s)", re.ErrorCode)
	}
	if re.Response != nil {
		return fmt.Errorf("Microsoft weigert het token (HTTP %d)", re.Response.StatusCode)
	}
	return errors.New("Microsoft weigert het token")
}
