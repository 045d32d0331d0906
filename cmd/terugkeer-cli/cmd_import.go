package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"

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
	// WachtOpControle: the message was received (resultaat geimporteerd) but is held,
	// unapplied, until a casemanager decides (controle zelfde|ander ControleID).
	WachtOpControle bool  `json:"wacht_op_controle"`
	ControleID      int64 `json:"controle_id"`
}

func toResultJSON(r app.Result) resultJSON {
	return resultJSON{
		Bron: r.Bron, Kenmerk: r.Kenmerk, Soort: string(r.Soort),
		Resultaat: string(r.Resultaat), Reden: r.Reden, Weggelaten: r.Weggelaten,
		WachtOpControle: r.WaitsForReview(), ControleID: r.ControleID,
	}
}

// errUnprocessed marks an import where some input could not be processed at all.
var errUnprocessed = errors.New("niet alle bestanden konden worden verwerkt")

// cmdImport imports files and folders with group commit (app.ImportBatch): a file is
// reported, with its messages, once the batch holding it has committed.
func cmdImport(ctx context.Context, e *env) error {
	defer raiseGCForImport(e.getenv)()
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
	out := &importReport{ctx: ctx, e: e, asJSON: *asJSON}
	batch := e.svc.NewImportBatch(ctx)
	for i, f := range files {
		if out.stopped() != nil {
			break
		}
		raw, err := importers.ReadFile(f.Path)
		if err != nil {
			out.done(i, nil, err)
			continue
		}
		in := app.ImportInput{Bron: f.Path, Raw: raw, Done: func(rs []app.Result, err error) { out.done(i, rs, err) }}
		if err := batch.Add(in); err != nil {
			out.done(i, nil, err)
			break
		}
	}
	cerr := batch.Close()
	if err := out.stopped(); err != nil {
		return err
	}
	if cerr != nil && !out.failed { // else it was reported with the files it left undone
		return cerr
	}
	if !*asJSON {
		printImportSummary(e, out.all)
	}
	if out.failed {
		return errUnprocessed
	}
	return nil
}

// importReport writes the outcome of each file in the order of the files, as the batch
// reports them (from its writer goroutine) or as reading fails (from the caller's).
type importReport struct {
	ctx    context.Context
	e      *env
	asJSON bool

	mu      sync.Mutex
	pending map[int]fileOutcome
	next    int
	all     []app.Result
	failed  bool
	stop    error // an error that ends the import: not initialised, cancelled, output
}

type fileOutcome struct {
	rs  []app.Result
	err error
}

func (o *importReport) stopped() error {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.stop
}

// done records file i's outcome and writes every outcome that is next in line.
func (o *importReport) done(i int, rs []app.Result, err error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.pending == nil {
		o.pending = map[int]fileOutcome{}
	}
	o.pending[i] = fileOutcome{rs, err}
	for {
		f, ok := o.pending[o.next]
		if !ok {
			return
		}
		delete(o.pending, o.next)
		o.next++
		o.write(f)
	}
}

func (o *importReport) write(f fileOutcome) {
	if o.stop != nil {
		return
	}
	// The messages of a file imported before an error are reported all the same: their
	// changes are committed.
	if o.asJSON {
		if jerr := writeResultLines(o.e, f.rs); jerr != nil {
			o.stop = errors.Join(f.err, jerr)
			return
		}
	}
	o.all = append(o.all, f.rs...)
	if f.err == nil {
		return
	}
	if errors.Is(f.err, app.ErrNotInitialised) || o.ctx.Err() != nil {
		o.stop = f.err
		return
	}
	fmt.Fprintln(o.e.stderr, app.Visible(dutchError(f.err)))
	o.failed = true
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

func printImportSummary(e *env, all []app.Result) {
	for _, r := range all {
		if r.Resultaat == app.Quarantaine {
			fmt.Fprintf(e.stdout, "In quarantaine (nr. %d): %s — %s\n", r.QuarantineID, app.Visible(r.Bron), app.Visible(r.Reden))
		}
		if r.WaitsForReview() {
			fmt.Fprintf(e.stdout, "Wacht op controle (nr. %d): %s — nog niet toegepast; beslis met 'terugkeer-cli controle show %d'\n",
				r.ControleID, app.Visible(r.Bron), r.ControleID)
			continue
		}
		if r.Resultaat == app.Geimporteerd && r.Reden != "" {
			fmt.Fprintf(e.stdout, "Geïmporteerd, met opmerking: %s — %s\n", app.Visible(r.Bron), app.Visible(r.Reden))
		}
	}
	fmt.Fprintln(e.stdout, app.Summarise(all).String())
}
