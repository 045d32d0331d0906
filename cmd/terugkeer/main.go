// Command terugkeer is the Terugkeer desktop app for gemeente re-integration teams.
//
// Usage: terugkeer [--db PAD|URI] [--version]   (or TERUGKEER_DB=PAD|URI; see
// app.LocateDatabase for a SQLite file, storage.Open for a postgres:// URI)
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers"
	"github.com/terugkeer/terugkeer/report"
	"github.com/terugkeer/terugkeer/storage"
	"github.com/terugkeer/terugkeer/storage/postgres"
	"github.com/terugkeer/terugkeer/storage/sqlite"
	"github.com/terugkeer/terugkeer/ui"
)

// AppID is the Fyne application ID; it matches FyneApp.toml.
const AppID = "nl.terugkeer.app"

// version is set at link time from FyneApp.toml: -ldflags "-X main.version=0.1.0"
// (Makefile, packaging/package.sh). A plain go build reports "dev".
var version = "dev"

func main() {
	dbFlag := flag.String("db", "", "pad van de database, of een postgres://-URI van de database van het team "+
		"(standaard: $"+app.EnvDB+" of de map voor gebruikersgegevens)")
	versionFlag := flag.Bool("version", false, "toon de versie en stop")
	flag.Parse()
	if *versionFlag {
		fmt.Println("terugkeer", version)
		return
	}
	if err := run(*dbFlag); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(dbFlag string) error {
	limitMemory(os.Getenv)
	a := fyneapp.NewWithID(AppID)
	if os.Getenv("FYNE_THEME") == "" {
		a.Settings().SetTheme(ui.OfficeTheme())
	}
	if err := ui.SetupLanguage(ui.LanguageFromPreferences(a.Preferences())); err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	// The window is up at once and says that the database opens: bringing the schema up
	// to date after an update takes a while at many persons.
	w := a.NewWindow("Terugkeer")
	ui.RestoreWindowSize(w, a.Preferences())
	ui.ShowOpening(w)
	var (
		db     app.Store
		failed error
	)
	defer func() {
		if db != nil {
			db.Close()
		}
	}()
	go func() {
		opened, moved, err := openDatabase(ctx, dbFlag, os.Getenv)
		fyne.Do(func() {
			if uri, ask := needsPassword(dbFlag, os.Getenv, err); ask {
				failed = askPassword(ctx, a, w, uri, &db)
				return
			}
			if err != nil {
				failed = err
				ui.ShowStartProblem(a, w, sentence(err)) // no console on Windows: say it in a window
				return
			}
			db = opened
			svc := app.NewService(db, importers.Decoder{}, time.Now)
			if moved {
				if err := svc.RecordDatabaseMove(ctx); err != nil {
					failed = err
					ui.ShowStartProblem(a, w, sentence(err))
					return
				}
			}
			showScreens(ctx, a, w, db, svc, moved)
		})
	}()
	w.ShowAndRun()
	return failed
}

// askPassword asks in the window for the password of the team's database at uri, which
// refused the sign-in without one (ui.AskDatabasePassword), and shows the screens once it
// opens (the store in *db, closed by the caller); Annuleren quits. The typed password goes
// to this connection and, when the casemanager ticks the box, to the OS keyring
// (storage.StorePassword), nowhere else.
func askPassword(ctx context.Context, a fyne.App, w fyne.Window, uri string, db *app.Store) error {
	_, server, err := postgres.Account(uri)
	if err != nil {
		ui.ShowStartProblem(a, w, sentence(err))
		return err
	}
	ui.AskDatabasePassword(ctx, w, ui.DatabasePassword{
		Server: server,
		Open: func(ctx context.Context, password string) error {
			opened, err := openURI(ctx, uri, func() (string, error) { return password, nil })
			if err != nil {
				return err
			}
			*db = opened
			return nil
		},
		Refused:  refusedPassword,
		Remember: func(password string) error { return storage.StorePassword(uri, password) },
		Sentence: sentence,
	}, func() {
		showScreens(ctx, a, w, *db, app.NewService(*db, importers.Decoder{}, time.Now), false)
	}, a.Quit)
	return nil
}

// showScreens builds the main window on db: the data brought up to date first if this
// version needs it, then the screens and the background work.
func showScreens(ctx context.Context, a fyne.App, w fyne.Window, db app.Store, svc *app.Service, moved bool) {
	if wp, ok := db.(wiper); ok {
		go finishWipes(ctx, wp)
	}
	report.RemoveStaleTemp(ui.LastPDFFolder(a.Preferences())) // a PDF run killed halfway
	// After an upgrade the window first says that the data is being brought up to date
	// (once; 17 s at 150,000 persons, docs/performance.md), then shows the screens.
	ui.PrepareThen(ctx, w, svc, func() {
		openShell(ctx, svc, w)
		if moved {
			ui.ShowDatabaseMoved(w) // once: the next start finds nothing at the old place
		}
	})
}

// openDatabase opens the team's PostgreSQL database when --db or TERUGKEER_DB is a
// postgres:// URI (storage.Open, the password from the URI, PGPASSWORD or the OS
// keyring), else the SQLite file where app.LocateDatabase puts it: never on a network
// location or in a synced folder, and on Windows in %LocalAppData%, the one an older
// version left in the Roaming profile moved there first (moved reports that).
func openDatabase(ctx context.Context, dbFlag string, getenv func(string) string) (app.Store, bool, error) {
	if uri, ok := storage.URIFrom(dbFlag, getenv); ok {
		db, err := openURI(ctx, uri, storage.KeyringPassword(uri))
		return db, false, err
	}
	loc, err := app.LocateDatabase(dbFlag, app.SystemPlatform(getenv))
	if err != nil {
		return nil, false, err
	}
	db, moved, err := sqlite.OpenLocation(loc, sqlite.WarmCache()) // the screens read the same pages again
	if err != nil {
		return nil, false, fmt.Errorf("de database %s kan niet worden geopend: %w", loc.Path, err)
	}
	return db, moved, nil
}

// openURI opens the team's database at uri; password is asked when the URI and
// PGPASSWORD give none. Its error is marked passwordAsked when password was asked.
func openURI(ctx context.Context, uri string, password func() (string, error)) (app.Store, error) {
	asked := false
	db, err := storage.Open(ctx, uri, storage.WithPassword(func() (string, error) {
		asked = true
		return password()
	}))
	if err != nil {
		if asked {
			err = passwordAsked{err}
		}
		// Never the URI: it may hold the password.
		return nil, fmt.Errorf("de database van het team kan niet worden geopend: %w", err)
	}
	return db, nil
}

// passwordAsked marks an error of an open that took its password from the hook (the
// keyring or the prompt), not from the URI or PGPASSWORD: another password can help.
type passwordAsked struct{ error }

func (p passwordAsked) Unwrap() error { return p.error }

// refusedPassword reports whether err is the server refusing a password that the
// keyring or the prompt gave.
func refusedPassword(err error) bool {
	var p passwordAsked
	return errors.As(err, &p) && errors.Is(err, postgres.ErrAuthentication)
}

// needsPassword reports whether the window should ask for the password: the database is
// a URI, and the server refused the sign-in without a password or with the keyring's.
func needsPassword(dbFlag string, getenv func(string) string, err error) (string, bool) {
	uri, ok := storage.URIFrom(dbFlag, getenv)
	return uri, ok && err != nil && refusedPassword(err)
}

// sentence is an error as one Dutch sentence: a capital first, a full stop last.
func sentence(err error) string {
	msg := err.Error()
	if msg == "" {
		return msg
	}
	r, n := utf8.DecodeRuneInString(msg)
	msg = string(unicode.ToUpper(r)) + msg[n:]
	if !strings.HasSuffix(msg, ".") {
		msg += "."
	}
	return msg
}

// app.Service is what every screen talks to (ui.Service embeds them all); each screen's
// interface is named, so a method one of them lacks names that screen.
var (
	_ ui.Service           = (*app.Service)(nil)
	_ ui.ShellService      = (*app.Service)(nil)
	_ ui.OverviewService   = (*app.Service)(nil)
	_ ui.PersonsService    = (*app.Service)(nil)
	_ ui.PersonService     = (*app.Service)(nil)
	_ ui.ActionsService    = (*app.Service)(nil)
	_ ui.ImportService     = (*app.Service)(nil)
	_ ui.QuarantineService = (*app.Service)(nil)
	_ ui.AuditService      = (*app.Service)(nil)
	_ ui.SettingsService   = (*app.Service)(nil)
)

// openShell puts the screens in the window and starts the background work.
func openShell(ctx context.Context, svc *app.Service, w fyne.Window) {
	shell := ui.NewShell(ctx, svc, w, ui.Options{
		Examples: examples(),
		PDF: func(ctx context.Context, id int64, path string) error {
			r, err := svc.PersonReport(ctx, id, app.PersonReportOptions{})
			if err != nil {
				return err
			}
			return report.WriteFile(path, func(out io.Writer) error { return report.WritePerson(out, r) })
		},
		Lists: func(ctx context.Context, req app.ListRequest, csv bool, path string) error {
			l, err := svc.ListReport(ctx, svc.Now(), req)
			if err != nil {
				return err
			}
			return report.WriteListFile(path, l, csv)
		},
		Mailbox:  newMailbox(svc),
		ReadFile: importers.ReadFile, // refuses files over importers.MaxFileSize
	})
	w.SetContent(shell.Content())
	w.SetOnDropped(shell.Dropped)
	shell.InstallShortcuts()
	if s := os.Getenv("TERUGKEER_SCHERM"); s != "" {
		shell.OpenScreen(s) // screenshots: start on a screen or a person
	}
	shell.StartRetention()
	// What colleagues (or the CLI on the same file) change shows within a few seconds;
	// the polling stops with the window.
	w.SetOnClosed(shell.StartRefresh())
}

// wipeInterval is how often the app completes a wipe of the database's log that a purge
// (of this or another process) left pending because a reader was busy.
const wipeInterval = 30 * time.Second

// wiper is a store whose purges can leave a wipe pending (sqlite.DB: the write-ahead
// log held up by a reader); PostgreSQL vacuums within Update.
type wiper interface {
	FinishWipe(ctx context.Context) error
}

// finishWipes completes pending wipes until ctx ends (sqlite.DB.FinishWipe).
func finishWipes(ctx context.Context, db wiper) {
	t := time.NewTicker(wipeInterval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			_ = db.FinishWipe(ctx) // a failure is tried again at the next tick, the next open or close
		}
	}
}

func examples() []ui.Example {
	var out []ui.Example
	for _, e := range importers.AllExamples() {
		out = append(out, ui.Example{Name: e.Path(), Data: e.Data})
	}
	return out
}
