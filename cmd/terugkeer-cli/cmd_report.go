package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/report"
)

const reportUsage = "report persoon (--bsn N | --id N) --uit BESTAND.pdf [--volledig-bsn] | " +
	"report vrijlatingen [--weken 4] [--nu JJJJ-MM-DD] [--csv [--volledig-bsn]] --uit BESTAND.pdf|BESTAND.csv"

// cmdReport makes the PDF overviews for the nazorg consultation. Both are recorded in
// the audit log; the file appears only when it is complete.
func cmdReport(ctx context.Context, e *env) error {
	if len(e.args) == 0 {
		return usagef("Kies welk overzicht: 'report persoon' of 'report vrijlatingen'.")
	}
	switch e.args[0] {
	case "persoon":
		return reportPerson(ctx, e, e.args[1:])
	case "vrijlatingen":
		return reportReleases(ctx, e, e.args[1:])
	}
	return usagef("Onbekend overzicht: kies 'persoon' of 'vrijlatingen'.")
}

func reportPerson(ctx context.Context, e *env, args []string) error {
	flags := newFlags("report persoon")
	var who personFlags
	who.register(flags, false)
	uit := flags.String("uit", "", "PDF-bestand")
	full := flags.Bool("volledig-bsn", false, "het hele BSN afdrukken")
	if err := parse(flags, args); err != nil {
		return err
	}
	if (who.bsn == "") == (who.id == 0) {
		return usagef("Geef precies één van --bsn of --id op.")
	}
	if *uit == "" {
		return usagef("Geef met --uit het PDF-bestand op.")
	}
	id := who.id
	if id == 0 {
		var err error
		if id, err = e.svc.FindPerson(ctx, who.bsn, ""); err != nil {
			return err
		}
	}
	r, err := e.svc.PersonReport(ctx, id, app.PersonReportOptions{VolledigBSN: *full})
	if err != nil {
		return err
	}
	if err := report.WriteFile(*uit, func(w io.Writer) error { return report.WritePerson(w, r) }); err != nil {
		return writeError(*uit, err)
	}
	fmt.Fprintf(e.stdout, "Persoonsoverzicht opgeslagen in %s.\n", *uit)
	return nil
}

func reportReleases(ctx context.Context, e *env, args []string) error {
	flags := newFlags("report vrijlatingen")
	weeks := flags.Int("weken", 4, "aantal weken vooruit")
	nu := flags.String("nu", "", "peildatum JJJJ-MM-DD (standaard vandaag)")
	uit := flags.String("uit", "", "PDF-bestand (met --csv: CSV-bestand)")
	asCSV := flags.Bool("csv", false, "CSV voor Excel in plaats van PDF")
	full := flags.Bool("volledig-bsn", false, "met --csv: het hele BSN in plaats van de laatste vier cijfers")
	if err := parse(flags, args); err != nil {
		return err
	}
	if *uit == "" {
		return usagef("Geef met --uit het PDF-bestand op.")
	}
	if *full && !*asCSV {
		return usagef("--volledig-bsn hoort bij --csv: de PDF toont geen BSN.")
	}
	now := e.now()
	if *nu != "" {
		d, err := app.ParseDate(*nu)
		if err != nil {
			return usagef("--nu verwacht een datum als 2019-08-01.")
		}
		now = d.Time()
	}
	l, err := e.svc.ReleaseReportWith(ctx, now, *weeks, app.ListOptions{VolledigBSN: *full})
	if err != nil {
		return err
	}
	if err := report.WriteListFile(*uit, l, *asCSV); err != nil {
		return writeError(*uit, err)
	}
	fmt.Fprintf(e.stdout, "Vrijlatingenlijst (%d personen) opgeslagen in %s.\n", len(l.Rijen), *uit)
	return nil
}

// writeError names only the file's base name (a folder may name a person) and the
// system's reason.
func writeError(path string, err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		err = pe.Err
	case errors.As(err, &le):
		err = le.Err
	}
	return fmt.Errorf("het bestand %q kan niet worden geschreven (%v); er is niets opgeslagen", filepath.Base(path), err)
}
