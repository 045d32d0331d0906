package pgtest

import (
	"context"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// PasswordGroup is the role whose members the cluster of scripts/postgres.sh signs in
// on 127.0.0.1 only with their password (scram-sha-256, pg_hba.conf); every other role
// is trusted there.
const PasswordGroup = "terugkeer_wachtwoord_test"

// PasswordUser creates a login role that must give its password: a superuser (it may
// open any test database and bring its schema up to date) in PasswordGroup. It returns
// dbURI with that user and without a password, and the password. At the test's end what
// the role owns in dbURI's database goes to the cluster's superuser and the role is
// dropped; register it after Database. It skips (fails when RequiredEnv is 1) when the
// cluster does not check passwords.
func PasswordUser(t testing.TB, dbURI string) (uri, password string) {
	t.Helper()
	admin := ClusterURI(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	group := pgx.Identifier{PasswordGroup}.Sanitize()
	// Tests of several packages run at once on one cluster: the group may just have come.
	if err := execAdmin(ctx, admin, "DO $$ BEGIN CREATE ROLE "+group+" NOLOGIN; "+
		"EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$"); err != nil {
		t.Fatalf("pgtest: groepsrol aanmaken: %v", err)
	}
	name := "terugkeer_ww_" + randomHex(t)
	password = "Ww-" + randomHex(t)
	role := pgx.Identifier{name}.Sanitize()
	if err := execAdmin(ctx, admin, "CREATE ROLE "+role+" LOGIN SUPERUSER PASSWORD '"+password+"' IN ROLE "+group); err != nil {
		t.Fatalf("pgtest: rol met wachtwoord aanmaken: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if err := execAdmin(ctx, dbURI, "REASSIGN OWNED BY "+role+" TO CURRENT_USER; DROP OWNED BY "+role); err != nil {
			t.Errorf("pgtest: rol opruimen: %v", err)
		}
		if err := execAdmin(ctx, admin, "DROP ROLE IF EXISTS "+role); err != nil {
			t.Errorf("pgtest: rol opruimen: %v", err)
		}
	})
	u, err := url.Parse(dbURI)
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	u.User = url.User(name)
	uri = u.String()
	wrong, _ := url.Parse(uri)
	wrong.User = url.UserPassword(name, "fout-"+password)
	if conn, err := pgx.Connect(ctx, wrong.String()); err == nil {
		conn.Close(context.Background())
		msg := "pgtest: het cluster controleert geen wachtwoorden (pg_hba.conf van een oudere scripts/postgres.sh)"
		if os.Getenv(RequiredEnv) == "1" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return uri, password
}
