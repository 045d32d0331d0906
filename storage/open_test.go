package storage

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/internal/pgtest"
	"github.com/terugkeer/terugkeer/storage/postgres"
	"github.com/terugkeer/terugkeer/storage/sqlite"
)

// A path opens SQLite, a postgres:// or postgresql:// URI PostgreSQL.
func TestOpenPicksTheBackend(t *testing.T) {
	ctx := context.Background()
	st, err := Open(ctx, filepath.Join(t.TempDir(), "terugkeer.db"))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := st.(*sqlite.DB); !ok {
		t.Errorf("a path opened %T", st)
	}
	st.Close()

	uri := pgtest.Database(t)
	for _, u := range []string{uri, "postgresql" + uri[len("postgres"):]} {
		st, err := Open(ctx, u)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := st.(*postgres.DB); !ok {
			t.Errorf("%s opened %T", u[:12], st)
		}
		if err := st.View(ctx, func(tx app.ReadTx) error { _, err := tx.Setting("x"); return err }); err != nil {
			t.Error(err)
		}
		st.Close()
	}
}

// The PostgreSQL rules apply through Open: an unprotected connection to a server off
// this computer is refused before anything is sent.
func TestOpenRefusesInsecureRemote(t *testing.T) {
	_, err := Open(context.Background(), "postgres://u:geheim@db.gemeente.nl/terugkeer?sslmode=disable")
	if !errors.Is(err, postgres.ErrInsecure) {
		t.Fatalf("err = %v, want postgres.ErrInsecure", err)
	}
}

// The password hook reaches the PostgreSQL connection.
func TestOpenPasswordHook(t *testing.T) {
	asked := false
	_, err := Open(context.Background(), "postgres://u@127.0.0.1:1/x?sslmode=disable&connect_timeout=2",
		WithPassword(func() (string, error) { asked = true; return "", errors.New("sleutelbos dicht") }))
	if !asked || err == nil {
		t.Fatalf("asked %v, err %v", asked, err)
	}
}

// The flag wins over TERUGKEER_DB, as in app.LocateDatabase; a path is no URI.
func TestURIFrom(t *testing.T) {
	env := func(v string) func(string) string {
		return func(k string) string {
			if k == app.EnvDB {
				return v
			}
			return ""
		}
	}
	cases := []struct {
		flag, env, want string
		ok              bool
	}{
		{"", "postgres://h/db", "postgres://h/db", true},
		{"postgresql://h/db", "/tmp/x.db", "postgresql://h/db", true},
		{"/tmp/x.db", "postgres://h/db", "/tmp/x.db", false},
		{"", "", "", false},
		{"", "C:\\Terugkeer\\terugkeer.db", "C:\\Terugkeer\\terugkeer.db", false},
	}
	for _, c := range cases {
		got, ok := URIFrom(c.flag, env(c.env))
		if got != c.want || ok != c.ok {
			t.Errorf("URIFrom(%q, %q) = %q, %v", c.flag, c.env, got, ok)
		}
	}
}
