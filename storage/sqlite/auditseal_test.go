package sqlite

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

func addAudit(t *testing.T, db *DB, n int) {
	t.Helper()
	for i := range n {
		update(t, db, func(tx app.Tx) error {
			return tx.AddAudit(&app.AuditEntry{Tijd: time.Date(2026, 1, 1, 0, 0, i, 0, time.UTC), Actie: app.ActieInzage})
		})
	}
}

func sealOf(t *testing.T, db *DB) *app.AuditSeal {
	t.Helper()
	var s *app.AuditSeal
	view(t, db, func(tx app.ReadTx) error {
		var err error
		s, err = tx.AuditSeal()
		return err
	})
	return s
}

// TestAuditSealFollowsTheLog: every append and every pruning rewrites the seal, and a
// database from before migration 0010 gets its seal once, over the log as it was.
func TestAuditSealFollowsTheLog(t *testing.T) {
	db, path := openTest(t)
	addAudit(t, db, 3)
	s := sealOf(t, db)
	if s == nil || !s.Echt || s.Aantal != 3 {
		t.Fatalf("seal after 3 appends = %+v", s)
	}
	var second string
	view(t, db, func(tx app.ReadTx) error {
		es, err := tx.AuditEntries(app.AuditFilter{})
		second = es[1].Hash
		return err
	})
	update(t, db, func(tx app.Tx) error { // as retention prunes
		if _, err := tx.DeleteAuditThrough(2); err != nil {
			return err
		}
		return tx.SetSetting(app.SettingAuditAnker, second)
	})
	if s := sealOf(t, db); !s.Echt || s.Aantal != 1 || s.Anker != second {
		t.Fatalf("seal after pruning 2 = %+v, want 1 entry from %s", s, second)
	}

	// Back to schema 9, as an older release left it; the next open seals the log once.
	raw, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		t.Fatal(err)
	}
	// (0011 to 0017 undone too: they came after.)
	for _, stmt := range append(append([]string(nil), undo0017...), "DROP TABLE wijzigingen", "DROP INDEX plan_agreements_gemeente_datum",
		"CREATE INDEX plan_agreements_gemeente ON plan_agreements (datum, person_id) WHERE wie = 'gemeente' AND status IN ('open', 'lopend')",
		"DROP TABLE aantekeningen", "DROP TABLE controle", "DROP TABLE imap_verwijderen",
		"ALTER TABLE quarantine DROP COLUMN message_id",
		"ALTER TABLE messages DROP COLUMN inhoud", "DROP TABLE logboek_zegel", "DROP TABLE wisopdracht", "PRAGMA user_version = 9") {
		if _, err := raw.ExecContext(context.Background(), stmt); err != nil {
			t.Fatal(err)
		}
	}
	raw.Close()
	db.Close()
	again, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if s := sealOf(t, again); s == nil || !s.Echt || s.Aantal != 1 || s.Anker != second {
		t.Fatalf("seal after the upgrade = %+v", s)
	}
}
