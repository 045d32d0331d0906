package main

import (
	"context"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

const retentionUsage = "retention run [--dry-run] [--nu JJJJ-MM-DD] | show | set SLEUTEL TERMIJN  " +
	"(sleutels: afgesloten-zonder-maatregelen, afgesloten-met-maatregelen, niet-gestart, quarantaine, " +
	"logboek, toestemmingsregister; termijn: getal met d, m of j, bijv. 30d, 9m, 5j)"

func cmdRetention(ctx context.Context, e *env) error {
	if len(e.args) == 0 {
		return usagef("Geef een subopdracht: run, show of set.")
	}
	sub, rest := e.args[0], e.args[1:]
	switch sub {
	case "run":
		return retentionRun(ctx, e, rest)
	case "show":
		if len(rest) > 0 {
			return usagef("show heeft geen argumenten.")
		}
		return retentionShow(ctx, e)
	case "set":
		if len(rest) != 2 {
			return usagef("Geef een sleutel en een termijn, bijvoorbeeld: retention set quarantaine 3m")
		}
		if err := e.svc.SetRetentionTerm(ctx, rest[0], rest[1]); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "Bewaartermijn %s is ingesteld op %s.\n", rest[0], rest[1])
		return nil
	}
	return usagef("Onbekende subopdracht %q.", sub)
}

func retentionRun(ctx context.Context, e *env, args []string) error {
	fs := newFlags("retention run")
	dry := fs.Bool("dry-run", false, "alleen tellen, niets verwijderen")
	nu := fs.String("nu", "", "rekendatum JJJJ-MM-DD (standaard vandaag)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("Onverwacht argument %q.", fs.Arg(0))
	}
	now := e.now()
	if *nu != "" {
		d, err := app.ParseDate(*nu)
		if err != nil {
			return usagef("De datum bij --nu moet de vorm JJJJ-MM-DD hebben.")
		}
		now = time.Date(d.Time().Year(), d.Time().Month(), d.Time().Day(), 12, 0, 0, 0, time.Local)
	}
	rep, err := e.svc.RunRetentionProgress(ctx, now, *dry, retentionProgress(e, time.Now))
	if err != nil {
		return err
	}
	verb := "Verwijderd"
	if *dry {
		verb = "Zou verwijderen (proefrun, er is niets gewijzigd)"
	}
	fmt.Fprintf(e.stdout, "%s op peildatum %s:\n", verb, app.DateOf(now).Dutch())
	fmt.Fprintf(e.stdout, "  personen: %d (met %d gegevens)\n", len(rep.Personen), rep.Items)
	fmt.Fprintf(e.stdout, "  berichten in quarantaine: %d\n", rep.Quarantaine)
	fmt.Fprintf(e.stdout, "  berichten die op controle wachtten: %d\n", rep.Controle)
	fmt.Fprintf(e.stdout, "  regels uit het logboek: %d\n", rep.Logboek)
	fmt.Fprintf(e.stdout, "  toestemmingsregister: %d\n", rep.Register)
	if !*dry {
		fmt.Fprintf(e.stdout, "  berichtkenmerken zonder persoon: %d\n", rep.Berichten)
	}
	if rep.LogboekFout != 0 {
		return fmt.Errorf("het logboek is niet intact vanaf regel %d en is daarom niet opgeschoond", rep.LogboekFout)
	}
	return nil
}

// retentionProgressEvery is how often at most retention run reports its progress.
const retentionProgressEvery = 2 * time.Second

// retentionProgress reports on stderr how far a run is with the persons whose term has
// ended (counts only): when it has found them, then at most every
// retentionProgressEvery, and when it has dealt with the last. A backlog of 74,451
// persons took 141 s without a word.
func retentionProgress(e *env, clock func() time.Time) app.RetentionProgress {
	var last time.Time
	return func(done, total int) {
		now := clock()
		if done > 0 && done < total && now.Sub(last) < retentionProgressEvery {
			return
		}
		last = now
		fmt.Fprintf(e.stderr, "retention run: %s van %s personen met een verstreken bewaartermijn verwerkt\n",
			groupDigits(done), groupDigits(total))
	}
}

func retentionShow(ctx context.Context, e *env) error {
	terms, err := e.svc.RetentionTerms(ctx)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "Sleutel\tTermijn\tStandaard\tWat\tBron")
	for _, ti := range app.TermInfos() {
		t := terms[ti.Key]
		fmt.Fprintf(tw, "%s\t%s (%s)\t%s\t%s\t%s\n", ti.Key, t, t.Dutch(), ti.Default, ti.Omschrijving, ti.Bron)
	}
	return tw.Flush()
}
