// Package pgtest gives tests a fresh PostgreSQL database on the throw-away cluster that
// scripts/postgres.sh starts (TERUGKEER_PG_URI). It is for tests only.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// URIEnv names the cluster's superuser URI (scripts/postgres.sh run sets it).
const URIEnv = "TERUGKEER_PG_URI"

// RequiredEnv, when "1", makes a missing cluster fail the test instead of skipping it
// (make test sets it in CI).
const RequiredEnv = "TERUGKEER_PG_REQUIRED"

// ClusterURI returns the cluster's URI, or skips the test (fails it when RequiredEnv is 1)
// when none is set.
func ClusterURI(t testing.TB) string {
	t.Helper()
	uri := os.Getenv(URIEnv)
	if uri != "" {
		return uri
	}
	msg := URIEnv + " is niet gezet: de tests tegen een echte PostgreSQL-server worden overgeslagen " +
		"(start er een met scripts/postgres.sh run, of gebruik make test)"
	if os.Getenv(RequiredEnv) == "1" {
		t.Fatal(msg + "; " + RequiredEnv + "=1 eist hem")
	}
	t.Skip(msg)
	return ""
}

// Database creates a new, empty database with a unique name on the cluster and returns
// its URI; the database is dropped (its connections ended) when the test ends. The user is
// the cluster's superuser, so the backend may CREATE EXTENSION (pg_trgm).
func Database(t testing.TB) string {
	t.Helper()
	admin := ClusterURI(t)
	name := "terugkeer_test_" + randomHex(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := execAdmin(ctx, admin, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()); err != nil {
		t.Fatalf("pgtest: database aanmaken: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if err := execAdmin(ctx, admin, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)"); err != nil {
			t.Errorf("pgtest: database opruimen: %v", err)
		}
	})
	uri, err := withDatabase(admin, name)
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	return uri
}

// withDatabase returns uri with its database (the path) replaced by name.
func withDatabase(uri, name string) (string, error) {
	u, err := url.Parse(uri)
	if err != nil {
		return "", fmt.Errorf("%s is geen URI: %w", URIEnv, err)
	}
	u.Path = "/" + name
	u.RawPath = ""
	return u.String(), nil
}

func execAdmin(ctx context.Context, uri, sql string) error {
	conn, err := pgx.Connect(ctx, uri)
	if err != nil {
		return fmt.Errorf("verbinden met %s: %w", URIEnv, err)
	}
	defer conn.Close(context.Background())
	_, err = conn.Exec(ctx, sql)
	return err
}

func randomHex(t testing.TB) string {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b[:])
}

// teamLock is the advisory lock that serialises Colleagues over every test process on
// the cluster (CREATE ROLE of one name at once would fail in all but one).
const teamLock = 7_316_001

// Colleagues makes each name a login role of the team on the cluster: a LOGIN role
// (without password: nobody signs in under it) granted terugkeer_medewerker, which is
// created NOLOGIN when missing. On the team database only such a name can be a
// verantwoordelijke. Roles belong to the cluster, not to one database, and tests share
// these names, so they are not dropped: the throw-away cluster goes as a whole.
func Colleagues(t testing.TB, names ...string) {
	t.Helper()
	admin := ClusterURI(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	conn, err := pgx.Connect(ctx, admin)
	if err != nil {
		t.Fatalf("pgtest: verbinden met %s: %v", URIEnv, err)
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, teamLock); err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	defer conn.Exec(context.Background(), `SELECT pg_advisory_unlock($1)`, teamLock) //nolint:errcheck // the connection closes anyway
	group := "terugkeer_medewerker"
	for _, n := range append([]string{group}, names...) {
		login := "LOGIN"
		if n == group {
			login = "NOLOGIN"
		}
		var exists bool
		if err := conn.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)`, n).Scan(&exists); err != nil {
			t.Fatalf("pgtest: rol lezen: %v", err)
		}
		if !exists {
			// The group role may come meanwhile from an init outside the lock: then it is there.
			_, err := conn.Exec(ctx, "CREATE ROLE "+pgx.Identifier{n}.Sanitize()+" "+login)
			if err != nil && (conn.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)`, n).Scan(&exists) != nil || !exists) {
				t.Fatalf("pgtest: rol aanmaken: %v", err)
			}
		}
		if n != group {
			if _, err := conn.Exec(ctx, "GRANT "+group+" TO "+pgx.Identifier{n}.Sanitize()); err != nil {
				t.Fatalf("pgtest: rol toekennen: %v", err)
			}
		}
	}
}
