package postgres

import (
	"context"
	"fmt"
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
