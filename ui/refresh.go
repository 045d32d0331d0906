package ui

import (
	"context"
	"errors"
	"time"

	"fyne.io/fyne/v2"

	"github.com/terugkeer/terugkeer/app"
)

// DefaultRefreshInterval is how often an open window asks the database whether anyone
// changed anything (Options.RefreshInterval).
const DefaultRefreshInterval = 2 * time.Second

// changeCounter is a service whose store counts its committed changes (app.Service on
// either backend): a colleague's import, follow-up, contact or removal moves it, and so
// does the CLI writing the same SQLite file. Looking at a file does not.
type changeCounter interface {
	Changes(ctx context.Context) (int64, error)
}

// personRefresher reads an open person's file again without recording an inzage when
// nothing in it changed (app.Service.RefreshPersonFile): nil then.
type personRefresher interface {
	RefreshPersonFile(ctx context.Context, id int64, shown *app.PersonFile) (*app.PersonFile, error)
}

// StartRefresh polls the change counter every Options.RefreshInterval on its own
// goroutine until stop is called (cmd/terugkeer: when the window closes) or the shell's
// context ends, and shows again what another casemanager or process changed
// (PollChanges). A service without a counter is not polled.
func (s *Shell) StartRefresh() (stop func()) {
	if _, ok := s.svc.(changeCounter); !ok || s.opts.RefreshInterval < 0 {
		return func() {}
	}
	every := s.opts.RefreshInterval
	if every == 0 {
		every = DefaultRefreshInterval
	}
	ctx, stop := context.WithCancel(s.ctx)
	go func() {
		tick := time.NewTicker(every)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
				s.PollChanges()
			}
		}
	}()
	return stop
}

// PollChanges is one tick of the poller (tests call it themselves): it reads the change
// counter off the Fyne goroutine and, when it moved since the screens were read, shows
// the current screen again (refreshShown). A counter that cannot be read is tried again
// on the next tick, without a message every two seconds.
func (s *Shell) PollChanges() {
	cc, ok := s.svc.(changeCounter)
	if !ok {
		return
	}
	n, err := cc.Changes(s.ctx)
	if err != nil || s.ctx.Err() != nil {
		return
	}
	fyne.Do(func() { s.changesSeen(n) })
}

// changesSeen takes a counter value the poller read. Fyne goroutine only.
//
// While a dialog or pop-up is open, the screen behind it does not change (as with the
// shortcuts): what the user is typing in a form stays exactly as it is, and the screen
// is shown again at the first tick after the dialog closed.
func (s *Shell) changesSeen(n int64) {
	if n != s.changes {
		s.changes, s.stale = n, true
	}
	if !s.stale || s.dialogOpen() {
		return
	}
	s.stale = false
	s.refreshShown()
}

// refreshShown shows the current screen again where it stands: the open person's file
// (only when it changed, see PersonView.Refresh), Overzicht (not its welcome form of a
// new database), the person list (its scroll
// position and highlighted row kept), Mijn acties, Quarantaine (the chosen message kept).
// Importeren, Logboek and Instellingen are left alone: what they show does not follow
// from the data a colleague changes, and Instellingen holds fields being edited. The
// person list, when not shown, is read again when it is shown next.
func (s *Shell) refreshShown() {
	s.personsStale = true
	switch {
	case s.Person != nil:
		s.Person.Refresh()
	case s.current == SectionOverzicht && s.Overview.Setup == nil:
		s.Overview.Reload() // not while the welcome asks for the gemeentecodes: a field being typed in
	case s.current == SectionPersonen:
		s.personsStale = false
		s.Persons.RefreshInPlace()
	case s.current == SectionActies:
		s.Actions.Reload()
	case s.current == SectionQuarantaine:
		s.Quarantine.Reload()
	}
}

// readChanges records the counter as the screens are first read, so that the first tick
// does not read them all again. Fyne goroutine; one small query.
func (s *Shell) readChanges() {
	if cc, ok := s.svc.(changeCounter); ok {
		if n, err := cc.Changes(s.ctx); err == nil {
			s.changes = n
		}
	}
}

// Refresh shows the file again after the change counter moved (Shell.refreshShown): only
// when something in it changed, and then with the scroll position kept; an unchanged
// file is not shown again and records no inzage. A file still loading is left to load.
func (v *PersonView) Refresh() {
	shown := v.file
	if shown == nil {
		return
	}
	r, ok := v.svc.(personRefresher)
	if !ok {
		v.Reload()
		return
	}
	v.bg.run(func() {
		f, err := r.RefreshPersonFile(v.ctx, v.id, shown)
		fyne.Do(func() {
			if v.file != shown {
				return // read again meanwhile (a change of the user's own)
			}
			switch {
			case errors.Is(err, app.ErrNotFound):
				v.gone()
			case err != nil || f == nil:
				// Unchanged, or not readable now: the next change tries again.
			default:
				at := v.scroll.Offset
				v.file = f
				v.render()
				v.scroll.Offset = at
				v.scroll.Refresh()
			}
		})
	})
}

// RefreshInPlace reads the list shown again where it stands, after the change counter
// moved: the pages in the cache are fetched anew and replace the old ones as they come
// in, and the count follows; the scroll position and the highlighted row stay. A search
// still being typed (its delay running) is left to run: it reads the list anyway.
func (v *PersonsView) RefreshInPlace() {
	if !v.ready || v.qctx == nil || v.query != v.currentQuery() {
		return
	}
	v.gen++
	v.pending = map[int]bool{}
	// Until the new count is in, the pages say how long the list is: a page that came
	// back shorter (a removal) ends it, instead of being asked for its missing rows.
	v.total = -1
	pages := make([]int, 0, len(v.pages))
	for p := range v.pages {
		pages = append(pages, p)
	}
	v.lru = nil
	for _, p := range pages {
		v.fetch(v.qctx, p, false)
	}
	v.countAll(v.qctx)
}
