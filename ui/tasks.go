package ui

import "sync"

// tasks runs work off the UI goroutine and lets tests wait until it is done.
type tasks struct{ wg sync.WaitGroup }

// run starts fn on its own goroutine; fn hands results to the UI through fyne.Do.
func (t *tasks) run(fn func()) {
	t.wg.Add(1)
	go func() {
		defer t.wg.Done()
		fn()
	}()
}

// Wait blocks until all started work is done (tests).
func (t *tasks) Wait() { t.wg.Wait() }
