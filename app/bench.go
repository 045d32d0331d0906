package app

import (
	"context"
	"time"
)

// BenchBackend is what `terugkeer-cli bench` needs of a storage backend besides the
// Service: a consistent snapshot of the user's database to measure on, writable copies
// of it, a few samples, and the plain-insert ceiling. The backend keeps every copy
// where the database lives and removes them on Close, so the measurement never writes
// the user's database and leaves no personal data behind.
type BenchBackend interface {
	// Persons returns how many persons the snapshot holds.
	Persons(ctx context.Context) (int, error)
	// SamplePersons returns up to n person ids spread over the snapshot, and up to n BSNs.
	SamplePersons(ctx context.Context, n int) ([]int64, []string, error)
	// ConsentedSubjects returns up to n persons of copy name that have stored topics,
	// with a domain of each.
	ConsentedSubjects(ctx context.Context, name string, n int) ([]Subject, []Domain, error)
	// Open opens the copy called name ("" is the snapshot itself), making it from the
	// snapshot when it does not exist yet. The caller closes the Store.
	Open(ctx context.Context, name string) (Store, error)
	// Ceiling inserts the rows that copy name holds and the snapshot lacks into the
	// snapshot, in one transaction with the application's connection settings, and
	// returns how long that took and how many rows it inserted. The snapshot is
	// changed afterwards: measure on it before.
	Ceiling(ctx context.Context, name string) (time.Duration, int, error)
	// Dir is a private folder beside the copies for the caller's own files.
	Dir() string
	// Close removes the snapshot and every copy.
	Close() error
}
