package storage

import (
	"errors"

	"github.com/zalando/go-keyring"

	"github.com/terugkeer/terugkeer/storage/postgres"
)

// passwordService names the database passwords in the OS keyring (Windows Credential
// Manager, macOS Keychain, Secret Service); the mailbox's are "terugkeer-imap".
const passwordService = "terugkeer-db"

// Errors of the database password in the keyring; their messages hold neither the
// password nor the URI.
var (
	// ErrNotURI: a SQLite file has no password to keep.
	ErrNotURI = errors.New("een SQLite-bestand heeft geen wachtwoord; alleen de database van het team " +
		"(een postgres://-URI) heeft er een")
	// ErrNoKeyring: this computer offers no keyring.
	ErrNoKeyring = errors.New("op deze computer is geen sleutelbos (keyring) beschikbaar om het wachtwoord " +
		"van de database te bewaren; geef het wachtwoord bij elke start op in de omgevingsvariabele PGPASSWORD")
	// ErrEmptyPassword: an empty password is not kept.
	ErrEmptyPassword = errors.New("het wachtwoord is leeg")
)

// PasswordKey is the keyring's name for the password of the database at uri:
// user@host:port/database, the URI without its password and options
// (postgres.Account).
func PasswordKey(uri string) (string, error) {
	if !IsURI(uri) {
		return "", ErrNotURI
	}
	user, server, err := postgres.Account(uri)
	if err != nil {
		return "", err
	}
	return user + "@" + server, nil
}

// KeyringPassword is the password hook for Open (WithPassword) that reads the keyring:
// the password kept for uri, or "" (connect without one, the server then says whether
// it wants one) when none is kept or the computer has no keyring.
func KeyringPassword(uri string) func() (string, error) {
	return func() (string, error) {
		key, err := PasswordKey(uri)
		if err != nil {
			return "", nil // Open refuses the URI itself
		}
		pw, err := keyring.Get(passwordService, key)
		if err != nil {
			return "", nil // none kept, or no keyring: the server decides
		}
		return pw, nil
	}
}

// StorePassword keeps password in the keyring for the database at uri, replacing the
// one kept before.
func StorePassword(uri, password string) error {
	if password == "" {
		return ErrEmptyPassword
	}
	key, err := PasswordKey(uri)
	if err != nil {
		return err
	}
	if err := keyring.Set(passwordService, key, password); err != nil {
		return ErrNoKeyring
	}
	return nil
}

// RemovePassword removes the password kept for the database at uri; removed is false
// when none was kept.
func RemovePassword(uri string) (removed bool, err error) {
	key, err := PasswordKey(uri)
	if err != nil {
		return false, err
	}
	switch err := keyring.Delete(passwordService, key); {
	case errors.Is(err, keyring.ErrNotFound):
		return false, nil
	case err != nil:
		return false, ErrNoKeyring
	}
	return true, nil
}
