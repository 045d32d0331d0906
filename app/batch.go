package app

import (
	"context"
	"errors"
	"sync"
	"time"
)

// BatchStore is a Store that can group many changes in one transaction (group commit).
// storage/sqlite implements it; ImportBatch falls back to one transaction per message on
// a Store that does not.
type BatchStore interface {
	Store
	// Batch begins a write transaction that stays open (holding the write lock) until
	// Commit or Rollback.
	Batch(ctx context.Context) (Batch, error)
}

// Batch is an open write transaction of a BatchStore, used by one goroutine.
type Batch interface {
	// Savepoint runs fn in a savepoint: when fn fails (or panics) its changes are undone
	// and the batch goes on without them.
	Savepoint(fn func(Tx) error) error
	// Commit makes every released savepoint durable at once. When any of them purged
	// personal data, the removal is made irreversible after the commit, as Store.Update
	// does.
	Commit() error
	// Rollback undoes the whole batch.
	Rollback() error
}

// Group-commit bounds: a batch commits after this many messages or this long after its
// first message, whichever comes first.
const (
	BatchMessages = 500
	BatchWait     = 200 * time.Millisecond
)

// WipeDeferrer is a BatchStore whose batches can leave the wipe that follows a purge's
// commit (storage/sqlite: the write-ahead log checkpointed and truncated) to the caller.
// The purge records the wipe in its own transaction, so a crash before the wipe leaves it
// to the next process that opens the store, as a reader holding the log up does.
type WipeDeferrer interface {
	BatchStore
	// BatchDeferringWipe begins a batch as Batch does, whose Commit does not wipe.
	BatchDeferringWipe(ctx context.Context) (Batch, error)
	// CompleteWipe completes a pending wipe as a commit would have (waiting for readers);
	// with none pending it does nothing.
	CompleteWipe(ctx context.Context) error
}

// SortSettler is a BatchStore whose batches keep the persons they create out of its large
// sort indexes, where each new entry would land on a page of its own, until
// SettleSortOrder moves them all in at once (storage/sqlite, migration 0022). The lists
// are sorted either way; settling only makes the moves cheaper per person. An
// ImportBatch settles at Close and after every SettleEvery messages.
type SortSettler interface {
	SettleSortOrder(ctx context.Context) error
}

// SettleEvery is how many messages an ImportBatch imports at most between two
// settlements of the sort order (SortSettler): a long run (the generator, a first import
// of years of mail) keeps the small indexes small.
const SettleEvery = 10_000

// WipeInterval is how often at most an ImportBatch on a WipeDeferrer wipes while its
// commits follow each other: the wipe after every commit that purged was a large part of
// the import's time (docs/performance.md, session 19), since a newer D&R-plan that moves
// an agreement on is a purge. The batch wipes at the first commit, then at a commit or
// while idle once the interval has passed, and always at every Flush and Close.
const WipeInterval = time.Second

// ImportInput is one file or e-mail for an ImportBatch.
type ImportInput struct {
	Bron, MessageID string
	Raw             []byte
	// Then, when set, runs right after the import of this input, in the same batch, with
	// the input's results and a Service on the batch: each of its changes is a savepoint
	// of the batch (the generator records follow-up for the person just imported); svc is
	// valid only during the call. An error of Then is the input's error; what the import
	// did stays.
	Then func(ctx context.Context, svc *Service, rs []Result) error
	// Done is called once the batch holding the import committed, with its results, or
	// with the error that left the input (or part of it, after the results given)
	// unprocessed. It runs on the batch's writer goroutine, in the order of Add, and must
	// not wait for the goroutine that calls Add or Flush.
	Done func(rs []Result, err error)
}

// ErrBatchClosed is the error of Add after Close.
var ErrBatchClosed = errors.New("de import is al afgesloten")

// ImportBatch imports files and e-mails with group commit, exactly as ImportBytes does
// (the same rules, results and audit entries): every message in its own savepoint, many
// messages per commit (at most BatchMessages or BatchWait). An input counts as imported
// only once Done reports it: a crash before loses the uncommitted inputs, which a
// rerun imports. A pipeline: Add hands the bytes to a parse goroutine (XML and MIME), which
// hands them to a writer goroutine (the store), so parsing runs on another core.
type ImportBatch struct {
	svc    *Service
	ctx    context.Context
	in     chan batchJob
	parsed chan batchJob
	done   chan struct{}

	mu     sync.Mutex
	err    error // the first failure of the batch as a whole (begin or commit)
	closed bool
}

// batchJob is an input (or, with flush set, a request to commit what came before).
type batchJob struct {
	in    ImportInput
	d     *decoded
	flush chan error
}

// NewImportBatch starts a batch; Close ends it.
func (s *Service) NewImportBatch(ctx context.Context) *ImportBatch {
	b := &ImportBatch{svc: s, ctx: ctx, in: make(chan batchJob, 64), parsed: make(chan batchJob, 64), done: make(chan struct{})}
	go b.parse()
	go b.write()
	return b
}

// Add queues an input; it blocks while the pipeline is full. The error is the batch's
// (it failed as a whole, or was closed): the input is then not imported.
func (b *ImportBatch) Add(in ImportInput) error {
	b.mu.Lock()
	err, closed := b.err, b.closed
	b.mu.Unlock()
	if closed {
		return ErrBatchClosed
	}
	if err != nil {
		return err
	}
	select {
	case b.in <- batchJob{in: in}:
		return nil
	case <-b.done:
		return b.failure()
	}
}

// Flush commits everything added so far and returns once every Done of it has run and
// what the batch's purges left owed has been rewritten where possible (Eraser).
func (b *ImportBatch) Flush() error { return b.FlushAsync()() }

// FlushAsync queues a commit of everything added so far, as Flush does, without waiting
// for it: Add may go on at once (the inputs added after it go into a later commit). The
// function returned waits until that commit is done and every Done of what came before
// it has run, and returns Flush's error; call it once. Queueing blocks while the
// pipeline is full, as Add does.
func (b *ImportBatch) FlushAsync() (wait func() error) {
	b.mu.Lock()
	closed := b.closed
	b.mu.Unlock()
	if closed {
		return b.failure
	}
	ch := make(chan error, 1)
	select {
	case b.in <- batchJob{flush: ch}:
	case <-b.done:
		return b.failure
	}
	return func() error {
		select {
		case err := <-ch:
			return err
		case <-b.done:
			return b.failure()
		}
	}
}

// Close commits what is left, rewrites what the batch's purges left owed where possible
// (Eraser), and stops the batch; it returns the batch's failure, if any. Add is refused
// afterwards.
func (b *ImportBatch) Close() error {
	b.mu.Lock()
	if b.closed {
		b.mu.Unlock()
		<-b.done
		return b.failure()
	}
	b.closed = true
	b.mu.Unlock()
	close(b.in)
	<-b.done
	return b.failure()
}

func (b *ImportBatch) failure() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.err
}

func (b *ImportBatch) fail(err error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.err == nil {
		b.err = err
	}
}

// parse decodes the inputs in order and hands them on.
func (b *ImportBatch) parse() {
	defer close(b.parsed)
	for j := range b.in {
		if j.flush == nil {
			j.d = b.svc.decode(j.in.Bron, j.in.MessageID, j.in.Raw)
		}
		b.parsed <- j
	}
}

// write applies the decoded inputs, committing per group.
func (b *ImportBatch) write() {
	defer close(b.done)
	w := &batchWriter{b: b}
	defer w.stopTimer()
	for {
		select {
		case j, ok := <-b.parsed:
			if !ok {
				w.commitAndErase(true)
				return
			}
			if j.flush != nil {
				j.flush <- w.commitAndErase(false)
				continue
			}
			w.apply(j)
		case <-w.timeout():
			w.commit()
		case <-w.wipeDue():
			w.wipeTimer = nil
			if w.tx == nil { // otherwise the open group's commit wipes
				w.wipe()
			}
		}
	}
}

// batchWriter is the writer goroutine's state: the open transaction and the inputs
// waiting for its commit.
type batchWriter struct {
	b       *ImportBatch
	tx      Batch
	svc     *Service // the Service on tx
	waiting []batchDone
	n       int // messages in tx
	timer   *time.Timer
	// wiper is the store when it defers wipes to the batch (WipeDeferrer); owed says a
	// commit left one since wiped, when the batch last wiped; wipeTimer fires when the
	// next wipe is due.
	wiper     WipeDeferrer
	owed      bool
	wiped     time.Time
	wipeTimer *time.Timer
	// unsettled counts the messages committed since the sort order was last settled
	// (SortSettler).
	unsettled int
}

// batchDone is an applied input waiting for the commit.
type batchDone struct {
	done func([]Result, error)
	rs   []Result
	err  error
}

func (w *batchWriter) timeout() <-chan time.Time {
	if w.timer == nil {
		return nil
	}
	return w.timer.C
}

func (w *batchWriter) stopTimer() {
	if w.timer != nil {
		w.timer.Stop()
		w.timer = nil
	}
	if w.wipeTimer != nil {
		w.wipeTimer.Stop()
		w.wipeTimer = nil
	}
}

func (w *batchWriter) wipeDue() <-chan time.Time {
	if w.wipeTimer == nil {
		return nil
	}
	return w.wipeTimer.C
}

// afterCommit wipes what the commits left when the interval has passed since the last
// wipe (or final, at Flush and Close), and otherwise sets the timer for when it has.
func (w *batchWriter) afterCommit(final bool) {
	if !w.owed {
		return
	}
	if wait := WipeInterval - time.Since(w.wiped); !final && wait > 0 {
		if w.wipeTimer == nil {
			w.wipeTimer = time.NewTimer(wait)
		}
		return
	}
	w.wipe()
}

// wipe completes the wipe the commits left; a failure fails the batch (the commits
// stand, the wipe stays recorded in the store).
func (w *batchWriter) wipe() {
	if w.wipeTimer != nil {
		w.wipeTimer.Stop()
		w.wipeTimer = nil
	}
	w.owed = false
	if err := w.wiper.CompleteWipe(w.b.ctx); err != nil {
		w.b.fail(err)
	}
	w.wiped = time.Now()
}

// apply imports one input in the open transaction (beginning one when needed), and
// commits when the group is full.
func (w *batchWriter) apply(j batchJob) {
	if err := w.b.failure(); err != nil {
		w.report(batchDone{done: j.in.Done, err: err})
		return
	}
	if w.tx == nil && !w.begin() {
		w.report(batchDone{done: j.in.Done, err: w.b.failure()})
		return
	}
	ctx := w.b.ctx
	rs, err := w.svc.importDecoded(ctx, j.d)
	if err == nil && j.in.Then != nil {
		err = j.in.Then(ctx, w.svc, rs)
	}
	w.waiting = append(w.waiting, batchDone{done: j.in.Done, rs: rs, err: err})
	if w.n += j.d.messages(); w.n >= BatchMessages {
		w.commit()
	}
}

// begin opens the transaction of the next group.
func (w *batchWriter) begin() bool {
	bs, ok := w.b.svc.store.(BatchStore)
	if !ok {
		w.tx = &perUpdate{ctx: w.b.ctx, store: w.b.svc.store}
	} else {
		begin := bs.Batch
		if w.wiper, ok = bs.(WipeDeferrer); ok {
			begin = w.wiper.BatchDeferringWipe
		}
		tx, err := begin(w.b.ctx)
		if err != nil {
			w.b.fail(err)
			return false
		}
		w.tx = tx
	}
	w.svc = &Service{store: savepointStore{w.tx}, dec: w.b.svc.dec, now: w.b.svc.now}
	w.timer = time.NewTimer(BatchWait)
	return true
}

// commit ends the open group: on success every waiting input is reported with its
// results; on failure with the error (nothing of them is stored), and the batch fails.
// Then it settles the sort order after SettleEvery messages, and wipes what purges left
// when that is due (afterCommit).
func (w *batchWriter) commit() error {
	err := w.commitGroup()
	if err == nil {
		w.settleIfDue(false)
	}
	w.afterCommit(false)
	return err
}

// settleIfDue moves the persons the batch created into the store's large sort indexes
// (SortSettler) after SettleEvery messages, or at the end (final) when it committed any.
// A failure (another process holding the write lock past its wait) is not the batch's:
// its messages are committed and listed in order either way, and the next settlement
// moves them.
func (w *batchWriter) settleIfDue(final bool) {
	if w.unsettled < SettleEvery && (!final || w.unsettled == 0) {
		return
	}
	w.unsettled = 0
	if s, ok := w.b.svc.store.(SortSettler); ok {
		_ = s.SettleSortOrder(w.b.ctx) // see above: nothing is lost or out of order
	}
}

func (w *batchWriter) commitGroup() error {
	if w.timer != nil {
		w.timer.Stop()
		w.timer = nil
	}
	if w.tx == nil {
		return w.b.failure()
	}
	err := w.tx.Commit()
	if err == nil {
		w.unsettled += w.n
	}
	w.tx, w.svc, w.n = nil, nil, 0
	if err != nil {
		w.b.fail(err)
	}
	w.owed = w.owed || w.wiper != nil
	waiting := w.waiting
	w.waiting = nil
	for _, d := range waiting {
		if err != nil {
			d.rs, d.err = nil, err
		}
		w.report(d)
	}
	return err
}

// commitAndErase ends the open group at a Flush or Close, settles the sort order at Close
// (SortSettler; a Flush, which the mailbox makes per group of mails, only after
// SettleEvery messages), wipes what the commits left (WipeDeferrer), and then rewrites
// what the batch's purges left owed (Eraser): once per Flush or Close, not per commit,
// since a rewrite locks each table it rewrites.
func (w *batchWriter) commitAndErase(final bool) error {
	err := w.commitGroup()
	if err == nil {
		w.settleIfDue(final)
	}
	w.afterCommit(true)
	if err == nil {
		w.b.svc.eraseAfterRun(w.b.ctx)
	}
	if err == nil {
		err = w.b.failure() // the wipe's
	}
	return err
}

func (w *batchWriter) report(d batchDone) {
	if d.done != nil {
		d.done(d.rs, d.err)
	}
}

// savepointStore is the Store of a Service on an open batch: every Update is a savepoint
// of it, so a failing message is undone alone, and View reads inside the batch.
type savepointStore struct{ tx Batch }

func (s savepointStore) Update(_ context.Context, fn func(Tx) error) error {
	return s.tx.Savepoint(fn)
}

func (s savepointStore) View(_ context.Context, fn func(ReadTx) error) error {
	return s.tx.Savepoint(func(tx Tx) error { return fn(tx) })
}

func (savepointStore) Close() error { return nil }

// perUpdate is the Batch of a Store without group commit: each savepoint is a
// transaction of its own, durable at once.
type perUpdate struct {
	ctx   context.Context
	store Store
}

func (p *perUpdate) Savepoint(fn func(Tx) error) error { return p.store.Update(p.ctx, fn) }
func (p *perUpdate) Commit() error                     { return nil }
func (p *perUpdate) Rollback() error                   { return nil }
