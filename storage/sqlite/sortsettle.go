package sqlite

import (
	"context"
	"errors"
	"fmt"

	"github.com/terugkeer/terugkeer/app"
)

var _ app.SortSettler = (*DB)(nil)

// SettleSortOrder moves the persons that batches created from the small sort indexes
// into the large ones (gesorteerd = 1, migration 0022), in one write transaction with a
// batch's page cache: each leaf page of a large index that receives entries is written
// once, however many persons the runs since the last settlement added. Each person is
// moved by a statement of its own: one UPDATE over all of them was 20-30% slower
// (docs/performance.md, session 27), probably the statement journal a statement of many
// rows keeps.
// It changes no value a window shows, so the change counter stays as it was, and it
// removes nothing, so no wipe follows. With no such person it takes no write lock.
func (db *DB) SettleSortOrder(ctx context.Context) error {
	var waiting bool
	err := db.View(ctx, func(tx app.ReadTx) error {
		var err error
		waiting, err = tx.(*reader).unsortedPersons()
		return err
	})
	if err != nil || !waiting {
		return err
	}
	ab, err := db.batch(ctx, true)
	if err != nil {
		return err
	}
	b := ab.(*batch)
	if err := b.w.settleSortOrder(); err != nil {
		return errors.Join(fmt.Errorf("sorteervolgorde van nieuwe personen bijwerken: %w", err), b.Rollback())
	}
	return b.Commit()
}

// settleSortOrder moves every person of the small sort indexes into the large ones.
func (w *writer) settleSortOrder() error {
	rows, err := w.query(`SELECT id FROM persons INDEXED BY persons_geboortedatum_nieuw WHERE gesorteerd = 0`)
	if err != nil {
		return err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		ids = append(ids, id)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return err
	}
	for _, id := range ids {
		if _, err := w.execLog(`UPDATE persons SET gesorteerd = 1 WHERE id = ?`, id); err != nil {
			return err
		}
	}
	return nil
}

// unsortedPersons reports whether a person is in the small sort indexes (gesorteerd = 0):
// a sort must then read those beside the large ones (personRanges, bothParts).
func (r *reader) unsortedPersons() (bool, error) {
	var waiting bool
	err := r.queryRow(`SELECT EXISTS (SELECT 1 FROM persons INDEXED BY persons_geboortedatum_nieuw WHERE gesorteerd = 0)`).Scan(&waiting)
	if err != nil {
		return false, fmt.Errorf("personen zoeken: %w", err)
	}
	return waiting, nil
}
