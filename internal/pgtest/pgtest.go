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
