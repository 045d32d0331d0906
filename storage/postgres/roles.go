package postgres

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
)

// The group roles of a team (issue 16 item 3). IT grants one of them to each
// casemanager's own login role; the audit then names that login role (session_user).
const (
	// RoleMedewerker reads, imports, records follow-up and prints.
	RoleMedewerker = "terugkeer_medewerker"
	// RoleBeheerder may also change the gemeentecodes, the retention terms and the
	// mailbox, and remove persons; it is a member of RoleMedewerker.
	RoleBeheerder = "terugkeer_beheerder"
)

// ErrRolesNeedDBA: the signed-in role may not create roles; RolesSQL is what a DBA runs.
var ErrRolesNeedDBA = errors.New("deze gebruiker mag geen rollen aanmaken")

// RolesSQL is the SQL that creates the two group roles (when missing) and grants them
// their rights on this database's schema, for the role that owns the tables. It can be
// run more than once.
func (db *DB) RolesSQL(ctx context.Context) (string, error) {
	var database, schema, owner string
	err := db.pool.QueryRow(ctx, `SELECT current_database(), current_schema(),
		pg_get_userbyid(c.relowner) FROM pg_class c WHERE c.oid = 'audit'::regclass`).Scan(&database, &schema, &owner)
	if err != nil {
		return "", fmt.Errorf("schema lezen: %w", err)
	}
	return rolesSQL(database, schema, owner), nil
}

// rolesSQL writes the grants. The audit log gets SELECT and INSERT only: no group role
// can change or empty it; the retention run removes entries past their term through
// terugkeer_logboek_opschonen (migration 0004). Tables made by later migrations get the
// same rights by the default privileges of the owner.
func rolesSQL(database, schema, owner string) string {
	id := func(s string) string { return pgx.Identifier{s}.Sanitize() }
	var b strings.Builder
	for _, r := range []string{RoleMedewerker, RoleBeheerder} {
		fmt.Fprintf(&b, "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%s') THEN CREATE ROLE %s NOLOGIN; END IF; END $$;\n", r, id(r))
	}
	fmt.Fprintf(&b, "GRANT %s TO %s;\n", id(RoleMedewerker), id(RoleBeheerder))
	fmt.Fprintf(&b, "GRANT CONNECT ON DATABASE %s TO %s;\n", id(database), id(RoleMedewerker))
	fmt.Fprintf(&b, "GRANT USAGE ON SCHEMA %s TO %s;\n", id(schema), id(RoleMedewerker))
	fmt.Fprintf(&b, "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %s TO %s;\n", id(schema), id(RoleMedewerker))
	fmt.Fprintf(&b, "REVOKE UPDATE, DELETE, TRUNCATE ON %s.audit FROM %s;\n", id(schema), id(RoleMedewerker))
	fmt.Fprintf(&b, "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %s TO %s;\n", id(schema), id(RoleMedewerker))
	fmt.Fprintf(&b, "GRANT EXECUTE ON FUNCTION %s.terugkeer_logboek_opschonen(bigint) TO %s;\n", id(schema), id(RoleMedewerker))
	fmt.Fprintf(&b, "ALTER DEFAULT PRIVILEGES FOR ROLE %s IN SCHEMA %s GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %s;\n",
		id(owner), id(schema), id(RoleMedewerker))
	fmt.Fprintf(&b, "ALTER DEFAULT PRIVILEGES FOR ROLE %s IN SCHEMA %s GRANT USAGE, SELECT ON SEQUENCES TO %s;\n",
		id(owner), id(schema), id(RoleMedewerker))
	return b.String()
}

// InstallRoles runs RolesSQL. It returns ErrRolesNeedDBA, having changed nothing, when
// the signed-in role is neither a superuser nor allowed to create roles.
func (db *DB) InstallRoles(ctx context.Context) error {
	var may bool
	err := db.pool.QueryRow(ctx, `SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = session_user`).Scan(&may)
	if err != nil {
		return fmt.Errorf("rechten lezen: %w", err)
	}
	if !may {
		return ErrRolesNeedDBA
	}
	sql, err := db.RolesSQL(ctx)
	if err != nil {
		return err
	}
	tx, err := db.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("rollen aanmaken: %w", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx)) //nolint:errcheck // after Commit a no-op
	if _, err := tx.Exec(ctx, sql); err != nil {
		return permission(fmt.Errorf("rollen aanmaken: %w", err))
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("rollen aanmaken: %w", err)
	}
	return nil
}
