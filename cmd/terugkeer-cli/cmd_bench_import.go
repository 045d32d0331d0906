package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/demo"
	"github.com/terugkeer/terugkeer/importers"
)

var errEnough = errors.New("genoeg berichten")

// importRate imports generated message files into a copy of the database the way
// `terugkeer-cli import` does (app.ImportBatch: every message in its own savepoint,
// group commit, parsing on another goroutine), then the same files one durable
// transaction per message into a second copy (the path before group commit), and then
// inserts exactly the rows the import wrote into another copy in one plain transaction:
// the ceiling SQLite sets for the same rows, measured in the same run.
func (b *bench) importRate(ctx context.Context) error {
	files, err := b.writeMessages(ctx, b.berichten)
	if err != nil {
		return err
	}
	b.progress("import van %d berichtbestanden met groepscommit (zoals import)", len(files))
	importTime, err := b.importFiles(ctx, "import", files, true)
	if err != nil {
		return err
	}
	b.progress("dezelfde berichten, elk bericht een eigen transactie")
	singleTime, err := b.importFiles(ctx, "import-los", files, false)
	if err != nil {
		return err
	}
	b.progress("plafond: dezelfde rijen in één transactie")
	ceilTime, nrows, err := b.be.Ceiling(ctx, "import")
	if err != nil {
		return err
	}
	rate := float64(len(files)) / importTime.Seconds()
	single := float64(len(files)) / singleTime.Seconds()
	ceil := float64(len(files)) / ceilTime.Seconds()
	verdict := "gehaald"
	if rate < 2000 {
		verdict = "NIET gehaald"
	}
	b.rows = append(b.rows,
		benchRow{"import uit bestanden (parse, validatie, groepscommit: savepoint per bericht, commit per 500 of 200 ms)",
			fmt.Sprintf("%.0f berichten/s", rate), ">= 2000 berichten/s", verdict,
			fmt.Sprintf("%d berichten in %.2f s", len(files), importTime.Seconds())},
		benchRow{"import uit bestanden, 1 duurzame transactie per bericht",
			fmt.Sprintf("%.0f berichten/s", single), "referentie", "",
			fmt.Sprintf("%d berichten in %.2f s; groepscommit %.1f× zo snel", len(files), singleTime.Seconds(), rate/single)},
		benchRow{"plafond: dezelfde rijen als kale INSERTs in 1 transactie",
			fmt.Sprintf("%.0f berichten/s", ceil), "referentie", "",
			fmt.Sprintf("%d rijen in %s; import = %.1f%% van het plafond (1 : %.1f)", nrows, ms(ceilTime), 100*rate/ceil, ceil/rate)})
	return nil
}

// importFiles reads and imports the files into copy name, with an ImportBatch or one
// ImportBytes per file, and returns how long that took (the last commit included).
func (b *bench) importFiles(ctx context.Context, name string, files []string, grouped bool) (time.Duration, error) {
	db, svc, err := b.openService(ctx, name)
	if err != nil {
		return 0, err
	}
	defer db.Close()
	defer raiseGCForImport(b.e.getenv)() // as import does
	errNot := errors.New("een benchmarkbericht is niet geïmporteerd; de meting is afgebroken")
	var failed error
	check := func(rs []app.Result, err error) {
		if err == nil && (len(rs) != 1 || rs[0].Resultaat != app.Geimporteerd) {
			err = errNot
		}
		if err != nil && failed == nil {
			failed = err
		}
	}
	start := time.Now()
	var batch *app.ImportBatch
	if grouped {
		batch = svc.NewImportBatch(ctx)
	}
	for _, f := range files {
		raw, err := importers.ReadFile(f)
		if err != nil {
			if batch != nil {
				batch.Close()
			}
			return 0, err
		}
		if batch == nil {
			check(svc.ImportBytes(ctx, f, "", raw))
		} else if err := batch.Add(app.ImportInput{Bron: f, Raw: raw, Done: check}); err != nil {
			break
		}
		if batch == nil && failed != nil {
			break
		}
	}
	if batch != nil {
		if err := batch.Close(); err != nil && failed == nil {
			failed = err
		}
	}
	return time.Since(start), failed
}

// writeMessages generates count messages of new persons (SKN only, a range of their
// own) and writes them as files, as they would arrive from DJI.
func (b *bench) writeMessages(ctx context.Context, count int) ([]string, error) {
	dir := filepath.Join(b.be.Dir(), "berichten")
	if err := os.Mkdir(dir, 0o700); err != nil {
		return nil, err
	}
	o := demo.Options{Personen: count, Seed: 4242, Nu: app.DateOf(b.now), Gemeente: b.gemeente,
		Prefix: fmt.Sprintf("BENCH%d", b.now.Unix()), SKNBasis: 97_000_000, GeenBSN: true}
	var files []string
	err := demo.Generate(ctx, o, func(m demo.Bericht) error {
		if len(files) == count {
			return errEnough
		}
		f := filepath.Join(dir, fmt.Sprintf("%06d.xml", len(files)))
		files = append(files, f)
		return os.WriteFile(f, m.Data, 0o600)
	})
	if err != nil && !errors.Is(err, errEnough) {
		return nil, err
	}
	return files, nil
}

// purge sends revocations of one domain for persons whose consent for it holds, each
// through the import path (one transaction, the purge, and the WAL checkpoint that
// makes it irreversible), on the copy that the import measurement used.
func (b *bench) purge(ctx context.Context) error {
	subjects, doms, err := b.be.ConsentedSubjects(ctx, "import", min(b.runs, 50)+2)
	if err != nil {
		return err
	}
	if len(subjects) < 3 {
		b.rows = append(b.rows, benchRow{"intrekking: purge van één domein + checkpoint", "niet gemeten", "< 50 ms", "", "te weinig personen met toestemming"})
		return nil
	}
	b.progress("purge van één domein bij %d personen", len(subjects)-2)
	db, svc, err := b.openService(ctx, "import")
	if err != nil {
		return err
	}
	defer db.Close()
	on := app.DateOf(b.now)
	ds, err := timings(len(subjects)-2, func(i int) error {
		raw := demo.Intrekking(b.gemeente, fmt.Sprintf("BENCH-PURGE-%d-%d", b.now.UnixNano(), i), subjects[i], on, doms[i])
		rs, err := svc.ImportBytes(ctx, "bench", "", raw)
		if err == nil && (len(rs) != 1 || rs[0].Resultaat != app.Geimporteerd) {
			err = fmt.Errorf("een benchmarkintrekking is niet geïmporteerd (%s %s); de meting is afgebroken", rs[0].Resultaat, rs[0].Reden)
		}
		return err
	})
	if err != nil {
		return err
	}
	b.timed("intrekking: purge van één domein + checkpoint", ds, 50*time.Millisecond, "")
	return nil
}
