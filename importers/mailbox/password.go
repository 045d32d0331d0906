package mailbox

import (
	"errors"

	"github.com/zalando/go-keyring"

	"github.com/terugkeer/terugkeer/app"
)

// PasswordEnv is the environment variable that supplies the password where no keyring
// is available (servers, schedulers, CI). When set it takes precedence over the keyring.
const PasswordEnv = "TERUGKEER_IMAP_PASSWORD"

// keyringService names Terugkeer's entries in the OS keyring (Windows Credential
// Manager, macOS Keychain, Secret Service).
const keyringService = "terugkeer-imap"

// ErrNoKeyring says that this system offers no keyring.
var ErrNoKeyring = errors.New("op deze computer is geen sleutelbos (keyring) beschikbaar om het IMAP-wachtwoord te bewaren; " +
	"geef het wachtwoord bij elke run op in de omgevingsvariabele " + PasswordEnv)

// ErrNoPassword says that no password is stored and none was given.
var ErrNoPassword = errors.New("er is geen IMAP-wachtwoord: bewaar het met 'imap wachtwoord' of zet " + PasswordEnv)

func keyringUser(s app.MailboxSettings) (string, error) {
	if s.Gebruiker == "" || s.Server == "" {
		return "", app.ErrMailboxNotConfigured
	}
	return s.Gebruiker + "@" + s.Server, nil
}

// Password returns the password: from PasswordEnv when set, else from the keyring.
func Password(s app.MailboxSettings, getenv func(string) string) (string, error) {
	if pw := getenv(PasswordEnv); pw != "" {
		return pw, nil
	}
	user, err := keyringUser(s)
	if err != nil {
		return "", err
	}
	pw, err := keyring.Get(keyringService, user)
	switch {
	case errors.Is(err, keyring.ErrNotFound):
		return "", ErrNoPassword
	case err != nil:
		return "", ErrNoKeyring
	}
	return pw, nil
}

// StorePassword keeps the password in the keyring for the configured user and server.
func StorePassword(s app.MailboxSettings, password string) error {
	if password == "" {
		return errors.New("het wachtwoord is leeg")
	}
	user, err := keyringUser(s)
	if err != nil {
		return err
	}
	if err := keyring.Set(keyringService, user, password); err != nil {
		return ErrNoKeyring
	}
	return nil
}
