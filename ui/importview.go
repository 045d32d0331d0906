package ui

import (
	"context"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers"
)

// Mailbox is the IMAP import, wired by cmd/terugkeer (package importers/mailbox).
type Mailbox interface {
	// HasPassword reports whether a password is stored for these settings.
	HasPassword(s app.MailboxSettings) bool
	// StorePassword keeps the password in the operating system's keyring.
	StorePassword(s app.MailboxSettings, password string) error
	// Test connects and logs in, and says what it found.
	Test(ctx context.Context, s app.MailboxSettings) (string, error)
	// Fetch imports the new mail; progress reports mails done of total. A non-empty
	// password is used for this fetch only (no keyring, nothing stored); "" means the
	// password from the environment or the keyring.
	Fetch(ctx context.Context, password string, progress func(done, total int)) ([]app.Result, error)
}

// ImportView imports files (dialog or drag-and-drop) and the mailbox, and lists a result
// per message.
type ImportView struct {
	// PasswordPrompt is the last password dialog shown (tests).
	PasswordPrompt dialog.Dialog
	Setup          dialog.Dialog // the gemeentecode question of a new database's first import
	SignInPrompt   dialog.Dialog // the last "meld u aan bij Microsoft" question (tests)
	SignIn         *signIn       // the last Microsoft sign-in started (tests)
	openURL        func(*url.URL) error
	svc            ImportService
	win            fyne.Window
	ctx            context.Context
	bg             *tasks
	mailbox        Mailbox
	shell          *Shell
	readFile       func(string) ([]byte, error)

	Results  []app.Result // Fyne goroutine only
	list     *widget.List
	summary  *widget.Label
	progress *widget.ProgressBar
	cancel   *widget.Button
	fileBtn  *widget.Button
	dirBtn   *widget.Button
	mailBtn  *widget.Button
	busy     fyne.CanvasObject
	empty    fyne.CanvasObject
	content  fyne.CanvasObject

	mu       sync.Mutex
	cancelFn context.CancelFunc
}

// NewImportView builds the Importeren screen.
func NewImportView(ctx context.Context, svc ImportService, win fyne.Window, bg *tasks, mb Mailbox, shell *Shell) *ImportView {
	v := &ImportView{svc: svc, win: win, ctx: ctx, bg: bg, mailbox: mb, shell: shell, readFile: os.ReadFile, openURL: systemOpen}
	title := widget.NewLabelWithStyle(T("Importeren"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.fileBtn = widget.NewButtonWithIcon(T("Bestand kiezen… (Ctrl+I)"), theme.FileIcon(), v.ChooseFiles)
	v.fileBtn.Importance = widget.HighImportance
	v.dirBtn = widget.NewButtonWithIcon(T("Map kiezen…"), theme.FolderOpenIcon(), v.chooseFolder)
	buttons := container.NewHBox(v.fileBtn, v.dirBtn)
	if mb != nil {
		v.mailBtn = widget.NewButtonWithIcon(T("Postvak ophalen"), theme.MailComposeIcon(), v.FetchMailbox)
		buttons.Add(v.mailBtn)
	}
	hint := wrapLabel(T("U kunt ook .xml-, .eml- en .msg-bestanden naar dit venster slepen. Een mail in Outlook slaat u eerst op (Opslaan als… .msg)."))
	v.progress = widget.NewProgressBar()
	v.cancel = widget.NewButtonWithIcon(T("Cancel"), theme.CancelIcon(), v.Cancel)
	v.busy = container.NewBorder(nil, nil, nil, v.cancel, v.progress)
	v.busy.Hide()
	v.summary = wrapLabel("") // a long result must not widen the window past 800 px
	v.list = widget.NewList(func() int { return len(v.Results) }, newResultRow, v.updateResultRow)
	v.list.OnSelected = v.openResult
	v.empty = container.NewCenter(widget.NewLabel(T("Nog niets geïmporteerd in deze sessie. Kies een bestand of sleep berichten hierheen.")))
	top := container.NewVBox(title, buttons, hint, v.busy, v.summary)
	v.content = container.NewBorder(top, nil, nil, nil, container.NewStack(v.list, v.empty))
	return v
}

// Content is the view's canvas object.
func (v *ImportView) Content() fyne.CanvasObject { return v.content }

func newResultRow() fyne.CanvasObject {
	icon := widget.NewIcon(theme.ConfirmIcon())
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, icon, nil, l)
}

func resultText(r app.Result) string {
	var what string
	switch r.Resultaat {
	case app.Geimporteerd:
		what = T("geïmporteerd")
		if r.WaitsForReview() {
			what = T("ontvangen, wacht op controle: nog niet toegepast (hetzelfde BSN, een andere geboortedatum)")
			break
		}
		if r.Weggelaten > 0 {
			what += " — " + plural(r.Weggelaten, "{{.N}} onderdeel niet bewaard (geen toestemming)", "{{.N}} onderdelen niet bewaard (geen toestemming)")
		}
	case app.Dubbel:
		what = T("al eerder geïmporteerd")
	case app.Quarantaine:
		what = T("in quarantaine:") + " " + app.Visible(r.Reden)
	case app.GeenBericht:
		what = T("geen bericht gevonden")
	default:
		what = string(r.Resultaat)
	}
	soort := ""
	if r.Soort != "" {
		soort = kindLabel(r.Soort)
	}
	return join(" · ", app.Visible(filepath.Base(r.Bron)), soort, what)
}

func (v *ImportView) updateResultRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(v.Results) {
		return
	}
	r := v.Results[i]
	c := o.(*fyne.Container)
	l := c.Objects[0].(*widget.Label)
	icon := c.Objects[1].(*widget.Icon)
	l.SetText(resultText(r))
	switch r.Resultaat {
	case app.Quarantaine:
		icon.SetResource(theme.WarningIcon())
	case app.Geimporteerd:
		if r.WaitsForReview() {
			icon.SetResource(theme.QuestionIcon())
			break
		}
		icon.SetResource(theme.ConfirmIcon())
	default:
		icon.SetResource(theme.InfoIcon())
	}
}

// openResult opens the person of an imported message or the quarantine entry.
func (v *ImportView) openResult(i widget.ListItemID) {
	v.list.UnselectAll()
	if i >= len(v.Results) || v.shell == nil {
		return
	}
	r := v.Results[i]
	switch {
	case r.Resultaat == app.Quarantaine:
		v.shell.Show(SectionQuarantaine)
		v.shell.Quarantine.Select(r.QuarantineID)
	case r.PersonID != 0:
		v.shell.OpenPerson(r.PersonID)
	}
}

// ChooseFiles opens the file dialog for one .xml, .eml or .msg file.
func (v *ImportView) ChooseFiles() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			showError(v.win, T("Het bestand kon niet worden geopend."), err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		importedFrom(path)
		v.ImportPaths([]string{path})
	}, v.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xml", ".eml", ".msg", ".XML", ".EML", ".MSG"}))
	d.SetTitleText(T("Bestand openen"))
	d.SetConfirmText(T("Openen"))
	setImportStart(d, v.platform())
	d.Resize(fyne.NewSize(760, 520))
	d.Show()
}

// chooseFolder opens the folder dialog: every message file in the folder is imported.
func (v *ImportView) chooseFolder() {
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil {
			showError(v.win, T("De map kon niet worden geopend."), err)
			return
		}
		if l == nil {
			return
		}
		importedFrom(l.Path())
		v.ImportPaths([]string{l.Path()})
	}, v.win)
	d.SetTitleText(T("Map openen"))
	d.SetConfirmText(T("Openen"))
	setImportStart(d, v.platform())
	d.Resize(fyne.NewSize(760, 520))
	d.Show()
}

// platform is the shell's view of this machine (Documenten, the profile folder), or this
// machine's for a view made on its own.
func (v *ImportView) platform() app.Platform {
	if v.shell != nil && v.shell.pdfFolders != nil {
		return v.shell.pdfFolders.platform
	}
	return app.SystemPlatform(os.Getenv)
}

// Dropped imports files dropped onto the window (window.SetOnDropped). A drop that
// is not a file or folder (a mail dragged straight out of Outlook is none: the window
// only receives file paths) is explained: save the mail as a .msg file first.
func (v *ImportView) Dropped(_ fyne.Position, uris []fyne.URI) {
	paths, unusable := droppedPaths(uris)
	if v.shell != nil {
		v.shell.Show(SectionImporteren)
	}
	if unusable || len(paths) == 0 {
		showInformation(v.win, T("Geen bestand"), T("Wat u naar het venster sleepte is geen bestand. Een mail die u rechtstreeks uit Outlook sleept, kan het programma niet lezen: sla de mail eerst op (Bestand > Opslaan als…, als .msg-bestand) en sleep of kies dat bestand."))
	}
	if len(paths) > 0 {
		v.ImportPaths(paths)
	}
}

// droppedPaths returns the files and folders of a drop, and whether it also held
// something else (no file URI, or a path that is neither a file nor a folder).
func droppedPaths(uris []fyne.URI) (paths []string, unusable bool) {
	for _, u := range uris {
		if u.Scheme() != "file" {
			unusable = true
			continue
		}
		st, err := os.Stat(u.Path())
		if err != nil || !(st.Mode().IsRegular() || st.IsDir()) {
			unusable = true
			continue
		}
		paths = append(paths, u.Path())
	}
	return paths, unusable
}

// start marks the view busy and returns the context of the new run, or false when a
// run is already going.
func (v *ImportView) start() (context.Context, bool) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.cancelFn != nil {
		return nil, false
	}
	ctx, cancel := context.WithCancel(v.ctx)
	v.cancelFn = cancel
	v.progress.SetValue(0)
	v.busy.Show()
	v.fileBtn.Disable()
	v.dirBtn.Disable()
	if v.mailBtn != nil {
		v.mailBtn.Disable()
	}
	return ctx, true
}

func (v *ImportView) finish() {
	v.mu.Lock()
	if v.cancelFn != nil {
		v.cancelFn()
		v.cancelFn = nil
	}
	v.mu.Unlock()
	v.busy.Hide()
	v.fileBtn.Enable()
	v.dirBtn.Enable()
	if v.mailBtn != nil {
		v.mailBtn.Enable()
	}
}

// Cancel stops the running import after the current message.
func (v *ImportView) Cancel() {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.cancelFn != nil {
		v.cancelFn()
	}
}

// ImportPaths imports files and folders in the background, one message at a time.
func (v *ImportView) ImportPaths(paths []string) {
	v.whenInitialised(func() { v.importPaths(paths) })
}

// whenInitialised runs then at once when the database knows its gemeenten, and otherwise
// after asking for them (a new database's first import).
func (v *ImportView) whenInitialised(then func()) {
	v.bg.run(func() {
		missing := notInitialised(v.ctx, v.svc)
		fyne.Do(func() {
			if missing {
				v.Setup = askGemeenten(v.ctx, v.svc, v.bg, v.win, func() {
					v.shell.gemeentenSaved()
					then()
				})
				return
			}
			then()
		})
	})
}

func (v *ImportView) importPaths(paths []string) {
	found, err := importers.FindFiles(paths)
	if err != nil {
		showError(v.win, T("Een gekozen bestand of map kon niet worden gelezen."), err)
		return
	}
	files, skipped := found.Files, found.Skipped
	if len(files) == 0 {
		showError(v.win, T("Er zijn geen .xml-, .eml- of .msg-bestanden gevonden om te importeren."), nil)
		return
	}
	ctx, ok := v.start()
	if !ok {
		return
	}
	v.Results = nil
	v.refreshList()
	v.summary.SetText(plural(len(files), "{{.N}} bestand wordt geïmporteerd…", "{{.N}} bestanden worden geïmporteerd…"))
	v.bg.run(func() {
		var results []app.Result
		var failed error
		var unreadable []error // files that could not be read: reported, the rest goes on
		cancelled := false
		for i, f := range files {
			path := f.Path
			if ctx.Err() != nil {
				cancelled = true
				break
			}
			raw, err := v.readFile(path)
			if err != nil {
				unreadable = append(unreadable, err)
				continue
			}
			rs, err := v.svc.ImportBytes(ctx, path, "", raw)
			results = append(results, rs...)
			if err != nil && !errors.Is(err, context.Canceled) {
				failed = err
				break
			}
			done := i + 1
			batch := rs
			fyne.Do(func() {
				v.progress.SetValue(float64(done) / float64(len(files)))
				v.Results = append(v.Results, batch...)
				v.refreshList()
			})
		}
		fyne.Do(func() {
			v.finish()
			v.Results = results
			v.refreshList()
			v.showSummary(results, cancelled, skipped)
			if n := len(unreadable); n > 0 {
				v.summary.SetText(v.summary.Text + " " + plural(n, "{{.N}} bestand kon niet worden gelezen.", "{{.N}} bestanden konden niet worden gelezen."))
				showError(v.win, T("Niet alle bestanden konden worden gelezen; die zijn niet geïmporteerd."), errors.Join(unreadable...))
			}
			if failed != nil {
				showError(v.win, T("Het importeren is gestopt: de database kon niet worden bijgewerkt."), failed)
			}
			if v.shell != nil {
				v.shell.changed()
			}
		})
	})
}

func (v *ImportView) showSummary(results []app.Result, cancelled bool, skipped int) {
	s := T("Resultaat:") + " " + summaryText(app.Summarise(results)) + "."
	if cancelled {
		s = T("Geannuleerd.") + " " + s
	}
	if skipped > 0 {
		s += " " + plural(skipped, "{{.N}} bestand overgeslagen (geen .xml, .eml of .msg).", "{{.N}} bestanden overgeslagen (geen .xml, .eml of .msg).")
	}
	if app.Summarise(results).GeenBericht > 0 {
		s += " " + T("'Zonder bericht' is een e-mail zonder bericht van de DJI erin, zoals een notificatie: er is niets mee gedaan.")
	}
	v.summary.SetText(s)
}

func (v *ImportView) refreshList() {
	if len(v.Results) == 0 {
		v.empty.Show()
	} else {
		v.empty.Hide()
	}
	v.list.Refresh()
}

// FetchMailbox imports new mail from the configured mailbox, with progress and cancel.
// Without a stored password (no keyring, or nothing saved) it asks for one each time.
func (v *ImportView) FetchMailbox() {
	if v.mailbox == nil {
		return
	}
	v.whenInitialised(v.fetchMailbox)
}

func (v *ImportView) fetchMailbox() {
	ms, err := v.svc.MailboxSettings(v.ctx)
	if err == nil && errors.Is(ms.Complete(), app.ErrMailboxNotConfigured) {
		v.mailboxNotConfigured()
		return
	}
	if err == nil && ms.OAuth2() {
		v.fetchOAuth(ms)
		return
	}
	if err == nil && !v.mailbox.HasPassword(ms) {
		v.askPassword()
		return
	}
	v.fetchWith("")
}

// mailboxNotConfigured goes to Instellingen, where the mailbox is set up, and says so:
// asking for a password first would lead to a dead end.
func (v *ImportView) mailboxNotConfigured() {
	if v.shell != nil {
		v.shell.Show(SectionInstelling)
	}
	showInformation(v.win, T("Postvak nog niet ingesteld"),
		T("Het postvak is nog niet ingesteld. Vul onder Postvak de server en de gebruiker in, sla op en kies daarna opnieuw 'Postvak ophalen'."))
}

// askPassword asks for the mailbox password for one fetch; it is not stored.
func (v *ImportView) askPassword() {
	entry := newEscPasswordEntry()
	items := []*widget.FormItem{widget.NewFormItem(T("Wachtwoord"), entry)}
	d := dialog.NewForm(T("Wachtwoord postvak"), T("Ophalen"), T("Annuleren"), items, func(ok bool) {
		if ok && entry.Text != "" {
			v.fetchWith(entry.Text)
		}
	}, v.win)
	formKeys(d, entry)
	d.Resize(fyne.NewSize(420, 200))
	v.PasswordPrompt = d
	d.Show()
	v.win.Canvas().Focus(entry)
}

// fetchWith runs the fetch; password "" means the stored one.
func (v *ImportView) fetchWith(password string) {
	ctx, ok := v.start()
	if !ok {
		return
	}
	v.Results = nil
	v.refreshList()
	v.summary.SetText(T("Postvak wordt opgehaald…"))
	v.bg.run(func() {
		results, err := v.mailbox.Fetch(ctx, password, func(done, total int) {
			fyne.Do(func() {
				if total > 0 {
					v.progress.SetValue(float64(done) / float64(total))
				}
				v.summary.SetText(tf("Postvak ophalen: {{.D}} van {{.T}} berichten", "D", done, "T", total))
			})
		})
		fyne.Do(func() {
			v.finish()
			v.Results = results
			v.refreshList()
			v.showFetchOutcome(results, err)
			if v.shell != nil {
				v.shell.changed()
			}
		})
	})
}

// showFetchOutcome shows how a mailbox fetch ended. A fetch that failed before any mail
// was handled shows only the error, not a line of zeros; one that failed halfway shows
// what was handled until then and that it stopped. Details are in the error dialog.
func (v *ImportView) showFetchOutcome(results []app.Result, err error) {
	cancelled := errors.Is(err, context.Canceled)
	if len(results) == 0 && v.signInExpired(err) {
		return
	}
	switch {
	case err == nil || cancelled:
		v.showSummary(results, cancelled, 0)
	case errors.Is(err, app.ErrImportBusy):
		msg := T("Een collega haalt het postvak al op; probeer het over een paar minuten opnieuw.")
		v.summary.SetText(msg)
		showNotice(v.win, T("Postvak ophalen"), wrapLabel(msg))
	case len(results) == 0:
		msg := T("Het postvak kon niet worden opgehaald. Controleer de instellingen en de verbinding.")
		v.summary.SetText(msg)
		showError(v.win, msg, err)
	default:
		v.summary.SetText(T("Gestopt door een fout. Tot dan:") + " " + summaryText(app.Summarise(results)) + ".")
		showError(v.win, T("Het ophalen van het postvak is halverwege gestopt door een fout. Wat daarvoor al was opgehaald, is verwerkt."), err)
	}
}
