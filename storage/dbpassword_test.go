package storage

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/zalando/go-keyring"

	"github.com/terugkeer/terugkeer/internal/pgtest"
	"github.com/terugkeer/terugkeer/storage/postgres"
)

// The keyring's name is the URI without its password and options: user@host:port/db.
func TestPasswordKey(t *testing.T) {
	cases := map[string]string{
		"postgres://petra@db.gemeente.test:6543/terugkeer?sslmode=verify-full":               "petra@db.gemeente.test:6543/terugkeer",
		"postgresql://petra:Geheim-1@db.gemeente.test/terugkeer?application_name=x":          "petra@db.gemeente.test:5432/terugkeer",
		"postgres://petra@[::1]:5433/team":                                                   "petra@[::1]:5433/team",
		"postgres://petra@127.0.0.1/team?sslmode=disable&connect_timeout=3":                  "petra@127.0.0.1:5432/team",
		"postgres://petra:ander-wachtwoord@127.0.0.1/team?sslmode=disable&connect_timeout=3": "petra@127.0.0.1:5432/team",
	}
	for uri, want := range cases {
		got, err := PasswordKey(uri)
		if err != nil || got != want {
			t.Errorf("PasswordKey(%s) = %q, %v; want %q", uri, got, err, want)
		}
		if strings.Contains(got, "Geheim") || strings.Contains(got, "wachtwoord") {
			t.Errorf("the key holds the password: %q", got)
		}
	}
	if _, err := PasswordKey("/home/petra/terugkeer.db"); !errors.Is(err, ErrNotURI) {
		t.Errorf("a SQLite path: %v, want ErrNotURI", err)
	}
	keyring.MockInit()
	if err := StorePassword("C:\\Terugkeer\\terugkeer.db", "x"); !errors.Is(err, ErrNotURI) {
		t.Errorf("StorePassword on a SQLite path: %v, want ErrNotURI", err)
	}
}

// Without a keyring the password cannot be kept, and the hook connects without one.
func TestPasswordNoKeyring(t *testing.T) {
	keyring.MockInitWithError(errors.New("geen secret service"))
	t.Cleanup(keyring.MockInit)
	const uri = "postgres://petra@127.0.0.1/team?sslmode=disable"
	if err := StorePassword(uri, "Geheim-1"); !errors.Is(err, ErrNoKeyring) {
		t.Errorf("StorePassword: %v, want ErrNoKeyring", err)
	}
	if _, err := RemovePassword(uri); !errors.Is(err, ErrNoKeyring) {
		t.Errorf("RemovePassword: %v, want ErrNoKeyring", err)
	}
	if pw, err := KeyringPassword(uri)(); pw != "" || err != nil {
		t.Errorf("hook without keyring: %q, %v", pw, err)
	}
	if err := StorePassword(uri, ""); !errors.Is(err, ErrEmptyPassword) {
		t.Errorf("empty password: %v", err)
	}
}

// A role that must give its password opens the database with the password kept in the
// keyring for its URI, and is refused (ErrAuthentication) with none or a wrong one kept.
func TestOpenWithKeyringPassword(t *testing.T) {
	keyring.MockInit()
	t.Setenv("PGPASSWORD", "")
	t.Setenv("PGPASSFILE", t.TempDir()+"/geen-pgpass")
	uri, pw := pgtest.PasswordUser(t, pgtest.Database(t))
	ctx := context.Background()
	open := func() error {
		st, err := Open(ctx, uri, WithPassword(KeyringPassword(uri)))
		if err == nil {
			st.Close()
		}
		return err
	}
	if err := open(); !errors.Is(err, postgres.ErrAuthentication) {
		t.Fatalf("nothing kept: %v, want ErrAuthentication", err)
	}
	if err := StorePassword(uri, "fout-"+pw); err != nil {
		t.Fatal(err)
	}
	if err := open(); !errors.Is(err, postgres.ErrAuthentication) {
		t.Fatalf("a wrong password kept: %v, want ErrAuthentication", err)
	}
	if err := StorePassword(uri, pw); err != nil {
		t.Fatal(err)
	}
	if err := open(); err != nil {
		t.Fatalf("the right password kept: %v", err)
	}
	// The URI with another option names the same entry.
	if err := func() error {
		st, err := Open(ctx, uri+"&connect_timeout=5", WithPassword(KeyringPassword(uri+"&connect_timeout=5")))
		if err == nil {
			st.Close()
		}
		return err
	}(); err != nil {
		t.Errorf("the URI with an option: %v", err)
	}
	if removed, err := RemovePassword(uri); !removed || err != nil {
		t.Fatalf("RemovePassword: %v, %v", removed, err)
	}
	if removed, err := RemovePassword(uri); removed || err != nil {
		t.Errorf("RemovePassword of nothing: %v, %v", removed, err)
	}
	if err := open(); !errors.Is(err, postgres.ErrAuthentication) {
		t.Errorf("after removing: %v, want ErrAuthentication", err)
	}
}
