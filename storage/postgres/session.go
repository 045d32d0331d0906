package postgres

import (
	"context"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"
)

// session is who signed in to the database: the login role the server authenticated
// (session_user), and whether it owns the tables.
type session struct {
	user      string
	owner     bool
	beheerder bool // a member of terugkeer_beheerder, or the owner
}

// readSession asks the server who signed in (after the migrations: terugkeer_eigenaar
// is migration 0004's).
func (db *DB) readSession(ctx context.Context) error {
	err := db.pool.QueryRow(ctx, `SELECT session_user::text, terugkeer_eigenaar(), terugkeer_beheerder()`).Scan(
		&db.session.user, &db.session.owner, &db.session.beheerder)
	if err != nil {
		return fmt.Errorf("aangemelde gebruiker lezen: %w", err)
	}
	return nil
}

// SessionUser is the login role the server signed in: the actor of every audit entry
// this store writes, and the user the application shows (app.SessionUserStore).
func (db *DB) SessionUser() string { return db.session.user }

// MayAdminister reports whether the signed-in role is the team's beheerder (or owns the
// tables): app.AdminStore.
func (db *DB) MayAdminister() bool { return db.session.beheerder }

// TeamMembers is who can be verantwoordelijke on the team database (app.TeamStore): the
// login roles that are members of terugkeer_medewerker or terugkeer_beheerder, directly
// or through nested grants (a login role granted a role that is granted the group
// role), and the signed-in role; sorted. Roles that cannot log in (group roles
// themselves) are not colleagues. The group roles belong to the cluster, so every
// database of the cluster has the same team.
func (db *DB) TeamMembers(ctx context.Context) ([]string, error) {
	rows, err := db.pool.Query(ctx, `WITH RECURSIVE lid(oid) AS (
			SELECT oid FROM pg_roles WHERE rolname IN ($1, $2)
			UNION
			SELECT m.member FROM pg_auth_members m JOIN lid ON m.roleid = lid.oid
		)
		SELECT r.rolname::text FROM pg_roles r JOIN lid ON r.oid = lid.oid WHERE r.rolcanlogin
		UNION
		SELECT session_user::text`, RoleMedewerker, RoleBeheerder)
	if err != nil {
		return nil, fmt.Errorf("teamleden lezen: %w", err)
	}
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("teamleden lezen: %w", err)
	}
	slices.Sort(names)
	return names, nil
}
