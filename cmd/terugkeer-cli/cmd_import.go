package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers"
)

// resultJSON is one line of import --json; the field names are a contract for scripts.
type resultJSON struct {
	Bron       string `json:"bron"`
	Kenmerk    string `json:"kenmerk"`
	Soort      string `json:"soort"`
	Resultaat  string `json:"resultaat"`
	Reden      string `json:"reden"`
	Weggelaten int    `json:"weggelaten_onderwerpen"`
}

func toResultJSON(r app.Result) resultJSON {
	return resultJSON{
		Bron: r.Bron, Kenmerk: r.Kenmerk, Soort: string(r.Soort),
		Resultaat: string(r.Resultaat), Reden: r.Reden, Weggelaten: r.Weggelaten,
	}
}

// errUnprocessed marks an import where some input could not be processed at all.
var errUnprocessed = errors.New("niet alle bestanden konden worden verwerkt")

func cmdImport(ctx context.Context, e *env) error {
	fs := newFlags("import")
	asJSON := fs.Bool("json", false, "één JSON-object per bericht")
	if err := parse(fs, e.args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usagef("Geef minstens één bestand of map op.")
	}
	if _, err := e.svc.Gemeenten(ctx); err != nil {
		return err
	}
	files, err := importers.ReadPaths(fs.Args())
	if err != nil {
		return err
	}
	var all []app.Result
	failed := false
	for _, f := range files {
		// The messages of a file imported before an error are reported all the same: their
		// changes are committed.
		results, err := importFile(ctx, e, f.Path)
		if *asJSON {
			if jerr := writeResultLines(e, results); jerr != nil {
				return errors.Join(err, jerr)
			}
		}
		all = append(all, results...)
		if err != nil {
			if errors.Is(err, app.ErrNotInitialised) || ctx.Err() != nil {
				return err
			}
			fmt.Fprintln(e.stderr, app.Visible(dutchError(err)))
			failed = true
		}
	}
	if !*asJSON {
		printImportSummary(e, all)
	}
	if failed {
		return errUnprocessed
	}
	return nil
}

// writeResultLines writes one import --json line per result.
func writeResultLines(e *env, results []app.Result) error {
	enc := json.NewEncoder(e.stdout)
	for _, r := range results {
		if err := enc.Encode(toResultJSON(r)); err != nil {
			return err
		}
	}
	return nil
}

func importFile(ctx context.Context, e *env, path string) ([]app.Result, error) {
	raw, err := importers.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return e.svc.ImportBytes(ctx, path, "", raw)
}

func printImportSummary(e *env, all []app.Result) {
	for _, r := range all {
		if r.Resultaat == app.Quarantaine {
			fmt.Fprintf(e.stdout, "In quarantaine (nr. %d): %s — %s\n", r.QuarantineID, app.Visible(r.Bron), app.Visible(r.Reden))
		}
		if r.Resultaat == app.Geimporteerd && r.Reden != "" {
			fmt.Fprintf(e.stdout, "Geïmporteerd, met opmerking: %s — %s\n", app.Visible(r.Bron), app.Visible(r.Reden))
		}
	}
	fmt.Fprintln(e.stdout, app.Summarise(all).String())
}
