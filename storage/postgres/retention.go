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

// retentionPersonSQL reads what the retention terms run from, per person.
const retentionPersonSQL = `SELECT p.id, p.aangemaakt, coalesce(t.status, 'aangemeld'), coalesce(t.uitkomst, ''),
		t.afgesloten,
		(SELECT max(d.einddatum) FROM detentions d WHERE d.person_id = p.id),
		(SELECT max(m.verzonden) FROM messages m WHERE m.person_id = p.id)
		FROM persons p LEFT JOIN trajecten t ON t.person_id = p.id`

// RetentionPerson reads what the retention terms run from for one person.
func (r *reader) RetentionPerson(id int64) (app.RetentionPerson, bool, error) {
	rows, err := r.query(retentionPersonSQL+` WHERE p.id = ?`, id)
	if err != nil {
		return app.RetentionPerson{}, false, fmt.Errorf("bewaartermijn bepalen: %w", err)
	}
	defer rows.Close()
	if !rows.Next() {
		return app.RetentionPerson{}, false, rows.Err()
	}
	p, err := scanRetentionPerson(rows)
	return p, err == nil, err
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
	rows, err := r.query(retentionPersonSQL+` WHERE p.id > ? ORDER BY p.id LIMIT ?`, after, retentionPage)
	if err != nil {
		return nil, fmt.Errorf("bewaartermijnen bepalen: %w", err)
	}
	defer rows.Close()
	var page []app.RetentionPerson
	for rows.Next() {
		p, err := scanRetentionPerson(rows)
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

func scanRetentionPerson(rows pgx.Rows) (app.RetentionPerson, error) {
	var p app.RetentionPerson
	var aan, afgesloten, eind, bericht sql.NullString
	if err := rows.Scan(&p.ID, &aan, &p.Traject.Status, &p.Traject.Uitkomst, &afgesloten, &eind, &bericht); err != nil {
		return p, fmt.Errorf("bewaartermijnen bepalen: %w", err)
	}
	var e1, e2, e3, e4 error
	p.Aangemaakt, e1 = sqlstore.ParseTime(aan)
	p.Traject.Afgesloten, e2 = sqlstore.ParseDate(afgesloten)
	p.LaatsteEinddatum, e3 = sqlstore.ParseDate(eind)
	p.LaatsteBericht, e4 = sqlstore.ParseTime(bericht)
	for _, err := range []error{e1, e2, e3, e4} {
		if err != nil {
			return p, fmt.Errorf("bewaartermijn van persoon %d: %w", p.ID, err)
		}
	}
	return p, nil
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

// PersonIdentifiers calls fn with every person's BSN and SKN, one row at a time.
func (r *reader) PersonIdentifiers(fn func(bsn, skn string)) error {
	rows, err := r.query(`SELECT coalesce(bsn, ''), coalesce(skn, '') FROM persons`)
	if err != nil {
		return fmt.Errorf("personen lezen: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var bsn, skn string
		if err := rows.Scan(&bsn, &skn); err != nil {
			return fmt.Errorf("personen lezen: %w", err)
		}
		fn(bsn, skn)
	}
	return rows.Err()
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
