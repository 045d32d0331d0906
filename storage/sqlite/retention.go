package sqlite

import (
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/storage/sqlstore"
)

// RetentionPerson runs sqlstore.RetentionPerson in this transaction.
func (r *reader) RetentionPerson(id int64) (app.RetentionPerson, bool, error) {
	return sqlstore.RetentionPerson(r, id)
}

// RetentionPersons calls fn for every person with what the retention terms run from.
func (r *reader) RetentionPersons(fn func(app.RetentionPerson) error) error {
	rows, err := r.query(sqlstore.RetentionPersonSQL + ` ORDER BY p.id`)
	if err != nil {
		return fmt.Errorf("bewaartermijnen bepalen: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		p, err := sqlstore.ScanRetentionPerson(rows)
		if err != nil {
			return err
		}
		if err := fn(p); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("bewaartermijnen bepalen: %w", err)
	}
	return nil
}

// LedgerKeys returns the latest date stored under each key of the consent ledger whose
// latest date lies before the given day. Each table is grouped along its primary key
// (key, domain) and checked against the other by key, so neither is sorted: one GROUP BY
// over both tables together sorted every ledger row in memory (temp_store MEMORY; ~40 MB
// at 150,000 persons).
func (r *reader) LedgerKeys(before app.Date) (map[string]app.Date, error) {
	out := map[string]app.Date{}
	for _, q := range []string{
		`SELECT key, max(opgesteld) FROM consents c GROUP BY key HAVING max(opgesteld) < ?
			AND NOT EXISTS (SELECT 1 FROM revocations r WHERE r.key = c.key AND r.ondertekend >= ?)`,
		`SELECT key, max(ondertekend) FROM revocations r GROUP BY key HAVING max(ondertekend) < ?
			AND NOT EXISTS (SELECT 1 FROM consents c WHERE c.key = r.key AND c.opgesteld >= ?)`,
	} {
		if err := r.ledgerDates(q, before, out); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// ledgerDates adds the keys and dates of one of LedgerKeys' queries to out, keeping the
// later date of a key both tables hold.
func (r *reader) ledgerDates(query string, before app.Date, out map[string]app.Date) error {
	rows, err := r.query(query, before.String(), before.String())
	if err != nil {
		return fmt.Errorf("toestemmingsregister lezen: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var key string
		var s sql.NullString
		if err := rows.Scan(&key, &s); err != nil {
			return fmt.Errorf("toestemmingsregister lezen: %w", err)
		}
		d, err := sqlstore.ParseDate(s)
		if err != nil {
			return err
		}
		if d.After(out[key]) {
			out[key] = d
		}
	}
	return rows.Err()
}

// PersonIdentifiers runs sqlstore.PersonIdentifiers in this transaction.
func (r *reader) PersonIdentifiers(fn func(bsn, skn string)) error {
	return sqlstore.PersonIdentifiers(r, fn)
}

// ledgerChunk bounds the number of bound parameters per statement.
const ledgerChunk = 500

// DeleteLedgerKeys removes every consent and revocation row under keys, irreversibly.
func (w *writer) DeleteLedgerKeys(keys []string) (int, error) {
	w.purged = true
	total := 0
	for start := 0; start < len(keys); start += ledgerChunk {
		list, args := sqlstore.InList(keys[start:min(start+ledgerChunk, len(keys))])
		for _, table := range []string{"consents", "revocations"} {
			n, err := w.execCount(`DELETE FROM `+table+` WHERE key IN (`+list+`)`, args...)
			if err != nil {
				return total, fmt.Errorf("toestemmingsregister opschonen: %w", err)
			}
			total += n
		}
	}
	return total, nil
}

// DeleteUnlinkedMessages removes the records of messages without a person that were
// received before t.
func (w *writer) DeleteUnlinkedMessages(before time.Time) (int, error) {
	w.purged = true
	n, err := w.execCount(`DELETE FROM messages WHERE person_id IS NULL AND ontvangen < ?`, sqlstore.TimeValue(before))
	if err != nil {
		return 0, fmt.Errorf("berichtenlijst opschonen: %w", err)
	}
	return n, nil
}

// DeleteAuditThrough deletes the audit entries with id <= id; the hash of entry id
// becomes the anchor of the log's seal.
func (w *writer) DeleteAuditThrough(id int64) (int, error) {
	var anchor string
	err := w.queryRow(`SELECT hash FROM audit WHERE id = ?`, id).Scan(&anchor)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("logboek opschonen: %w", err)
	}
	n, err := w.execCount(`DELETE FROM audit WHERE id <= ?`, id)
	if err != nil {
		return 0, fmt.Errorf("logboek opschonen: %w", err)
	}
	if w.cache != nil {
		w.cache.headOK = false // read again: the log may be empty now
	}
	return n, w.reseal(-n, &anchor, nil)
}
