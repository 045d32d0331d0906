package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/demo"
	"github.com/terugkeer/terugkeer/importers"
	"github.com/terugkeer/terugkeer/report"
	"github.com/terugkeer/terugkeer/storage"
)

const benchUsage = "bench [--berichten 2000] [--herhalingen 200] [--bewaar]   (meet op kopieën van de database; op PostgreSQL met het recht CREATEDB)"

// cmdBench measures the application against the database it is given, and prints a
// table of medians and 95th percentiles next to the targets of docs/performance.md.
// It never writes the user's database: it works on copies that the storage backend
// keeps beside the database (app.BenchBackend: a folder beside a SQLite file, new
// databases on a PostgreSQL server) and removes afterwards.
func cmdBench(ctx context.Context, e *env) error {
	fs := newFlags("bench")
	nBerichten := fs.Int("berichten", 2000, "aantal berichten voor de importmeting")
	runs := fs.Int("herhalingen", 200, "herhalingen per interactieve meting")
	bewaar := fs.Bool("bewaar", false, "de kopieën na afloop niet verwijderen")
	if err := parse(fs, e.args); err != nil {
		return err
	}
	if fs.NArg() > 0 || *nBerichten < 1 || *runs < 1 {
		return usagef("Onjuiste opties.")
	}
	gemeenten, err := e.svc.Gemeenten(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stderr, "bench: momentopname van de database maken")
	started := time.Now()
	backend, err := storage.NewBench(ctx, e.dbPath, *bewaar)
	if err != nil {
		return err
	}
	defer backend.Close()
	fmt.Fprintf(e.stderr, "bench: momentopname gemaakt in %.1f s\n", time.Since(started).Seconds())
	b := &bench{e: e, be: backend, runs: *runs, berichten: *nBerichten, gemeente: gemeenten[0], now: e.now()}
	if b.persons, err = backend.Persons(ctx); err != nil {
		return err
	}
	steps := []func(context.Context) error{b.interactive, b.importRate, b.purge}
	for _, step := range steps {
		if err := step(ctx); err != nil {
			return err
		}
	}
	b.print(e.stdout)
	if *bewaar {
		fmt.Fprintf(e.stderr, "bench: kopieën bewaard in %s\n", backend.Dir())
		if d, ok := backend.(interface{ Databases() []string }); ok {
			fmt.Fprintf(e.stderr, "bench: kopieën bewaard als databases op de server: %s (de volgende bench verwijdert ze)\n",
				strings.Join(d.Databases(), ", "))
		}
	}
	return nil
}

type bench struct {
	e         *env
	be        app.BenchBackend
	runs      int
	berichten int
	gemeente  string
	now       time.Time
	persons   int
	rows      []benchRow
}

// benchRow is one line of the table.
type benchRow struct {
	naam, waarde, doel, oordeel, toelichting string
}

func (b *bench) progress(format string, args ...any) {
	fmt.Fprintf(b.e.stderr, "bench: "+format+"\n", args...)
}

// benchBudget bounds the time one measurement takes once it has 10 samples.
const benchBudget = 20 * time.Second

// timings runs fn n times (i = 0..n-1) after two warm-up runs (i = n, n+1).
func timings(n int, fn func(i int) error) ([]time.Duration, error) {
	for i := range 2 {
		if err := fn(n + i); err != nil {
			return nil, err
		}
	}
	out := make([]time.Duration, 0, n)
	begin := time.Now()
	for i := range n {
		if len(out) >= 10 && time.Since(begin) > benchBudget {
			break // a slow measurement: enough samples for a median and a p95
		}
		start := time.Now()
		if err := fn(i); err != nil {
			return nil, err
		}
		out = append(out, time.Since(start))
	}
	slices.Sort(out)
	return out, nil
}

func quantile(ds []time.Duration, q float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	return ds[min(len(ds)-1, int(q*float64(len(ds))))]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f ms", float64(d.Microseconds())/1000) }

// timed adds a row with median and p95 against a p95 target.
func (b *bench) timed(naam string, ds []time.Duration, target time.Duration, note string) {
	med, p95 := quantile(ds, 0.5), quantile(ds, 0.95)
	verdict := "gehaald"
	if p95 >= target {
		verdict = "NIET gehaald"
	}
	b.rows = append(b.rows, benchRow{naam, "mediaan " + ms(med) + ", p95 " + ms(p95),
		"p95 < " + ms(target), verdict, fmt.Sprintf("%d metingen%s", len(ds), note)})
}

// openService opens copy name of the snapshot ("" is the snapshot) with a Service on it.
func (b *bench) openService(ctx context.Context, name string) (app.Store, *app.Service, error) {
	st, err := b.be.Open(ctx, name)
	if err != nil {
		return nil, nil, err
	}
	return st, app.NewService(st, importers.Decoder{}, b.e.now), nil
}

// interactive measures the queries a user waits for, on the snapshot.
func (b *bench) interactive(ctx context.Context) error {
	b.progress("interactieve metingen (%d personen, %d herhalingen)", b.persons, b.runs)
	db, svc, err := b.openService(ctx, "")
	if err != nil {
		return err
	}
	defer db.Close()
	ids, bsns, err := b.be.SamplePersons(ctx, 50)
	if err != nil {
		return err
	}
	if len(ids) == 0 {
		return errors.New("de database bevat geen personen om mee te meten; vul haar eerst met 'terugkeer-cli demo --personen N'")
	}
	today := app.DateOf(b.now)
	const interactive = 20 * time.Millisecond
	queries := []struct {
		naam string
		q    func(i int) app.PersonQuery
	}{
		{"zoeken: deel van een achternaam ('berg', 50 op naam)", func(int) app.PersonQuery {
			return app.PersonQuery{Zoek: "berg", Sort: app.SortByName, Limit: 50}
		}},
		{"zoeken: voornaam + achternaam ('zoe sahin', 50)", func(int) app.PersonQuery {
			return app.PersonQuery{Zoek: "zoë şahin", Sort: app.SortByName, Limit: 50}
		}},
		{"zoeken: BSN", func(i int) app.PersonQuery {
			return app.PersonQuery{Zoek: bsns[i%len(bsns)], Sort: app.SortByName, Limit: 50}
		}},
		{"zoeken: zeldzame naam", func(int) app.PersonQuery {
			return app.PersonQuery{Zoek: demo.ZeldzameNaam, Sort: app.SortByName, Limit: 50}
		}},
		{"vrijlatingen komende 8 weken (100, op datum)", func(int) app.PersonQuery {
			return app.PersonQuery{ReleaseFrom: today, ReleaseTo: today.AddDays(56), Sort: app.SortByRelease, Limit: 100}
		}},
		{"eerste pagina op vrijlating (100, zonder filter)", func(int) app.PersonQuery {
			return app.PersonQuery{Sort: app.SortByRelease, Limit: 100}
		}},
	}
	for _, q := range queries {
		if len(bsns) == 0 && strings.Contains(q.naam, "BSN") {
			continue
		}
		n := 0
		ds, err := timings(b.runs, func(i int) error {
			rows, err := svc.Persons(ctx, q.q(i))
			n = len(rows)
			return err
		})
		if err != nil {
			return err
		}
		b.timed(q.naam, ds, interactive, fmt.Sprintf(", %d treffers", n))
	}
	ds, err := timings(b.runs, func(i int) error {
		_, err := svc.Dashboard(ctx, b.now, 14)
		return err
	})
	if err != nil {
		return err
	}
	b.timed("dashboard (14 dagen)", ds, interactive, "")
	ds, err = timings(b.runs, func(i int) error {
		_, err := svc.PersonFile(ctx, ids[i%len(ids)])
		return err
	})
	if err != nil {
		return err
	}
	b.timed("persoonsdossier tonen (PersonFile, met logregel)", ds, interactive, "")
	return b.pdf(ctx, svc, ids)
}

// pdf measures the two printouts: the model (one audited transaction) plus drawing.
func (b *bench) pdf(ctx context.Context, svc *app.Service, ids []int64) error {
	b.progress("PDF-metingen")
	ds, err := timings(max(10, b.runs/10), func(i int) error {
		r, err := svc.PersonReport(ctx, ids[i%len(ids)], app.PersonReportOptions{})
		if err != nil {
			return err
		}
		_, err = report.Person(r)
		return err
	})
	if err != nil {
		return err
	}
	b.timed("PDF: overzicht van één persoon", ds, 50*time.Millisecond, "")
	weeks, n := 1, 0
	for ; weeks <= app.MaxReleaseWeeks; weeks++ {
		today := app.DateOf(b.now)
		rows, err := svc.Persons(ctx, app.PersonQuery{ReleaseFrom: today, ReleaseTo: today.AddDays(7 * weeks), Limit: 500})
		if err != nil {
			return err
		}
		if n = len(rows); n >= 500 {
			break
		}
	}
	weeks = min(weeks, app.MaxReleaseWeeks)
	rijen := 0
	ds, err = timings(5, func(int) error {
		l, err := svc.ReleaseReport(ctx, b.now, weeks)
		if err != nil {
			return err
		}
		rijen = len(l.Rijen)
		_, err = report.Releases(l)
		return err
	})
	if err != nil {
		return err
	}
	b.timed("PDF: lijst vrijlatingen", ds, 3*time.Second, fmt.Sprintf(", %d weken, %d personen", weeks, rijen))
	return nil
}

func (b *bench) print(w io.Writer) {
	fmt.Fprintf(w, "Terugkeer bench — %d personen, %s\n\n", b.persons, b.now.Format("2006-01-02 15:04"))
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "Meting\tResultaat\tDoel\tOordeel\tToelichting")
	for _, r := range b.rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.naam, r.waarde, r.doel, r.oordeel, r.toelichting)
	}
	tw.Flush()
	fmt.Fprintln(w, "\nStarttijd en geheugen van de app: scripts/bench-start.sh (Xvfb); postvak (IMAP): zie docs/performance.md.")
}
