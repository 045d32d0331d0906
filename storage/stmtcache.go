package storage

import (
	"context"
	"database/sql"
	"sync"
)

// stmtCache keeps one prepared statement per SQL text for the life of the DB. Parsing
// SQL was the largest single cost of an import (about 40% of its CPU time in a profile
// of 3,000 messages); database/sql prepares a cached statement once per connection and
// Tx.StmtContext reuses it inside a transaction.
type stmtCache struct {
	mu sync.Mutex
	db *sql.DB
	m  map[string]*sql.Stmt
}

func newStmtCache(db *sql.DB) *stmtCache {
	return &stmtCache{db: db, m: map[string]*sql.Stmt{}}
}

// maxCachedStmts bounds the cache: queries built from a variable number of values (IN
// lists, search words) have many texts; beyond the bound they are prepared each time.
const maxCachedStmts = 512

// stmt returns the statement for query bound to tx, or nil when it is not cached and
// cannot be (the caller then runs the query directly).
func (c *stmtCache) stmt(ctx context.Context, tx *sql.Tx, query string) *sql.Stmt {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	s, ok := c.m[query]
	if !ok && len(c.m) < maxCachedStmts {
		var err error
		if s, err = c.db.PrepareContext(ctx, query); err != nil {
			c.mu.Unlock()
			return nil // let the direct call report the error
		}
		c.m[query] = s
	}
	c.mu.Unlock()
	if s == nil {
		return nil
	}
	return tx.StmtContext(ctx, s)
}
