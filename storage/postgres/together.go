package postgres

import (
	"github.com/jackc/pgx/v5"

	"github.com/terugkeer/terugkeer/app"
)

var _ app.TogetherReader = (*reader)(nil)

// Together runs independent reads (app.Together) sharing the round trips to the server:
// each read runs until its first statement; then the statements of all of them go out
// in one batch (a pipeline: one round trip), each read in turn takes its rows and runs
// until its next statement or its end; then the next statements go out together, and
// so on until every read has returned. Only one read runs at any time, in their order,
// and each on its own goroutine only to be paused at a statement: the reads never run
// at once. The dashboard's eleven first reads took eleven round trips, now one; the
// server also works on the next statement while this process reads the rows of the
// previous one.
//
// It returns the first error a read returned, in the order they happened: after a
// failed statement the transaction is aborted and every later statement fails too.
func (r *reader) Together(reads ...func(app.ReadTx) error) error {
	_, err := r.together(reads)
	return err
}

// together is Together; it also returns the number of batches it sent.
func (r *reader) together(reads []func(app.ReadTx) error) (batches int, err error) {
	if r.pipe != nil || len(reads) < 2 {
		for _, read := range reads {
			if err := read(r); err != nil {
				return 0, err
			}
		}
		return 0, nil
	}
	p := &pipeline{steps: make([]*pipeStep, len(reads)), next: make([]pipeRequest, len(reads))}
	for i, read := range reads {
		s := &pipeStep{yield: make(chan pipeRequest), wake: make(chan pipeResult)}
		p.steps[i] = s
		go s.run(&reader{ctx: r.ctx, tx: r.tx, pipe: s}, read)
		p.settle(i, <-s.yield)
	}
	for {
		b, waiting := p.batch()
		if len(waiting) == 0 {
			break
		}
		batches++
		br := r.tx.SendBatch(r.ctx, b)
		for _, i := range waiting {
			if i < 0 { // a SET of plan_cache_mode
				if _, err := br.Exec(); err != nil && p.err == nil {
					p.err = err
				}
				continue
			}
			rows, err := br.Query()
			p.steps[i].wake <- pipeResult{rows: rows, err: err}
			p.settle(i, <-p.steps[i].yield)
			rows.Close()
		}
		if err := br.Close(); err != nil && p.err == nil {
			p.err = err
		}
	}
	if p.panicked != nil {
		panic(p.panicked)
	}
	return batches, p.err
}

// pipeline is the state of one Together: the reads and the statement each waits for.
type pipeline struct {
	steps    []*pipeStep
	next     []pipeRequest // per read: its next statement, or done
	err      error         // the first error a read returned
	panicked any           // the first panic of a read, raised again when all are done
}

// settle records read i's request: its next statement, or its end and error.
func (p *pipeline) settle(i int, req pipeRequest) {
	p.next[i] = req
	if req.done && req.panicked != nil && p.panicked == nil {
		p.panicked = req.panicked
	}
	if req.done && req.err != nil && p.err == nil {
		p.err = req.err
	}
}

// Statements of a read marked generic (reader.queryGeneric) run first in a batch,
// between these two: planned once per connection and statement, not at every run.
const (
	genericPlans = `SET LOCAL plan_cache_mode = force_generic_plan`
	defaultPlans = `SET LOCAL plan_cache_mode TO DEFAULT` // the connection's: force_custom_plan (config)
)

// batch is the next statement of every read not done: those marked generic first
// (between the two SETs), then the others, each in the reads' order; waiting names the
// read of each statement, -1 for a SET.
func (p *pipeline) batch() (b *pgx.Batch, waiting []int) {
	b = &pgx.Batch{}
	var generic, custom []int
	for i, req := range p.next {
		switch {
		case req.done:
		case req.generic:
			generic = append(generic, i)
		default:
			custom = append(custom, i)
		}
	}
	queue := func(reads []int) {
		for _, i := range reads {
			b.Queue(p.next[i].sql, p.next[i].args...)
			waiting = append(waiting, i)
		}
	}
	if len(generic) > 0 {
		b.Queue(genericPlans)
		waiting = append(waiting, -1)
		queue(generic)
		b.Queue(defaultPlans)
		waiting = append(waiting, -1)
	}
	queue(custom)
	return b, waiting
}

// pipeStep is one read of a Together, on its own goroutine: it hands over its
// statements on yield and waits on wake for their rows; at its end it sends done.
type pipeStep struct {
	yield chan pipeRequest
	wake  chan pipeResult
}

// pipeRequest is a read's next statement (rebound), or that it returned (done).
type pipeRequest struct {
	sql      string
	args     []any
	generic  bool // planned with a generic plan (reader.queryGeneric)
	done     bool
	err      error
	panicked any
}

// pipeResult is the answer to a statement: its rows, which the read closes or leaves
// to Together to close.
type pipeResult struct {
	rows pgx.Rows
	err  error
}

// run runs read on r and reports its end, also when it panics.
func (s *pipeStep) run(r *reader, read func(app.ReadTx) error) {
	end := pipeRequest{done: true}
	defer func() {
		if v := recover(); v != nil {
			end.panicked = v
		}
		s.yield <- end
	}()
	end.err = read(r)
}

// query hands a statement to Together and waits for its rows.
func (s *pipeStep) query(sql string, args []any, generic bool) (pgx.Rows, error) {
	s.yield <- pipeRequest{sql: sql, args: args, generic: generic}
	res := <-s.wake
	return res.rows, res.err
}

// pipeRow is QueryRow's row in a Together, as pgx's: the first row, or pgx.ErrNoRows.
type pipeRow struct {
	rows pgx.Rows
	err  error
}

func (r pipeRow) Scan(dest ...any) error {
	if r.err != nil {
		return r.err
	}
	defer r.rows.Close()
	if !r.rows.Next() {
		if err := r.rows.Err(); err != nil {
			return err
		}
		return pgx.ErrNoRows
	}
	if err := r.rows.Scan(dest...); err != nil {
		return err
	}
	r.rows.Close()
	return r.rows.Err()
}
