package main

import (
	"context"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers/mailbox"
	"github.com/terugkeer/terugkeer/importers/mailbox/oauth"
	"github.com/terugkeer/terugkeer/ui"
)

var _ ui.MailboxSignIn = (*imapMailbox)(nil)

// login is the sign-in for a connection: with aanmelding oauth2 the client credentials
// or the signed-in casemanager (importers/mailbox/oauth), else the password (password,
// when given, for this time only; else from the environment or the keyring).
func (m *imapMailbox) login(ctx context.Context, s app.MailboxSettings, password string) (mailbox.Authenticator, error) {
	if s.OAuth2() {
		return oauth.Login(ctx, s, m.getenv)
	}
	pw := password
	if pw == "" {
		var err error
		if pw, err = mailbox.Password(s, m.getenv); err != nil {
			return nil, err
		}
	}
	return mailbox.PasswordLogin{User: s.Gebruiker, Password: pw}, nil
}

// SignedIn reports whether a client secret (environment, keyring) or a Microsoft
// sign-in (refresh token in the keyring) is there; it makes no network request.
func (m *imapMailbox) SignedIn(s app.MailboxSettings) bool {
	_, err := oauth.Tokens(context.Background(), s, m.getenv)
	return err == nil
}

// SignIn signs in in the system browser (authorization code with PKCE).
func (m *imapMailbox) SignIn(ctx context.Context, s app.MailboxSettings, open func(url string) error) error {
	return oauth.SignInBrowser(ctx, s.WithDefaults(), open)
}

// SignInWithCode signs in with the device code that show presents.
func (m *imapMailbox) SignInWithCode(ctx context.Context, s app.MailboxSettings, show func(code, url string)) error {
	return oauth.SignInDevice(ctx, s.WithDefaults(), func(dc oauth.DeviceCode) { show(dc.UserCode, dc.VerificationURI) })
}
