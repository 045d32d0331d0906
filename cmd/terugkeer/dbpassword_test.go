package main

import (
	"context"
	"errors"
	"net/url"
	"path/filepath"
	"testing"

	"github.com/zalando/go-keyring"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/internal/pgtest"
	"github.com/terugkeer/terugkeer/storage"
	"github.com/terugkeer/terugkeer/storage/postgres"
)

// The window asks for the password only when the server refused the keyring's password
// or none: not when the URI or PGPASSWORD gave the wrong one (another password typed in
// the window would not be used), and not for other failures. With the right password in
// the keyring the database opens without asking.
func TestWindowAsksPasswordWhenRefused(t *testing.T) {
	keyring.MockInit()
	t.Setenv("PGPASSWORD", "")
	t.Setenv("PGPASSFILE", filepath.Join(t.TempDir(), "geen-pgpass"))
	uri, pw := pgtest.PasswordUser(t, pgtest.Database(t))
	ctx := context.Background()
	env := func(db string) func(string) string {
		return func(k string) string { return map[string]string{app.EnvDB: db}[k] }
	}
	asks := func(flag string, getenv func(string) string) bool {
		t.Helper()
		db, _, err := openDatabase(ctx, flag, getenv)
		if err == nil {
			db.Close()
		}
		_, ask := needsPassword(flag, getenv, err)
		return ask
	}
	if !asks(uri, env("")) || !asks("", env(uri)) {
		t.Fatal("nothing in the keyring: the window does not ask")
	}
	if err := storage.StorePassword(uri, "fout-"+pw); err != nil {
		t.Fatal(err)
	}
	if !asks(uri, env("")) {
		t.Error("a wrong password in the keyring: the window does not ask")
	}
	u, _ := url.Parse(uri)
	u.User = url.UserPassword(u.User.Username(), "fout-"+pw)
	if asks(u.String(), env("")) {
		t.Error("asks when the URI's own password is wrong")
	}
	t.Setenv("PGPASSWORD", "fout-"+pw)
	if asks(uri, env("")) {
		t.Error("asks when PGPASSWORD is wrong")
	}
	t.Setenv("PGPASSWORD", "")
	if asks("postgres://postgres@127.0.0.1:1/x?sslmode=disable&connect_timeout=2", env("")) {
		t.Error("asks when the server is not there")
	}
	// What the prompt does with the typed password: this connection, and the keyring.
	db, err := openURI(ctx, uri, func() (string, error) { return pw, nil })
	if err != nil {
		t.Fatalf("the typed password: %v", err)
	}
	db.Close()
	if err := storage.StorePassword(uri, pw); err != nil {
		t.Fatal(err)
	}
	db, _, err = openDatabase(ctx, uri, env(""))
	if err != nil {
		t.Fatalf("the right password in the keyring: %v", err)
	}
	db.Close()
	if _, err := openURI(ctx, uri, func() (string, error) { return "fout", nil }); !refusedPassword(err) ||
		!errors.Is(err, postgres.ErrAuthentication) {
		t.Errorf("a wrong typed password: %v, want refused", err)
	}
}
