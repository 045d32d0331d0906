package sqlite

import (
	"database/sql"
	"errors"
	"fmt"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/storage/sqlstore"
)

// AddAudit seals e onto the newest entry and stores it; it sets e.ID, e.PrevHash and e.Hash.
// Update holds the write lock (BEGIN IMMEDIATE), so the chain cannot fork.
// Inside a batch the newest hash is kept in memory after the first entry.
func (w *writer) AddAudit(e *app.AuditEntry) error {
	prev, err := w.auditHead()
	if err != nil {
		return err
	}
	e.Seal(prev)
	res, err := w.execLog(`INSERT INTO audit (tijd, actie, object, object_id, resultaat, grondslag,
		actor, bron, domeinen, aantal, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
		sqlstore.TimeValue(e.Tijd), e.Actie, e.Object, e.ObjectID, e.Resultaat, e.Grondslag, e.Actor,
		e.Bron, sqlstore.JoinDomains(e.Domeinen), e.Aantal, e.PrevHash, e.Hash)
	if err != nil {
		return fmt.Errorf("logboek schrijven: %w", err)
	}
	if e.ID, err = res.LastInsertId(); err != nil {
		return fmt.Errorf("logboek schrijven: %w", err)
	}
	if c := w.cache; c != nil {
		c.head, c.headOK = e.Hash, true
	}
	return w.reseal(1, nil, &e.Hash)
}

// auditHead returns the hash a new entry is sealed onto: the newest entry's, or the
// anchor retention left behind when the log is empty ("" at first).
func (w *writer) auditHead() (string, error) {
	if c := w.cache; c != nil && c.headOK {
		return c.head, nil
	}
	var prev string
	err := w.queryRow(`SELECT hash FROM audit ORDER BY id DESC LIMIT 1`).Scan(&prev)
	if errors.Is(err, sql.ErrNoRows) {
		prev, err = w.Setting(app.SettingAuditAnker)
	}
	if err != nil {
		return "", fmt.Errorf("logboek lezen: %w", err)
	}
	if c := w.cache; c != nil {
		c.head, c.headOK = prev, true
	}
	return prev, nil
}

// AuditEntries runs sqlstore.AuditEntries in this transaction.
func (r *reader) AuditEntries(f app.AuditFilter) ([]app.AuditEntry, error) {
	return sqlstore.AuditEntries(r, f)
}
