package app

import "context"

// ActieVerplaatsing is the audit action for the database moved out of the Roaming
// profile (issue 20).
const ActieVerplaatsing = "verplaatsing"

// RecordDatabaseMove audits that the database was moved from the old Roaming place to
// the local one. The entry names no folder: a path holds the user's account name.
func (s *Service) RecordDatabaseMove(ctx context.Context) error {
	return s.store.Update(ctx, func(tx Tx) error {
		return s.audit(tx, AuditEntry{Actie: ActieVerplaatsing, Object: "database",
			Resultaat: "naar-lokale-map", Bron: "roaming"})
	})
}
