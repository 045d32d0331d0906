package ui

import "sync"

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
}

// run starts fn on its own goroutine; fn hands results to the UI through fyne.Do.
func (t *tasks) run(fn func()) {
	if t.inline {
		fn()
		return
	}
	t.wg.Add(1)
	go func() {
		defer t.wg.Done()
		fn()
	}()
}

// Wait blocks until all started work is done (tests).
func (t *tasks) Wait() { t.wg.Wait() }
