package ui

import (
	"sync"
	"time"
)

// tasks runs work off the UI goroutine and lets tests wait until it is done.
//
// Under Fyne's test driver fyne.Do runs its function at once on the calling goroutine,
// so a background task would touch widgets while the test does. inline makes run call fn
// on the caller's goroutine instead; the shell sets it from Options.OneTaskAtATime, which
// headless tests use. The real driver marshals fyne.Do onto the main goroutine, so the
// app runs tasks in the background.
type tasks struct {
	wg     sync.WaitGroup
	inline bool

	mu      sync.Mutex
	running int       // tasks started and not yet ended
	ended   time.Time // when the last task ended
}

// run starts fn on its own goroutine; fn hands results to the UI through fyne.Do.
func (t *tasks) run(fn func()) {
	t.begin()
	if t.inline {
		defer t.end()
		fn()
		return
	}
	t.wg.Add(1)
	go func() {
		defer t.wg.Done()
		defer t.end()
		fn()
	}()
}

func (t *tasks) begin() {
	t.mu.Lock()
	t.running++
	t.mu.Unlock()
}

func (t *tasks) end() {
	t.mu.Lock()
	t.running--
	t.ended = time.Now()
	t.mu.Unlock()
}

// quietSince reports whether no task runs now and none ended after since.
func (t *tasks) quietSince(since time.Time) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.running == 0 && !t.ended.After(since)
}

// Wait blocks until all started work is done (tests).
func (t *tasks) Wait() { t.wg.Wait() }
