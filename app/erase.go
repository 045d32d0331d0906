package app

import "context"

// Eraser is a Store whose removals can leave the bytes of removed rows in its files
// after the commit, to be rewritten later (storage/postgres: a purge's plain VACUUM
// frees the rows' space without overwriting it, and only VACUUM FULL, which takes an
// exclusive lock, rewrites the files). The store records what is owed in the purge's
// own transaction. SQLite does not implement it: secure_delete overwrites the removed
// rows at once and the write-ahead log is truncated after the commit.
type Eraser interface {
	// EraseOwed rewrites what earlier removals left owed, where it can without waiting
	// long for a lock; what it cannot rewrite stays owed, with the reason.
	EraseOwed(ctx context.Context) (EraseReport, error)
}

// EraseReport is what EraseOwed did.
type EraseReport struct {
	Rewritten []string    // the tables rewritten
	Owed      []OwedTable // the tables still owed
}

// OwedTable is a table that still owes a rewrite, and why (Dutch).
type OwedTable struct {
	Table, Reason string
}

// EraseOwed rewrites what the store's removals left owed (Eraser). ok is false for a
// store that never owes anything (SQLite).
func (s *Service) EraseOwed(ctx context.Context) (rep EraseReport, ok bool, err error) {
	e, ok := s.store.(Eraser)
	if !ok {
		return EraseReport{}, false, nil
	}
	rep, err = e.EraseOwed(ctx)
	return rep, true, err
}

// eraseAfterRun runs EraseOwed at the end of a retention run or an import batch, whose
// own changes are committed by then. What it cannot do stays owed in the store, for the
// next run or the nightly `terugkeer-cli db opschonen`, so its failure does not make
// the run fail: the removals themselves are done.
func (s *Service) eraseAfterRun(ctx context.Context) {
	_, _, _ = s.EraseOwed(ctx) //nolint:errcheck // what failed stays owed (see above)
}
