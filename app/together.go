package app

// Together runs reads on tx as if one after the other, in their order, and returns the
// first error. The reads must not depend on one another's results. On a ReadTx that is
// a TogetherReader (PostgreSQL) their statements travel to the server together, one
// round trip for the first statement of every read, one for the second, and so on,
// instead of one round trip per statement; elsewhere (SQLite, in the process) they
// simply run in order.
func Together(tx ReadTx, reads ...func(ReadTx) error) error {
	if t, ok := tx.(TogetherReader); ok {
		return t.Together(reads...)
	}
	for _, read := range reads {
		if err := read(tx); err != nil {
			return err
		}
	}
	return nil
}

// TogetherReader is a ReadTx that can send the statements of independent reads
// together (Together). Its reads run one at a time, never at once, so they may write
// to the same variables; what one of them returns is what it would return alone.
type TogetherReader interface {
	Together(reads ...func(ReadTx) error) error
}
