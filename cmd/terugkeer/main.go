// Command terugkeer is the Terugkeer desktop app for gemeente re-integration teams.
//
// Usage: terugkeer [--db PAD] [--version]   (or TERUGKEER_DB=PAD; see app.DatabasePath)
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers"
	"github.com/terugkeer/terugkeer/report"
	"github.com/terugkeer/terugkeer/storage"
	"github.com/terugkeer/terugkeer/ui"
)

// AppID is the Fyne application ID; it matches FyneApp.toml.
const AppID = "nl.terugkeer.app"

// version is set at link time from FyneApp.toml: -ldflags "-X main.version=0.1.0"
// (Makefile, packaging/package.sh). A plain go build reports "dev".
var version = "dev"

func main() {
	dbFlag := flag.String("db", "", "pad van de database (standaard: $"+app.EnvDB+" of de map voor gebruikersgegevens)")
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
	path, err := app.DatabasePath(dbFlag, os.Getenv)
	if err != nil {
		return err
	}
	db, err := storage.Open(path)
	if err != nil {
		return fmt.Errorf("de database %s kan niet worden geopend: %w", path, err)
	}
	defer db.Close()
	svc := app.NewService(db, importers.Decoder{}, time.Now)

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	a := fyneapp.NewWithID(AppID)
	if os.Getenv("FYNE_THEME") == "" {
		a.Settings().SetTheme(ui.OfficeTheme())
	}
	if err := ui.SetupLanguage(ui.LanguageFromPreferences(a.Preferences())); err != nil {
		return err
	}
	w := a.NewWindow("Terugkeer")
	ui.RestoreWindowSize(w, a.Preferences())
	// After an upgrade the window first says that the data is being brought up to date
	// (once; 17 s at 150,000 persons, docs/performance.md), then shows the screens.
	ui.PrepareThen(ctx, w, svc, func() { openShell(ctx, svc, w) })
	w.ShowAndRun()
	return nil
}

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
}

func examples() []ui.Example {
	var out []ui.Example
	for _, e := range importers.AllExamples() {
		out = append(out, ui.Example{Name: e.Path(), Data: e.Data})
	}
	return out
}
