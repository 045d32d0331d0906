package postgres

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"net/url"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers"
)

// rolesMu serialises the tests that create the cluster-wide group roles.
var rolesMu sync.Mutex

// teamDatabase is a fresh database with the group roles installed by the owner (the
// cluster's superuser), and a login role granted group: it returns the owner's store,
// and the login role's name and URI.
func teamDatabase(t *testing.T, groups ...string) (*DB, string, []string) {
	t.Helper()
	rolesMu.Lock()
	defer rolesMu.Unlock()
	owner, uri := openTest(t)
	ctx := context.Background()
	if err := owner.InstallRoles(ctx); err != nil {
		t.Fatalf("InstallRoles: %v", err)
	}
	var names, uris []string
	for _, g := range groups {
		b := make([]byte, 4)
		rand.Read(b)
		name := "tk_" + hex.EncodeToString(b)
		sql := "CREATE ROLE " + pgx.Identifier{name}.Sanitize() + " LOGIN; GRANT " + pgx.Identifier{g}.Sanitize() +
			" TO " + pgx.Identifier{name}.Sanitize()
		if _, err := owner.pool.Exec(ctx, sql); err != nil {
			t.Fatalf("login role: %v", err)
		}
		t.Cleanup(func() {
			// Runs before the database is dropped: end the role's connections first.
			owner.pool.Exec(context.Background(), `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1`, name)
			if _, err := owner.pool.Exec(context.Background(), "DROP ROLE "+pgx.Identifier{name}.Sanitize()); err != nil {
				t.Logf("drop role %s: %v", name, err)
			}
		})
		u, err := url.Parse(uri)
		if err != nil {
			t.Fatal(err)
		}
		u.User = url.User(name)
		names = append(names, name)
		uris = append(uris, u.String())
	}
	return owner, uri, append(names, uris...)
}

func openAs(t *testing.T, uri string) *DB {
	t.Helper()
	db, err := Open(context.Background(), uri, Options{})
	if err != nil {
		t.Fatalf("Open as login role: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// A casemanager signed in under their own login role, granted terugkeer_medewerker, is
// the actor of their audit entries whatever the configured user name says, and cannot
// change, remove or empty the audit log, nor write an entry in another's name.
func TestMedewerkerIsTheActorAndCannotTouchTheAudit(t *testing.T) {
	_, _, r := teamDatabase(t, RoleMedewerker)
	name, uri := r[0], r[1]
	db := openAs(t, uri)
	if db.SessionUser() != name {
		t.Fatalf("SessionUser = %q, want %q", db.SessionUser(), name)
	}
	update(t, db, func(tx app.Tx) error {
		if err := tx.SetSetting(app.SettingGebruiker, "Iemand Anders"); err != nil {
			return err
		}
		return tx.AddAudit(&app.AuditEntry{Tijd: time.Now().UTC(), Actie: app.ActieInzage, Object: "persoon", ObjectID: 1,
			Resultaat: "ok", Actor: "Iemand Anders"})
	})
	var entries []app.AuditEntry
	view(t, db, func(tx app.ReadTx) (err error) {
		entries, err = tx.AuditEntries(app.AuditFilter{})
		return err
	})
	if len(entries) == 0 || entries[len(entries)-1].Actor != name {
		t.Fatalf("last audit entry's actor = %+v, want the login role %q", entries, name)
	}
	ctx := context.Background()
	for _, sql := range []string{
		`UPDATE audit SET actie = 'vervalst'`,
		`DELETE FROM audit`,
		`TRUNCATE audit`,
		`INSERT INTO audit (tijd, actie, actor, prev_hash, hash) VALUES ('2026-01-01T00:00:00Z', 'lezen', 'iemand-anders', '', '')`,
	} {
		_, err := db.pool.Exec(ctx, sql)
		var pgErr *pgconn.PgError
		if !errors.As(err, &pgErr) || pgErr.Code != "42501" {
			t.Errorf("%s as terugkeer_medewerker: %v, want refused (42501)", sql, err)
		}
	}
}

// The settings that decide the team's data and terms are the beheerder's: a medewerker
// is refused with ErrAdminOnly, a beheerder may; bookkeeping settings stay writable.
func TestOnlyBeheerderChangesTermsAndGemeenten(t *testing.T) {
	_, _, r := teamDatabase(t, RoleMedewerker, RoleBeheerder)
	medewerker, beheerder := openAs(t, r[2]), openAs(t, r[3])
	ctx := context.Background()
	for _, key := range []string{"bewaartermijn.logboek", app.SettingGemeenten, "imap.server"} {
		err := medewerker.Update(ctx, func(tx app.Tx) error { return tx.SetSetting(key, "1d") })
		if !errors.Is(err, ErrAdminOnly) {
			t.Errorf("medewerker sets %s: %v, want ErrAdminOnly", key, err)
		}
		if err := beheerder.Update(ctx, func(tx app.Tx) error { return tx.SetSetting(key, "1d") }); err != nil {
			t.Errorf("beheerder sets %s: %v", key, err)
		}
	}
	if err := medewerker.Update(ctx, func(tx app.Tx) error { return tx.SetSetting(app.SettingLaatstBekeken, "x") }); err != nil {
		t.Errorf("medewerker sets %s: %v", app.SettingLaatstBekeken, err)
	}
}

// A medewerker's retention run removes audit entries past their term through the
// owner's function; entries within their term are refused by the server, and the chain
// still verifies afterwards.
func TestMedewerkerRetentionRemovesOnlyExpiredAudit(t *testing.T) {
	owner, _, r := teamDatabase(t, RoleMedewerker)
	old := time.Date(2015, 3, 1, 12, 0, 0, 0, time.UTC)
	var oldID, newID int64
	update(t, owner, func(tx app.Tx) error {
		e := app.AuditEntry{Tijd: old, Actie: app.ActieInzage, Object: "persoon", ObjectID: 1, Resultaat: "ok"}
		if err := tx.AddAudit(&e); err != nil {
			return err
		}
		oldID = e.ID
		n := app.AuditEntry{Tijd: time.Now().UTC(), Actie: app.ActieInzage, Object: "persoon", ObjectID: 2, Resultaat: "ok"}
		err := tx.AddAudit(&n)
		newID = n.ID
		return err
	})
	db := openAs(t, r[1])
	ctx := context.Background()
	err := db.Update(ctx, func(tx app.Tx) error { _, err := tx.DeleteAuditThrough(newID); return err })
	if !errors.Is(err, ErrPermission) {
		t.Errorf("removing entries within their term: %v, want refused (ErrPermission)", err)
	}
	var n int
	update(t, db, func(tx app.Tx) (err error) {
		n, err = tx.DeleteAuditThrough(oldID)
		return err
	})
	if n < 1 {
		t.Fatalf("removed %d expired entries, want at least 1", n)
	}
	var left []app.AuditEntry
	view(t, db, func(tx app.ReadTx) (err error) {
		left, err = tx.AuditEntries(app.AuditFilter{})
		return err
	})
	for _, e := range left {
		if e.ID <= oldID {
			t.Errorf("entry %d still there", e.ID)
		}
	}
}

// init on a role that may not create roles fails without changing anything, so that
// the CLI prints the SQL for the DBA instead.
func TestInstallRolesNeedsCreateRole(t *testing.T) {
	_, _, r := teamDatabase(t, RoleBeheerder)
	db := openAs(t, r[1])
	if err := db.InstallRoles(context.Background()); !errors.Is(err, ErrRolesNeedDBA) {
		t.Fatalf("InstallRoles as a plain login role: %v, want ErrRolesNeedDBA", err)
	}
	sql, err := db.RolesSQL(context.Background())
	if err != nil || sql == "" {
		t.Fatalf("RolesSQL: %q, %v", sql, err)
	}
}

// On the team database the user of the application is the login role: "Mijn acties"
// and SignedIn name it, whatever the configured user name says.
func TestMineIsTheLoginRole(t *testing.T) {
	_, _, r := teamDatabase(t, RoleMedewerker)
	name, db := r[0], openAs(t, r[1])
	svc := app.NewService(db, importers.Decoder{}, time.Now)
	ctx := context.Background()
	if err := db.Update(ctx, func(tx app.Tx) error { return tx.SetSetting(app.SettingGebruiker, "Iemand Anders") }); err != nil {
		t.Fatal(err)
	}
	if u, team := svc.SignedIn(); !team || u != name {
		t.Errorf("SignedIn = %q, %v; want %q, true", u, team, name)
	}
	mine, err := svc.PlannedActions(ctx, app.ActionQuery{Mine: true})
	if err != nil || mine.User != name || !mine.Mine {
		t.Errorf("PlannedActions(Mine) = user %q, mine %v, %v; want the login role %q", mine.User, mine.Mine, err, name)
	}
}

// On the team database removing a person is the beheerder's: a medewerker is refused
// before anything is touched, a beheerder removes.
func TestOnlyBeheerderRemovesAPerson(t *testing.T) {
	owner, _, r := teamDatabase(t, RoleMedewerker, RoleBeheerder)
	p := samplePerson(bsn1, "Jan", "", "Berg")
	update(t, owner, func(tx app.Tx) error { return tx.CreatePerson(p) })
	ctx := context.Background()
	medewerker := app.NewService(openAs(t, r[2]), importers.Decoder{}, time.Now)
	if err := medewerker.RemovePerson(ctx, p.ID); !errors.Is(err, app.ErrAdminOnly) {
		t.Errorf("medewerker removes a person: %v, want app.ErrAdminOnly", err)
	}
	beheerder := app.NewService(openAs(t, r[3]), importers.Decoder{}, time.Now)
	if err := beheerder.RemovePerson(ctx, p.ID); err != nil {
		t.Errorf("beheerder removes a person: %v", err)
	}
	err := owner.View(ctx, func(tx app.ReadTx) error { _, err := tx.PersonByID(p.ID); return err })
	if !errors.Is(err, app.ErrNotFound) {
		t.Errorf("person still there after the beheerder's removal: %v", err)
	}
}

// The team (app.TeamStore) is the login roles granted terugkeer_medewerker or
// terugkeer_beheerder, also through a role granted in between, and the signed-in one;
// not a group role that cannot log in, nor a login role outside the team.
func TestTeamMembersAreTheLoginRolesOfTheGroupRoles(t *testing.T) {
	owner, _, r := teamDatabase(t, RoleMedewerker, RoleBeheerder)
	medewerker, beheerder := r[0], r[1]
	ctx := context.Background()
	b := make([]byte, 4)
	rand.Read(b)
	suffix := hex.EncodeToString(b)
	group, nested, outsider := "tkgroep_"+suffix, "tkgenest_"+suffix, "tkbuiten_"+suffix
	id := func(s string) string { return pgx.Identifier{s}.Sanitize() }
	for _, sql := range []string{
		"CREATE ROLE " + id(group) + " NOLOGIN",
		"GRANT " + RoleMedewerker + " TO " + id(group),
		"CREATE ROLE " + id(nested) + " LOGIN",
		"GRANT " + id(group) + " TO " + id(nested),
		"CREATE ROLE " + id(outsider) + " LOGIN",
	} {
		if _, err := owner.pool.Exec(ctx, sql); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	t.Cleanup(func() {
		for _, n := range []string{nested, outsider, group} {
			if _, err := owner.pool.Exec(context.Background(), "DROP ROLE "+id(n)); err != nil {
				t.Logf("drop role %s: %v", n, err)
			}
		}
	})
	db := openAs(t, r[2])
	got, err := db.TeamMembers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.IsSorted(got) {
		t.Errorf("TeamMembers not sorted: %q", got)
	}
	for _, want := range []string{medewerker, beheerder, nested} {
		if !slices.Contains(got, want) {
			t.Errorf("TeamMembers lacks %s: %q", want, got)
		}
	}
	for _, not := range []string{group, outsider, RoleMedewerker, RoleBeheerder} {
		if slices.Contains(got, not) {
			t.Errorf("TeamMembers holds %s: %q", not, got)
		}
	}
}

// The change counter works for the group roles: a medewerker's write moves it, and a
// colleague signed in under another login role reads it (the grants of RolesSQL).
func TestChangeCounterForTheGroupRoles(t *testing.T) {
	_, _, r := teamDatabase(t, RoleMedewerker, RoleBeheerder)
	medewerker, beheerder := openAs(t, r[2]), openAs(t, r[3])
	ctx := context.Background()
	before, err := beheerder.Changes(ctx)
	if err != nil {
		t.Fatalf("a beheerder reads the change counter: %v", err)
	}
	if err := medewerker.Update(ctx, func(tx app.Tx) error { return tx.SetSetting(app.SettingLaatstBekeken, "x") }); err != nil {
		t.Fatalf("medewerker writes: %v", err)
	}
	after, err := beheerder.Changes(ctx)
	if err != nil || after == before {
		t.Errorf("after a medewerker's write the counter reads %d, %v (was %d)", after, err, before)
	}
	if n, err := medewerker.Changes(ctx); err != nil || n != after {
		t.Errorf("the medewerker reads the change counter: %d, %v; want %d", n, err, after)
	}
}
