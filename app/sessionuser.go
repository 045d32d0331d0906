package app

import (
	"context"
	"errors"
)

// SessionUserStore is a store whose server knows who signed in: on a team database
// (PostgreSQL) the casemanager's own login role. That name is then the user everywhere
// (audit actor, "door" of a status change, "Mijn acties", the printout's header),
// instead of the configured user name that anyone can change.
type SessionUserStore interface {
	SessionUser() string
}

// userName is the user the application acts for: the store's signed-in user, or else
// the configured user name (SettingGebruiker).
func (s *Service) userName(tx ReadTx) (string, error) {
	if u, ok := s.store.(SessionUserStore); ok {
		return u.SessionUser(), nil
	}
	return tx.Setting(SettingGebruiker)
}

// SignedIn returns the user the store signed in and true on a team database; "" and
// false on a local file, where the user is the configured name.
func (s *Service) SignedIn() (string, bool) {
	if u, ok := s.store.(SessionUserStore); ok {
		return u.SessionUser(), true
	}
	return "", false
}

// RoleInstaller is a team database that sets up the group roles its casemanagers' login
// roles are granted (PostgreSQL: terugkeer_medewerker and terugkeer_beheerder).
type RoleInstaller interface {
	// InstallRoles creates the roles and grants their rights; it fails, changing
	// nothing, when the signed-in role may not create roles: RolesSQL is then what the
	// database administrator runs.
	InstallRoles(ctx context.Context) error
	RolesSQL(ctx context.Context) (string, error)
}

// Roles returns the store's role set-up, false on a store without roles (a local file).
func (s *Service) Roles() (RoleInstaller, bool) {
	r, ok := s.store.(RoleInstaller)
	return r, ok
}

// AdminStore is a team database that knows whether the signed-in role is the team's
// beheerder (PostgreSQL: a member of terugkeer_beheerder, or the tables' owner).
type AdminStore interface {
	MayAdminister() bool
}

// ErrAdminOnly: on the team database only a beheerder may do this (removing a person).
var ErrAdminOnly = errors.New("alleen een beheerder (terugkeer_beheerder) mag een persoon verwijderen")

// mayAdminister reports whether the user may do what is the beheerder's: always on a
// local file, on a team database when the store says so.
func (s *Service) mayAdminister() bool {
	a, ok := s.store.(AdminStore)
	return !ok || a.MayAdminister()
}
