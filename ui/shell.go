package ui

import (
	"context"
	"runtime/debug"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/terugkeer/terugkeer/app"
)

// Options are what cmd/terugkeer wires in besides the service.
type Options struct {
	Examples []Example
	PDF      PDFWriter  // nil: "PDF maken" explains it is unavailable
	Lists    ListWriter // the lists as PDF or CSV; nil: their buttons explain it is unavailable
	Mailbox  Mailbox    // nil: no "Postvak ophalen"
	// ReadFile reads a file to import (importers.ReadFile: with its size limit); nil:
	// os.ReadFile.
	ReadFile func(path string) ([]byte, error)
	// Platform is the machine the PDF folder rules look at (app.SystemPlatform when
	// zero); tests play Windows with OneDrive on any system.
	Platform app.Platform
	// OneTaskAtATime runs background work one task at a time. Headless tests set it:
	// Fyne's test driver runs fyne.Do inline, so overlapping tasks would race on widgets.
	OneTaskAtATime bool
	// RefreshInterval is how often StartRefresh asks the database for changes of others
	// (0: DefaultRefreshInterval; negative: never).
	RefreshInterval time.Duration
	// SearchDelay is how long typing must pause before the Personen search runs (zero:
	// DefaultSearchDelay).
	SearchDelay time.Duration
	// RetentionIdle is how long the window must have been up with no background work (the
	// screens' loading, a search, an import) before the start-up retention run begins
	// (zero: DefaultRetentionIdle).
	RetentionIdle time.Duration
	// RetentionInterval is how often retention runs while the app is open (zero:
	// DefaultRetentionInterval).
	RetentionInterval time.Duration
}

// The defaults of Options' durations (DefaultRefreshInterval is in refresh.go).
const (
	DefaultSearchDelay       = 250 * time.Millisecond
	DefaultRetentionIdle     = 5 * time.Second
	DefaultRetentionInterval = 24 * time.Hour
)

// orDefault is d, or def when d is zero.
func orDefault(d, def time.Duration) time.Duration {
	if d == 0 {
		return def
	}
	return d
}

// Section names, also the navigation's order.
const (
	SectionOverzicht   = "Overzicht"
	SectionPersonen    = "Personen"
	SectionActies      = "Mijn acties"
	SectionImporteren  = "Importeren"
	SectionQuarantaine = "Quarantaine"
	SectionLogboek     = "Logboek"
	SectionInstelling  = "Instellingen"
)

// Shell is the window content: a navigation bar on the left and the current screen.
type Shell struct {
	svc  Service
	win  fyne.Window
	ctx  context.Context
	bg   *tasks
	opts Options

	Overview   *OverviewView
	Persons    *PersonsView
	Actions    *ActionsView
	Import     *ImportView
	Quarantine *QuarantineView
	Log        *AuditView
	Settings   *SettingsView
	Person     *PersonView // the open person, nil when none
	pdfFolders *pdfFolders

	screens map[string]fyne.CanvasObject
	navBtns map[string]*widget.Button
	current string
	// HelpShown is the screen whose help was shown last (tests).
	HelpShown string
	body      *fyne.Container
	status    *widget.Label
	// statusBefore is the status line a refused drop replaced, shown again after the next.
	statusBefore string
	content      fyne.CanvasObject
	// The change counter as the screens last read it (refresh.go); stale: it moved and
	// the screen shown is still to be read again; personsStale: the person list is.
	changes      int64
	stale        bool
	personsStale bool
}

// NewShell builds every screen and starts loading them in the background.
func NewShell(ctx context.Context, svc Service, win fyne.Window, opts Options) *Shell {
	s := &Shell{svc: svc, win: win, ctx: ctx, bg: &tasks{inline: opts.OneTaskAtATime}, opts: opts,
		screens: map[string]fyne.CanvasObject{}, navBtns: map[string]*widget.Button{}}
	s.pdfFolders = newPDFFolders(opts.Platform)
	s.readChanges() // before the screens are read: a change meanwhile is shown at the first tick
	s.Persons = NewPersonsView(ctx, svc, win, s.bg, s.OpenPerson, opts)
	s.Persons.saver.folders = s.pdfFolders
	s.Overview = NewOverviewView(ctx, svc, win, s.bg, s)
	s.Actions = NewActionsView(ctx, svc, win, s.bg, s.OpenPerson, func() { s.Show(SectionInstelling) })
	s.Import = NewImportView(ctx, svc, win, s.bg, opts.Mailbox, s)
	if opts.ReadFile != nil {
		s.Import.readFile = opts.ReadFile
	}
	s.Quarantine = NewQuarantineView(ctx, svc, win, s.bg, s.changed)
	s.Log = NewAuditView(ctx, svc, win, s.bg, s.OpenPerson)
	s.Settings = NewSettingsView(ctx, svc, win, s.bg, opts.Mailbox, s.changed)
	s.screens[SectionOverzicht] = s.Overview.Content()
	s.screens[SectionPersonen] = s.Persons.Content()
	s.screens[SectionActies] = s.Actions.Content()
	s.screens[SectionImporteren] = s.Import.Content()
	s.screens[SectionQuarantaine] = s.Quarantine.Content()
	s.screens[SectionLogboek] = s.Log.Content()
	s.screens[SectionInstelling] = s.Settings.Content()

	icons := map[string]fyne.Resource{
		SectionOverzicht: theme.HomeIcon(), SectionPersonen: theme.AccountIcon(), SectionActies: theme.CalendarIcon(),
		SectionImporteren: theme.DownloadIcon(), SectionQuarantaine: theme.WarningIcon(),
		SectionLogboek: theme.ListIcon(), SectionInstelling: theme.SettingsIcon(),
	}
	nav := container.NewVBox()
	for _, name := range []string{SectionOverzicht, SectionPersonen, SectionActies, SectionImporteren, SectionQuarantaine, SectionLogboek, SectionInstelling} {
		b := widget.NewButtonWithIcon(T(name), icons[name], func() { s.Show(name) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		s.navBtns[name] = b
		nav.Add(b)
	}
	appName := widget.NewLabelWithStyle("Terugkeer", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	appName.SizeName = theme.SizeNameSubHeadingText
	help := widget.NewButtonWithIcon(T("Help (F1)"), theme.HelpIcon(), s.ShowHelp)
	help.Alignment = widget.ButtonAlignLeading
	help.Importance = widget.LowImportance
	side := container.NewBorder(container.NewVBox(appName, widget.NewSeparator()), help, nil, nil, nav)

	// The status line is small but in the text colour: a low-importance label is drawn in
	// Fyne's disabled grey (1.3:1 on white), unreadable for what it reports (retention
	// removals, a refused drop).
	s.status = widget.NewLabel("")
	s.status.SizeName = theme.SizeNameCaptionText
	s.status.Truncation = fyne.TextTruncateEllipsis
	s.showSignedIn()
	s.body = container.NewStack()
	main := container.NewBorder(nil, s.status, nil, nil, container.NewPadded(s.body))
	split := container.NewHSplit(side, main)
	split.Offset = 0.17
	s.content = split
	s.Show(SectionOverzicht)
	return s
}

// Content is the window content.
func (s *Shell) Content() fyne.CanvasObject { return s.content }

// Wait blocks until background work is done (tests).
func (s *Shell) Wait() { s.bg.Wait() }

// Current is the name of the screen shown ("Persoon" while a person is open).
func (s *Shell) Current() string { return s.current }

// Show switches to a section and closes an open person.
func (s *Shell) Show(name string) {
	obj, ok := s.screens[name]
	if !ok {
		return
	}
	s.Person = nil
	s.current = name
	for n, b := range s.navBtns {
		if n == name {
			b.Importance = widget.HighImportance
		} else {
			b.Importance = widget.LowImportance
		}
		b.Refresh()
	}
	s.body.Objects = []fyne.CanvasObject{obj}
	s.body.Refresh()
	if c := s.win.Canvas(); c != nil {
		c.Unfocus()
	}
	switch name {
	case SectionPersonen:
		if s.personsStale {
			s.personsStale = false
			s.Persons.RefreshInPlace()
		}
	case SectionOverzicht:
		s.Overview.Reload()
	case SectionActies:
		s.Actions.Reload()
	case SectionQuarantaine:
		s.Quarantine.Reload()
	case SectionLogboek:
		s.Log.Reload()
	}
}

// OpenPerson shows one person's file; Esc or "Terug" returns to the previous screen.
func (s *Shell) OpenPerson(id int64) {
	back := s.current
	if back == "Persoon" || back == "" {
		back = SectionPersonen
	}
	onBack := func() {
		s.Show(back)
		if back == SectionPersonen {
			s.Persons.ReturnToList()
		}
	}
	p := NewPersonView(s.ctx, s.svc, s.win, s.bg, s.opts.PDF, id, onBack, s.changed)
	p.folders = s.pdfFolders
	s.Person = p
	s.current = "Persoon"
	s.body.Objects = []fyne.CanvasObject{p.Content()}
	s.body.Refresh()
	if c := s.win.Canvas(); c != nil {
		c.Unfocus()
	}
}

// Back leaves the open person (Esc).
func (s *Shell) Back() {
	if s.Person != nil && s.Person.onBack != nil {
		s.Person.onBack()
	}
}

// changed reloads the lists after data changed (import, follow-up, removal).
func (s *Shell) changed() {
	s.Persons.Reload()
	s.Overview.Reload()
	s.Quarantine.Reload()
	if s.current == SectionActies {
		s.Actions.Reload()
	}
}

// signedIn is a service on a team database, which knows who signed in (app.Service).
type signedIn interface {
	SignedIn() (user string, team bool)
}

// showSignedIn puts the name the team database signed in into the window's title and
// the status line: that name, not a setting, is the user of the audit log.
func (s *Shell) showSignedIn() {
	si, ok := s.svc.(signedIn)
	if !ok {
		return
	}
	if user, team := si.SignedIn(); team {
		s.win.SetTitle(tf("Terugkeer — {{.U}} (teamdatabase)", "U", user))
		s.status.SetText(tf("Aangemeld bij de teamdatabase als {{.U}}.", "U", user))
	}
}

// SetStatus shows a short line at the bottom of the window.
func (s *Shell) SetStatus(text string) { s.status.SetText(text) }

// InstallShortcuts adds Ctrl+F (search), Ctrl+I (import), Ctrl+P (PDF of the open
// person) and Esc (back) to the window. Fyne gives keys to the focused widget, so Esc
// reaches this handler only when no field has focus; text fields are EscEntry, which
// hand Esc on (see entry.go).
func (s *Shell) InstallShortcuts() {
	c := s.win.Canvas()
	mod := fyne.KeyModifierShortcutDefault
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: mod}, func(fyne.Shortcut) { s.ShortcutSearch() })
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyI, Modifier: mod}, func(fyne.Shortcut) { s.ShortcutImport() })
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyP, Modifier: mod}, func(fyne.Shortcut) { s.ShortcutPDF() })
	c.SetOnTypedKey(s.typedKey)
}

// typedKey gets the keys no widget took: Esc, and the keys that scroll the screen shown
// (Page Up/Down, Home, End, Up, Down; on Personen Down enters the list). With a dialog
// open only Esc counts.
func (s *Shell) typedKey(e *fyne.KeyEvent) {
	if e.Name == fyne.KeyEscape {
		s.Escape()
		return
	}
	if s.dialogOpen() {
		return
	}
	if e.Name == fyne.KeyF1 {
		s.ShowHelp()
		return
	}
	switch {
	case s.Person != nil:
		scrollByKey(s.Person.scroll, e.Name)
	case s.current == SectionOverzicht:
		scrollByKey(s.Overview.scroll, e.Name)
	case s.current == SectionInstelling:
		scrollByKey(s.Settings.scroll, e.Name)
	case s.current == SectionPersonen && e.Name == fyne.KeyDown:
		s.Persons.table.enterAt(s.win.Canvas(), 0)
	}
}

// Escape is Esc when no field has focus: it closes the topmost dialog or pop-up (without
// running its callback; every dialog here does nothing on Cancel), else leaves the open
// person. With a dialog open the screen behind it never changes.
func (s *Shell) Escape() {
	if top := s.win.Canvas().Overlays().Top(); top != nil {
		top.Hide()
		return
	}
	s.Back()
}

// dialogOpen reports whether a dialog, pop-up or menu is open. The shortcuts then do
// nothing, as in other office applications: the screen behind a dialog never changes,
// and a field behind it cannot take what is typed.
func (s *Shell) dialogOpen() bool { return s.win.Canvas().Overlays().Top() != nil }

// Dropped imports files dropped onto the window (window.SetOnDropped) on the Importeren
// screen. With a dialog open the drop is refused, as the shortcuts are, and the status
// line says so: the screen behind a dialog never changes.
func (s *Shell) Dropped(pos fyne.Position, uris []fyne.URI) {
	refused := T("Er staat nog een venster open: sluit het en sleep de bestanden opnieuw.")
	if s.dialogOpen() {
		if s.status.Text != refused {
			s.statusBefore = s.status.Text
		}
		s.SetStatus(refused)
		return
	}
	if s.status.Text == refused {
		s.SetStatus(s.statusBefore)
	}
	s.Import.Dropped(pos, uris)
}

// ShortcutSearch goes to Personen and puts the cursor in the search box.
func (s *Shell) ShortcutSearch() {
	if s.dialogOpen() {
		return
	}
	s.Show(SectionPersonen)
	s.win.Canvas().Focus(s.Persons.Search)
}

// ShortcutImport goes to Importeren and opens the file dialog.
func (s *Shell) ShortcutImport() {
	if s.dialogOpen() {
		return
	}
	s.Show(SectionImporteren)
	s.Import.ChooseFiles()
}

// ShortcutPDF makes the PDF of the open person.
func (s *Shell) ShortcutPDF() {
	if s.Person != nil && !s.dialogOpen() {
		s.Person.MakePDF()
	}
}

// StartRetention runs retention once the window is up and idle (whenIdle), then every
// Options.RetentionInterval until ctx ends, off the Fyne goroutine. At 150,000 persons the run
// reads every person: started at once it ran beside the first screens' loading and
// added its memory to theirs (docs/performance.md, memory).
func (s *Shell) StartRetention() {
	go func() {
		if !s.whenIdle(orDefault(s.opts.RetentionIdle, DefaultRetentionIdle)) {
			return
		}
		for {
			s.runRetention()
			// The first screens and a run over every person leave tens of MB of freed
			// heap that Go would hand back to the system only gradually.
			debug.FreeOSMemory()
			select {
			case <-s.ctx.Done():
				return
			case <-time.After(orDefault(s.opts.RetentionInterval, DefaultRetentionInterval)):
			}
		}
	}()
}

// whenIdle blocks until the window's event loop runs and then no background task has
// run for quiet; false when ctx ends first.
func (s *Shell) whenIdle(quiet time.Duration) bool {
	fyne.DoAndWait(func() {}) // returns once the event loop runs: the window is up
	from := time.Now()        // start of the current quiet stretch
	tick := time.NewTicker(max(quiet/5, time.Millisecond))
	defer tick.Stop()
	for {
		select {
		case <-s.ctx.Done():
			return false
		case now := <-tick.C:
			switch {
			case !s.bg.quietSince(from):
				from = now
			case now.Sub(from) >= quiet:
				return true
			}
		}
	}
}

func (s *Shell) runRetention() {
	fyne.Do(func() { s.SetStatus(T("Bewaartermijnen worden gecontroleerd…")) })
	now := s.svc.Now()
	rep, err := s.svc.RunRetentionProgress(s.ctx, now, false, s.retentionProgress)
	if s.ctx.Err() != nil {
		return
	}
	fyne.Do(func() {
		if err != nil {
			s.SetStatus(T("De bewaartermijnen konden niet worden gecontroleerd; dit wordt morgen opnieuw geprobeerd."))
			return
		}
		msg := tf("Bewaartermijnen gecontroleerd om {{.T}}.", "T", now.In(amsterdam).Format("15:04"))
		if rep.Total() > 0 {
			msg = tf("Bewaartermijnen gecontroleerd om {{.T}}: {{.W}} vernietigd, omdat hun bewaartermijn verstreken was.",
				"T", now.In(amsterdam).Format("15:04"), "W", retentionWhat(rep))
			s.changed()
		}
		s.SetStatus(msg)
	})
}

// retentionProgress shows how far a retention run is: a backlog of expired persons takes
// minutes (some 150 s for 74,451 persons), a batch of them at a time. Any goroutine.
func (s *Shell) retentionProgress(done, total int) {
	text := tf("Bewaartermijnen worden gecontroleerd: {{.N}} van {{.Total}} personen met een verstreken bewaartermijn verwerkt…",
		"N", formatCount(done), "Total", formatCount(total))
	fyne.Do(func() { s.SetStatus(text) })
}

// Window size preferences.
const (
	prefWidth  = "venster.breedte"
	prefHeight = "venster.hoogte"
)

// RestoreWindowSize sizes the window as it was last closed (1100×720 the first time)
// and remembers the size when it closes.
func RestoreWindowSize(w fyne.Window, p fyne.Preferences) {
	width := p.FloatWithFallback(prefWidth, 1100)
	height := p.FloatWithFallback(prefHeight, 720)
	w.Resize(fyne.NewSize(float32(max(width, 640)), float32(max(height, 480))))
	w.SetCloseIntercept(func() {
		size := w.Canvas().Size()
		p.SetFloat(prefWidth, float64(size.Width))
		p.SetFloat(prefHeight, float64(size.Height))
		w.Close()
	})
}

// OpenScreen starts on a screen by name, or with "Persoon:<zoektekst>" on the first
// person the search finds, "Persoon:<zoektekst>:<domein>" scrolled to that domain (used
// for screenshots and demos).
func (s *Shell) OpenScreen(spec string) {
	name, arg, _ := strings.Cut(spec, ":")
	if name != "Persoon" {
		s.Show(name)
		return
	}
	zoek, domein, _ := strings.Cut(arg, ":")
	s.bg.run(func() {
		rows, err := s.svc.Persons(s.ctx, app.PersonQuery{Zoek: zoek, Limit: 1})
		fyne.Do(func() {
			if err == nil && len(rows) > 0 {
				s.Show(SectionPersonen)
				s.OpenPerson(rows[0].ID)
				if domein != "" {
					s.Person.ScrollToDomain(app.Domain(domein))
				}
			}
		})
	})
}
