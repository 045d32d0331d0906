package postgres

import (
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/storage/sqlstore"
)

// RetentionPerson runs sqlstore.RetentionPerson in this transaction.
func (r *reader) RetentionPerson(id int64) (app.RetentionPerson, bool, error) {
	return sqlstore.RetentionPerson(r, id)
}

// retentionPage is how many persons RetentionPersons reads at a time.
const retentionPage = 1000

// RetentionPersons calls fn for every person with what the retention terms run from,
// by id. The persons are read a page at a time and fn is called between the reads: a
// connection runs one query at a time, so fn may use the transaction, and memory
// stays bounded at any number of persons.
func (r *reader) RetentionPersons(fn func(app.RetentionPerson) error) error {
	var after int64
	for {
		page, err := r.retentionPage(after)
		if err != nil {
			return err
		}
		for _, p := range page {
			if err := fn(p); err != nil {
				return err
			}
		}
		if len(page) < retentionPage {
			return nil
		}
		after = page[len(page)-1].ID
	}
}

// retentionPage reads the next page of persons with an id above after.
func (r *reader) retentionPage(after int64) ([]app.RetentionPerson, error) {
	rows, err := r.query(sqlstore.RetentionPersonSQL+` WHERE p.id > ? ORDER BY p.id LIMIT ?`, after, retentionPage)
	if err != nil {
		return nil, fmt.Errorf("bewaartermijnen bepalen: %w", err)
	}
	defer rows.Close()
	var page []app.RetentionPerson
	for rows.Next() {
		p, err := sqlstore.ScanRetentionPerson(rows)
		if err != nil {
			return nil, err
		}
		page = append(page, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("bewaartermijnen bepalen: %w", err)
	}
	return page, nil
}

// LedgerKeys returns the latest date stored under each key of the consent ledger whose
// latest date lies before the given day.
func (r *reader) LedgerKeys(before app.Date) (map[string]app.Date, error) {
	rows, err := r.query(`SELECT key, max(d) FROM (
		SELECT key, opgesteld AS d FROM consents UNION ALL SELECT key, ondertekend FROM revocations) AS l
		GROUP BY key HAVING max(d) < ?`, before.String())
	if err != nil {
		return nil, fmt.Errorf("toestemmingsregister lezen: %w", err)
	}
	defer rows.Close()
	out := map[string]app.Date{}
	for rows.Next() {
		var key string
		var d sql.NullString
		if err := rows.Scan(&key, &d); err != nil {
			return nil, fmt.Errorf("toestemmingsregister lezen: %w", err)
		}
		if out[key], err = sqlstore.ParseDate(d); err != nil {
			return nil, err
		}
	}
	return out, rows.Err()
}

// PersonIdentifiers runs sqlstore.PersonIdentifiers in this transaction.
func (r *reader) PersonIdentifiers(fn func(bsn, skn string)) error {
	return sqlstore.PersonIdentifiers(r, fn)
}

// ledgerChunk bounds the number of bound parameters per statement.
const ledgerChunk = 500

// DeleteLedgerKeys removes every consent and revocation row under keys, irreversibly.
func (w *writer) DeleteLedgerKeys(keys []string) (int, error) {
	w.purge("consents", "revocations")
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
	w.purge("messages")
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
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("logboek opschonen: %w", err)
	}
	n, err := w.deleteAudit(id)
	if err != nil {
		return 0, permission(fmt.Errorf("logboek opschonen: %w", err))
	}
	return n, w.reseal(-n, &anchor, nil)
}

// deleteAudit removes the entries with id <= id. Only the tables' owner may delete from
// the log; a casemanager's group role goes through terugkeer_logboek_opschonen, which
// checks the term on the server's clock (migration 0004).
func (w *writer) deleteAudit(id int64) (int, error) {
	if w.session.owner {
		return w.execCount(`DELETE FROM audit WHERE id <= ?`, id)
	}
	var n int
	err := w.queryRow(`SELECT terugkeer_logboek_opschonen(?)`, id).Scan(&n)
	return n, err
}
