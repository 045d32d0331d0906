package postgres

import (
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/storage/sqlstore"
)

// AuditSeal returns the audit log's seal (app.AuditSeal) with Echt set when its MAC fits
// under the installation key; nil when the row is missing.
func (r *reader) AuditSeal() (*app.AuditSeal, error) {
	s, err := r.readSeal()
	if err != nil || s == nil {
		return s, err
	}
	key, err := r.installationKey()
	if err != nil {
		return nil, err
	}
	s.Echt = s.Fits(key)
	return s, nil
}

// readSeal runs sqlstore.ReadSeal in this transaction.
func (r *reader) readSeal() (*app.AuditSeal, error) { return sqlstore.ReadSeal(r) }

// installationKey reads the installation key without creating it; nil when there is none.
func (r *reader) installationKey() ([]byte, error) {
	v, err := r.Setting(secretKeySetting)
	if err != nil || v == "" {
		return nil, err
	}
	return sqlstore.DecodeSecret(v)
}

// reseal rewrites the seal after the log changed: n entries more (or fewer), the new
// newest hash and anchor. A seal that is missing or no longer fits is left as it is, so
// that a tampered log is not made to look whole by the next append.
func (w *writer) reseal(delta int, anchor, last *string) error {
	s, err := w.AuditSeal()
	if err != nil || s == nil || !s.Echt {
		return err
	}
	key, err := w.installationKey()
	if err != nil {
		return err
	}
	if anchor != nil {
		s.Anker = *anchor
	}
	if last != nil {
		s.Laatste = *last
	}
	return w.writeSeal(app.SealAudit(key, s.Aantal+delta, s.Anker, s.Laatste))
}

func (w *writer) writeSeal(s app.AuditSeal) error {
	_, err := w.execLog(`INSERT INTO logboek_zegel (id, aantal, anker, laatste, mac) VALUES (1, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET aantal = excluded.aantal, anker = excluded.anker,
		laatste = excluded.laatste, mac = excluded.mac`, s.Aantal, s.Anker, s.Laatste, s.MAC)
	if err != nil {
		return fmt.Errorf("zegel van het logboek schrijven: %w", err)
	}
	return nil
}

// sealAuditLog writes the first seal, over the log as it is, in the transaction of
// migration 0001 (so only once: a seal removed later is reported, never written anew).
// It creates the installation key when there is none yet.
func (w *writer) sealAuditLog() error {
	key, err := w.SecretKey()
	if err != nil {
		return err
	}
	anchor, err := w.Setting(app.SettingAuditAnker)
	if err != nil {
		return err
	}
	var n int
	last := anchor
	if err := w.queryRow(`SELECT count(*) FROM audit`).Scan(&n); err != nil {
		return fmt.Errorf("logboek tellen: %w", err)
	}
	err = w.queryRow(`SELECT hash FROM audit ORDER BY id DESC LIMIT 1`).Scan(&last)
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return fmt.Errorf("logboek lezen: %w", err)
	}
	return w.writeSeal(app.SealAudit(key, n, anchor, last))
}
