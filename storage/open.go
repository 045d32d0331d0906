// Package storage opens the store a source names: Terugkeer keeps its data in a SQLite
// file (storage/sqlite, the embedded default for one casemanager) or in a PostgreSQL
// database a team shares (storage/postgres). Both implement app.Store with the same
// semantics.
package storage

import (
	"context"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/storage/postgres"
	"github.com/terugkeer/terugkeer/storage/sqlite"
)

// Option tunes Open.
type Option func(*options)

type options struct {
	password func() (string, error)
}

// WithPassword gives Open a source for the PostgreSQL password (the OS keyring), asked
// only when neither the URI nor PGPASSWORD gives one. SQLite has no password.
func WithPassword(fn func() (string, error)) Option {
	return func(o *options) { o.password = fn }
}

// IsURI reports whether source names a PostgreSQL database (a postgres:// or
// postgresql:// URI) rather than a SQLite file.
func IsURI(source string) bool { return postgres.IsURI(source) }

// URIFrom returns the PostgreSQL URI that the --db flag or, without it, TERUGKEER_DB
// (app.EnvDB) names, with the precedence of app.LocateDatabase; false when they name a
// SQLite path or nothing, which app.LocateDatabase then places.
func URIFrom(flag string, getenv func(string) string) (string, bool) {
	source := flag
	if source == "" {
		source = getenv(app.EnvDB)
	}
	return source, IsURI(source)
}

// Open opens the store at source: a postgres:// or postgresql:// URI connects to
// PostgreSQL (postgres.Open: its connection rules and classified errors), anything else
// is the path of a SQLite file (sqlite.Open). The caller closes the store.
func Open(ctx context.Context, source string, opts ...Option) (app.Store, error) {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	if IsURI(source) {
		db, err := postgres.Open(ctx, source, postgres.Options{Password: o.password})
		if err != nil {
			return nil, err
		}
		return db, nil
	}
	db, err := sqlite.Open(source)
	if err != nil {
		return nil, err
	}
	return db, nil
}

// NewBench gives `terugkeer-cli bench` the backend of source (app.BenchBackend): for a
// SQLite file its snapshot and copies in a private folder beside the file
// (sqlite.NewBench), for a PostgreSQL URI new databases on the same server
// (postgres.NewBench, which needs the right CREATEDB). With keep, Close leaves them.
func NewBench(ctx context.Context, source string, keep bool, opts ...Option) (app.BenchBackend, error) {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	if IsURI(source) {
		b, err := postgres.NewBench(ctx, source, keep, postgres.Options{Password: o.password})
		if err != nil {
			return nil, err
		}
		return b, nil
	}
	b, err := sqlite.NewBench(ctx, source, keep)
	if err != nil {
		return nil, err
	}
	return b, nil
}
