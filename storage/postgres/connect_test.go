package postgres

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
)

// A server off this computer is reached only over TLS that verifies its certificate;
// a URI that names no sslmode gets verify-full. Loopback and unix sockets may go
// without TLS.
func TestConfigConnectionRules(t *testing.T) {
	t.Setenv("PGSSLMODE", "")
	refused := []string{
		"postgres://u:geheim@db.gemeente.nl/terugkeer?sslmode=disable",
		"postgres://u:geheim@db.gemeente.nl/terugkeer?sslmode=allow",
		"postgres://u:geheim@db.gemeente.nl/terugkeer?sslmode=prefer",
		"postgres://u:geheim@db.gemeente.nl/terugkeer?sslmode=require",
		"postgresql://u@10.1.2.3:5433/terugkeer?sslmode=disable",
		"postgres://u@127.0.0.1,db.gemeente.nl/terugkeer?sslmode=disable",
	}
	for _, uri := range refused {
		_, err := config(uri, Options{})
		if !errors.Is(err, ErrInsecure) {
			t.Errorf("%s: %v, want ErrInsecure", uri, err)
		}
		if err != nil && strings.Contains(err.Error(), "geheim") {
			t.Errorf("%s: the password is in the error: %v", uri, err)
		}
	}
	allowed := []string{
		"postgres://u@db.gemeente.nl/terugkeer",
		"postgres://u@db.gemeente.nl/terugkeer?sslmode=verify-full",
		"postgres://u@db.gemeente.nl/terugkeer?sslmode=verify-ca",
		"postgres://u@127.0.0.1:55432/terugkeer?sslmode=disable",
		"postgres://u@127.8.9.10/terugkeer?sslmode=disable",
		"postgres://u@[::1]/terugkeer?sslmode=disable",
		"postgres://u@localhost/terugkeer?sslmode=prefer",
		"postgres:///terugkeer?host=/tmp&sslmode=disable",
	}
	for _, uri := range allowed {
		if _, err := config(uri, Options{}); err != nil {
			t.Errorf("%s: %v", uri, err)
		}
	}
	cfg, err := config("postgres://u@db.gemeente.nl/terugkeer", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if p := cfg.ConnConfig.RuntimeParams; p["application_name"] != "terugkeer" || p["plan_cache_mode"] != "force_custom_plan" ||
		p["jit"] != "off" {
		t.Errorf("runtime parameters = %v", p)
	}
	tc := cfg.ConnConfig.TLSConfig
	if tc == nil || tc.InsecureSkipVerify || tc.ServerName != "db.gemeente.nl" || len(cfg.ConnConfig.Fallbacks) != 0 {
		t.Errorf("default for a remote server is not verify-full: %+v", tc)
	}
}

// PGSSLMODE counts as the URI's sslmode, under the same rules.
func TestConfigPGSSLMode(t *testing.T) {
	t.Setenv("PGSSLMODE", "disable")
	if _, err := config("postgres://u@db.gemeente.nl/terugkeer", Options{}); !errors.Is(err, ErrInsecure) {
		t.Errorf("PGSSLMODE=disable to a remote server: %v", err)
	}
}

func TestConfigBadURIHidesPassword(t *testing.T) {
	for _, uri := range []string{"postgres://u:geheim@db.gemeente.nl:notaport/x", "mysql://u:geheim@h/x"} {
		_, err := config(uri, Options{})
		if !errors.Is(err, ErrBadURI) {
			t.Errorf("%s: %v, want ErrBadURI", uri, err)
		}
		if err != nil && strings.Contains(err.Error(), "geheim") {
			t.Errorf("the password is in the error: %v", err)
		}
	}
}

// The password hook is asked only when the URI and PGPASSWORD give none.
func TestConfigPasswordHook(t *testing.T) {
	t.Setenv("PGPASSWORD", "")
	t.Setenv("PGPASSFILE", "/nonexistent")
	asked := 0
	hook := func() (string, error) { asked++; return "uit-sleutelbos", nil }
	cfg, err := config("postgres://u@127.0.0.1/x?sslmode=disable", Options{Password: hook})
	if err != nil || cfg.ConnConfig.Password != "uit-sleutelbos" || asked != 1 {
		t.Fatalf("hook: %v %q %d", err, cfg.ConnConfig.Password, asked)
	}
	cfg, err = config("postgres://u:uri@127.0.0.1/x?sslmode=disable", Options{Password: hook})
	if err != nil || cfg.ConnConfig.Password != "uri" || asked != 1 {
		t.Fatalf("URI password: %v %q %d", err, cfg.ConnConfig.Password, asked)
	}
	t.Setenv("PGPASSWORD", "env")
	cfg, err = config("postgres://u@127.0.0.1/x?sslmode=disable", Options{Password: hook})
	if err != nil || cfg.ConnConfig.Password != "env" || asked != 1 {
		t.Fatalf("PGPASSWORD: %v %q %d", err, cfg.ConnConfig.Password, asked)
	}
}

// A wrong password is classified, and neither it nor the user name is in the message.
func TestOpenWrongPassword(t *testing.T) {
	uri := testDatabase(t)
	db, err := Open(t.Context(), uri, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.pool.Exec(t.Context(), `DROP ROLE IF EXISTS pgcore_medewerker`)
	if _, err := db.pool.Exec(t.Context(), `CREATE ROLE pgcore_medewerker LOGIN PASSWORD 'juist-ww'`); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if conn, err := pgx.Connect(context.Background(), uri); err == nil {
			conn.Exec(context.Background(), `DROP ROLE IF EXISTS pgcore_medewerker`)
			conn.Close(context.Background())
		}
	})
	bad := strings.Replace(uri, "postgres@", "pgcore_medewerker:fout-ww-7391@", 1)
	if conn, err := pgx.Connect(t.Context(), bad); err == nil {
		conn.Close(t.Context())
		t.Skip("the test cluster does not check passwords (pg_hba.conf: trust)")
	}
	_, err = Open(t.Context(), bad, Options{})
	if !errors.Is(err, ErrAuthentication) {
		t.Errorf("wrong password: %v, want ErrAuthentication", err)
	}
	if strings.Contains(err.Error(), "fout-ww-7391") || strings.Contains(err.Error(), "pgcore_medewerker") {
		t.Errorf("the password or user is in the error: %v", err)
	}
}

// A server that is not there is ErrUnreachable; a database that is not there ErrNoDatabase.
func TestOpenUnreachableAndMissing(t *testing.T) {
	_, err := Open(t.Context(), "postgres://u@127.0.0.1:1/x?sslmode=disable&connect_timeout=2", Options{})
	if !errors.Is(err, ErrUnreachable) {
		t.Errorf("closed port: %v", err)
	}
	uri := testDatabase(t)
	i := strings.LastIndex(uri, "/")
	j := strings.Index(uri[i:], "?")
	missing := uri[:i] + "/bestaat_niet_42"
	if j >= 0 {
		missing += uri[i+j:]
	}
	if _, err := Open(t.Context(), missing, Options{}); !errors.Is(err, ErrNoDatabase) {
		t.Errorf("missing database: %v", err)
	}
}

// A server that offers no TLS (the test cluster) refuses a verify-full connection: the
// error is ErrCertificate's class, not a silent fallback to plain text.
func TestOpenVerifyFullWithoutTLS(t *testing.T) {
	uri := testDatabase(t)
	if i := strings.Index(uri, "?"); i >= 0 {
		uri = uri[:i]
	}
	_, err := Open(t.Context(), uri+"?sslmode=verify-full", Options{})
	if !errors.Is(err, ErrCertificate) {
		t.Fatalf("verify-full to a server without TLS: %v, want ErrCertificate", err)
	}
}
