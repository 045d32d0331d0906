package postgres

import (
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/storage/sqlstore"
)

// AddAudit seals e onto the newest entry and stores it; it sets e.ID, e.PrevHash and e.Hash,
// and e.Actor to the signed-in login role.
// Update holds the write lock (writeLockKey), so the chain cannot fork.
func (w *writer) AddAudit(e *app.AuditEntry) error {
	var prev string
	err := w.queryRow(`SELECT hash FROM audit ORDER BY id DESC LIMIT 1`).Scan(&prev)
	if errors.Is(err, pgx.ErrNoRows) {
		// An empty log continues from the anchor retention left behind ("" at first).
		prev, err = w.Setting(app.SettingAuditAnker)
	}
	if err != nil {
		return fmt.Errorf("logboek lezen: %w", err)
	}
	// The actor is who signed in, as the server knows it (migration 0004 refuses another
	// name), not the configured user name.
	e.Actor = w.session.user
	e.Seal(prev)
	e.ID, err = w.insertIDLog(`INSERT INTO audit (tijd, actie, object, object_id, resultaat, grondslag,
		actor, bron, domeinen, aantal, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
		sqlstore.TimeValue(e.Tijd), e.Actie, e.Object, e.ObjectID, e.Resultaat, e.Grondslag, e.Actor,
		e.Bron, sqlstore.JoinDomains(e.Domeinen), e.Aantal, e.PrevHash, e.Hash)
	if err != nil {
		return fmt.Errorf("logboek schrijven: %w", err)
	}
	return w.reseal(1, nil, &e.Hash)
}

// AuditEntries runs sqlstore.AuditEntries in this transaction.
func (r *reader) AuditEntries(f app.AuditFilter) ([]app.AuditEntry, error) {
	return sqlstore.AuditEntries(r, f)
}
