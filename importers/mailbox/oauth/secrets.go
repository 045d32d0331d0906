package oauth

import (
	"errors"
	"strconv"
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
	v, err := getLong(refreshKey(s))
	switch {
	case errors.Is(err, keyring.ErrNotFound):
		return "", nil
	case err != nil:
		return "", ErrNoKeyring
	}
	return v, nil
}

func storeRefresh(s app.MailboxSettings, token string) error {
	if err := setLong(refreshKey(s), token); err != nil {
		return ErrNoKeyring
	}
	return nil
}

// SignOut forgets the signed-in user's refresh token.
func SignOut(s app.MailboxSettings) error {
	if err := deleteLong(refreshKey(s), 0); err != nil {
		return ErrNoKeyring
	}
	return nil
}

// chunkSize keeps every keyring entry below the 2560 bytes Windows Credential Manager
// takes (macOS's Keychain has a limit too); Microsoft's refresh tokens can be longer.
const chunkSize = 2000

// setLong stores value under key in pieces: the first entry is "N:" and the first
// piece, the others are under "key #i".
func setLong(key, value string) error {
	n := max(1, (len(value)+chunkSize-1)/chunkSize)
	for i := range n {
		part := value[i*chunkSize : min((i+1)*chunkSize, len(value))]
		k, v := chunkKey(key, i), part
		if i == 0 {
			v = strconv.Itoa(n) + ":" + part
		}
		if err := keyring.Set(keyringService, k, v); err != nil {
			return err
		}
	}
	return deleteLong(key, n) // the pieces of a longer earlier value
}

// getLong reads what setLong stored (keyring.ErrNotFound when nothing, or when a piece
// is missing).
func getLong(key string) (string, error) {
	first, err := keyring.Get(keyringService, key)
	if err != nil {
		return "", err
	}
	count, part, ok := strings.Cut(first, ":")
	n, cerr := strconv.Atoi(count)
	if !ok || cerr != nil || n < 1 || n > 64 {
		return "", keyring.ErrNotFound // not ours: as good as none
	}
	var b strings.Builder
	b.WriteString(part)
	for i := 1; i < n; i++ {
		p, err := keyring.Get(keyringService, chunkKey(key, i))
		if err != nil {
			return "", err
		}
		b.WriteString(p)
	}
	return b.String(), nil
}

// deleteLong removes the pieces from the from-th on (0: all).
func deleteLong(key string, from int) error {
	for i := from; ; i++ {
		err := keyring.Delete(keyringService, chunkKey(key, i))
		if errors.Is(err, keyring.ErrNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

func chunkKey(key string, i int) string {
	if i == 0 {
		return key
	}
	return key + " #" + strconv.Itoa(i)
}

// SignedIn reports whether a refresh token is kept for the configured user.
func SignedIn(s app.MailboxSettings) bool {
	rt, err := loadRefresh(s)
	return err == nil && rt != ""
}
