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

// importRate imports generated message files into a copy of the database, each message
// in its own durable transaction (the path of `terugkeer-cli import`), and then inserts
// exactly the rows that import wrote into another copy in one plain transaction: the
// ceiling SQLite sets for the same rows, measured in the same run.
func (b *bench) importRate(ctx context.Context) error {
	files, err := b.writeMessages(ctx, b.berichten)
	if err != nil {
		return err
	}
	b.progress("import van %d berichtbestanden, elk bericht een eigen transactie", len(files))
	db, svc, err := b.openService(ctx, "import")
	if err != nil {
		return err
	}
	start := time.Now()
	for _, f := range files {
		raw, err := importers.ReadFile(f)
		if err != nil {
			db.Close()
			return err
		}
		rs, err := svc.ImportBytes(ctx, f, "", raw)
		if err != nil {
			db.Close()
			return err
		}
		if len(rs) != 1 || rs[0].Resultaat != app.Geimporteerd {
			db.Close()
			return errors.New("een benchmarkbericht is niet geïmporteerd; de meting is afgebroken")
		}
	}
	importTime := time.Since(start)
	if err := db.Close(); err != nil {
		return err
	}
	b.progress("plafond: dezelfde rijen in één transactie")
	ceilTime, nrows, err := b.be.Ceiling(ctx, "import")
	if err != nil {
		return err
	}
	rate := float64(len(files)) / importTime.Seconds()
	ceil := float64(len(files)) / ceilTime.Seconds()
	verdict := "gehaald"
	if rate < 2000 {
		verdict = "NIET gehaald"
	}
	b.rows = append(b.rows,
		benchRow{"import uit bestanden (parse, validatie, 1 duurzame transactie per bericht)",
			fmt.Sprintf("%.0f berichten/s", rate), ">= 2000 berichten/s", verdict,
			fmt.Sprintf("%d berichten in %.2f s", len(files), importTime.Seconds())},
		benchRow{"plafond: dezelfde rijen als kale INSERTs in 1 transactie",
			fmt.Sprintf("%.0f berichten/s", ceil), "referentie", "",
			fmt.Sprintf("%d rijen in %s; import = %.1f%% van het plafond (1 : %.0f)", nrows, ms(ceilTime), 100*rate/ceil, ceil/rate)})
	return nil
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
