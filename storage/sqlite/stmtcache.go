package sqlite

import (
	"context"
	"database/sql"
	"sync"
	"time"
)

// stmtCache keeps one prepared statement per SQL text for the life of the DB. Parsing
// SQL was the largest single cost of an import (about 40% of its CPU time in a profile
// of 3,000 messages, docs/performance.md); database/sql prepares a cached statement once
// per connection and Tx.StmtContext reuses it inside a transaction.
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

// prepareWait bounds how long a first use waits for a free connection to prepare on.
// The caller holds a transaction's connection, so with every connection of the pool
// held by transactions a prepare could wait for ever; it then runs uncached instead.
const prepareWait = 50 * time.Millisecond

// stmt returns the statement for query bound to tx, or nil when it is not cached and
// cannot be now (the caller then runs the query directly on tx).
func (c *stmtCache) stmt(ctx context.Context, tx *sql.Tx, query string) *sql.Stmt {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	s, ok := c.m[query]
	full := len(c.m) >= maxCachedStmts
	c.mu.Unlock()
	if !ok {
		if full {
			return nil
		}
		pctx, cancel := context.WithTimeout(ctx, prepareWait)
		prepared, err := c.db.PrepareContext(pctx, query)
		cancel()
		if err != nil {
			return nil // no free connection, or a bad query: the direct call reports it
		}
		c.mu.Lock()
		if s, ok = c.m[query]; ok {
			defer prepared.Close() // another transaction cached it meanwhile
		} else {
			c.m[query], s = prepared, prepared
		}
		c.mu.Unlock()
	}
	return tx.StmtContext(ctx, s)
}
