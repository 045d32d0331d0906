package app

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// SignIn is how the app signs in at the IMAP server.
type SignIn string

// The two ways to sign in.
const (
	SignInPassword SignIn = "wachtwoord" // LOGIN with user name and password (the default)
	SignInOAuth2   SignIn = "oauth2"     // an OAuth2 access token (XOAUTH2 or OAUTHBEARER), e.g. Microsoft 365
)

// MailboxOAuth are the OAuth2 settings of the mailbox (aanmelding oauth2). The client
// secret and the refresh token are never part of them: they live in the environment or
// the operating system's keyring (importers/mailbox/oauth).
type MailboxOAuth struct {
	Tenant   string // the Microsoft 365 (Entra ID) tenant: its ID or domain
	ClientID string // the app registration's application (client) ID
	// TokenURL overrides DefaultTokenURL; https, or http to this computer only.
	TokenURL string
}

// DefaultTokenURL is Microsoft's token endpoint; TENANT stands for the tenant.
const DefaultTokenURL = "https://login.microsoftonline.com/TENANT/oauth2/v2.0/token"

// ErrMailboxSignInExpired says that the casemanager's sign-in at Microsoft (the refresh
// token) expired or was revoked: only signing in again helps. The UI then offers that.
var ErrMailboxSignInExpired = errors.New("de aanmelding bij Microsoft is verlopen of ingetrokken: meld u opnieuw aan")

var mailboxOAuthKeys = []string{"aanmelding", "tenant", "client-id", "token-url"}

// OAuth2 reports whether the mailbox signs in with OAuth2.
func (s MailboxSettings) OAuth2() bool {
	return s.Aanmelding == SignInOAuth2
}

// TokenEndpoint returns the token URL: the override, else Microsoft's for the tenant
// ("" when neither is set).
func (o MailboxOAuth) TokenEndpoint() string {
	if o.TokenURL != "" {
		return o.TokenURL
	}
	if o.Tenant == "" {
		return ""
	}
	return strings.Replace(DefaultTokenURL, "TENANT", url.PathEscape(o.Tenant), 1)
}

func (s MailboxSettings) getOAuth(key string) (string, error) {
	switch key {
	case "aanmelding":
		return string(s.Aanmelding), nil
	case "tenant":
		return s.OAuth.Tenant, nil
	case "client-id":
		return s.OAuth.ClientID, nil
	case "token-url":
		return s.OAuth.TokenURL, nil
	}
	return "", unknownMailboxKey(key)
}

func (s *MailboxSettings) setOAuth(key, value string) error {
	switch key {
	case "aanmelding":
		s.Aanmelding = SignIn(strings.ToLower(value))
	case "tenant":
		s.OAuth.Tenant = value
	case "client-id":
		s.OAuth.ClientID = value
	case "token-url":
		s.OAuth.TokenURL = value
	default:
		return unknownMailboxKey(key)
	}
	return nil
}

// validateOAuth checks the OAuth2 settings that are set; completeOAuth checks that they
// suffice.
func (s MailboxSettings) validateOAuth() error {
	switch s.Aanmelding {
	case "", SignInPassword, SignInOAuth2:
	default:
		return errors.New("aanmelding moet wachtwoord of oauth2 zijn")
	}
	if !idLike(s.OAuth.Tenant) {
		return errors.New("de tenant moet een tenant-ID of domeinnaam zijn (letters, cijfers, punten en streepjes)")
	}
	if !idLike(s.OAuth.ClientID) {
		return errors.New("de client-id moet de toepassings-ID (client-ID) van de app-registratie zijn")
	}
	if s.OAuth.TokenURL != "" {
		return ValidTokenURL(s.OAuth.TokenURL)
	}
	return nil
}

func (s MailboxSettings) completeOAuth() error {
	if !s.OAuth2() {
		return nil
	}
	if s.OAuth.ClientID == "" || (s.OAuth.Tenant == "" && s.OAuth.TokenURL == "") {
		return errors.New("aanmelding oauth2 vraagt ook 'imap set tenant' en 'imap set client-id' (of 'imap set token-url')")
	}
	return nil
}

// ValidTokenURL accepts an https URL, or an http URL to this computer (a test identity
// provider): a token sent over plain http to another host could be read on the way.
func ValidTokenURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || u.User != nil || u.Fragment != "" {
		return errors.New("de token-url moet een volledig adres zijn, zoals " + DefaultTokenURL)
	}
	switch u.Scheme {
	case "https":
		return nil
	case "http":
		if IsLoopback(u.Hostname()) {
			return nil
		}
		return fmt.Errorf("de token-url moet met https beginnen (http alleen naar deze computer)")
	}
	return errors.New("de token-url moet met https beginnen")
}

// idLike reports whether v is empty or an identifier: letters, digits, '.', '-' and '_'.
func idLike(v string) bool {
	for _, r := range v {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-' || r == '_'
		if !ok {
			return false
		}
	}
	return len(v) <= 256
}
