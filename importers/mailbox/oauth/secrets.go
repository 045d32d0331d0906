package oauth

import (
	"errors"
	"strings"

	"github.com/zalando/go-keyring"

	"github.com/terugkeer/terugkeer/app"
)

// SecretEnv supplies the app registration's client secret where no keyring is (servers,
// schedulers, CI). When set it goes before the keyring.
const SecretEnv = "TERUGKEER_IMAP_CLIENT_SECRET"

// keyringService names these entries in the OS keyring, apart from the mailbox password.
const keyringService = "terugkeer-imap-oauth"

// ErrNoKeyring says that this system offers no keyring.
var ErrNoKeyring = errors.New("op deze computer is geen sleutelbos (keyring) beschikbaar om het clientgeheim of de aanmelding te bewaren; " +
	"geef het clientgeheim bij elke run op in de omgevingsvariabele " + SecretEnv)

// errNoSecret: none in the environment, none in the keyring.
var errNoSecret = errors.New("er is geen clientgeheim: bewaar het met 'imap geheim' of zet " + SecretEnv)

// secretKey and refreshKey name keyring entries by the token endpoint and client (and
// the mailbox user for a refresh token), so that another tenant or app never gets them.
func secretKey(s app.MailboxSettings) string {
	return "clientgeheim " + s.OAuth.ClientID + " " + s.OAuth.TokenEndpoint()
}

func refreshKey(s app.MailboxSettings) string {
	return "vernieuwingstoken " + strings.ToLower(s.Gebruiker) + " " + s.OAuth.ClientID + " " + s.OAuth.TokenEndpoint()
}

// ClientSecret returns the client secret: from SecretEnv when set, else from the keyring.
func ClientSecret(s app.MailboxSettings, getenv func(string) string) (string, error) {
	if v := getenv(SecretEnv); v != "" {
		return v, nil
	}
	if _, err := endpointsFor(s); err != nil {
		return "", err
	}
	v, err := keyring.Get(keyringService, secretKey(s))
	switch {
	case errors.Is(err, keyring.ErrNotFound):
		return "", errNoSecret
	case err != nil:
		return "", ErrNoKeyring
	}
	return v, nil
}

// StoreClientSecret keeps the client secret in the keyring for the configured app.
func StoreClientSecret(s app.MailboxSettings, secret string) error {
	if secret == "" {
		return errors.New("het clientgeheim is leeg")
	}
	if _, err := endpointsFor(s); err != nil {
		return err
	}
	if err := keyring.Set(keyringService, secretKey(s), secret); err != nil {
		return ErrNoKeyring
	}
	return nil
}

// loadRefresh returns the stored refresh token ("" when none).
func loadRefresh(s app.MailboxSettings) (string, error) {
	v, err := keyring.Get(keyringService, refreshKey(s))
	switch {
	case errors.Is(err, keyring.ErrNotFound):
		return "", nil
	case err != nil:
		return "", ErrNoKeyring
	}
	return v, nil
}

func storeRefresh(s app.MailboxSettings, token string) error {
	if err := keyring.Set(keyringService, refreshKey(s), token); err != nil {
		return ErrNoKeyring
	}
	return nil
}

// SignOut forgets the signed-in user's refresh token.
func SignOut(s app.MailboxSettings) error {
	err := keyring.Delete(keyringService, refreshKey(s))
	if err != nil && !errors.Is(err, keyring.ErrNotFound) {
		return ErrNoKeyring
	}
	return nil
}

// SignedIn reports whether a refresh token is kept for the configured user.
func SignedIn(s app.MailboxSettings) bool {
	rt, err := loadRefresh(s)
	return err == nil && rt != ""
}
