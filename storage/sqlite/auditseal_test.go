package sqlite

import (
	"strings"
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
	// (0011 to 0021 undone too: they came after.)
	again := reopenOlder(t, db, path, append(append(append(append(append(undo0022(), undo0021()...), undo0020()...), undo0018()...), undo0017...),
		"DROP TABLE wijzigingen", "DROP INDEX plan_agreements_gemeente_datum",
		"CREATE INDEX plan_agreements_gemeente ON plan_agreements (datum, person_id) WHERE wie = 'gemeente' AND status IN ('open', 'lopend')",
		"DROP TABLE aantekeningen", "DROP TABLE controle", "DROP TABLE imap_verwijderen",
		"ALTER TABLE quarantine DROP COLUMN message_id",
		"ALTER TABLE messages DROP COLUMN inhoud", "DROP TABLE logboek_zegel", "DROP TABLE wisopdracht", "PRAGMA user_version = 9")...)
	if s := sealOf(t, again); s == nil || !s.Echt || s.Aantal != 1 || s.Anker != second {
		t.Fatalf("seal after the upgrade = %+v", s)
	}
}

// undo0018 undoes migrations 0019 and 0018 (0016 and 0017 change nothing yet):
// their triggers, indexes and columns go, and the detention triggers and the index
// persons_vrijlating_eerst of 0006 come back (0019 dropped it).
func undo0018() []string {
	out := []string{"CREATE INDEX persons_vrijlating_eerst ON persons ((vrijlating IS NULL), vrijlating, sorteernaam, id)"}
	for _, t := range []string{"consent_states_opvolging_insert", "consent_states_opvolging_update", "consent_states_opvolging_delete",
		"followups_opvolging_insert", "followups_opvolging_update", "followups_opvolging_delete",
		"plans_opvolging_insert", "plans_opvolging_update", "plans_opvolging_delete",
		"detentions_laatste_insert", "detentions_laatste_update", "detentions_laatste_delete"} {
		out = append(out, "DROP TRIGGER "+t)
	}
	cols := []string{"inrichting", "einddatum_status"}
	keys := []string{"geboortedatum", "inrichting", "status"}
	for _, d := range app.Domains() {
		name := strings.ReplaceAll(string(d), "-", "_")
		keys, cols = append(keys, name), append(cols, "opvolging_"+name)
	}
	for _, k := range keys {
		out = append(out, "DROP INDEX persons_"+k, "DROP INDEX IF EXISTS persons_"+k+"_eerst")
	}
	for _, c := range cols {
		out = append(out, "ALTER TABLE persons DROP COLUMN "+c)
	}
	latest := `UPDATE persons SET (laatste_detentie, vrijlating) = (SELECT x.id, x.einddatum FROM detentions x
		WHERE x.person_id = persons.id ORDER BY x.begindatum DESC, x.id DESC LIMIT 1)`
	return append(out,
		"CREATE TRIGGER detentions_laatste_insert AFTER INSERT ON detentions BEGIN "+latest+" WHERE id = NEW.person_id; END",
		"CREATE TRIGGER detentions_laatste_update AFTER UPDATE ON detentions BEGIN "+latest+" WHERE id IN (OLD.person_id, NEW.person_id); END",
		"CREATE TRIGGER detentions_laatste_delete AFTER DELETE ON detentions BEGIN "+latest+" WHERE id = OLD.person_id; END")
}
