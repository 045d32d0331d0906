package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/demo"
	"github.com/terugkeer/terugkeer/importers"
	"github.com/terugkeer/terugkeer/storage/sqlite"
)

const demoUsage = "demo [--personen N [--seed S] [--nu JJJJ-MM-DD] [--batch 500]]   (zonder --personen: de voorbeeldberichten)"

// cmdDemo fills the database with synthetic data through the real import path: every
// generated message is parsed, validated and imported in its own durable transaction,
// exactly like `import`. Without --personen it imports the spec's examples (v1, then v2).
func cmdDemo(ctx context.Context, e *env) error {
	fs := newFlags("demo")
	personen := fs.Int("personen", 0, "aantal te genereren personen")
	seed := fs.Uint64("seed", 1, "startwaarde van de generator")
	batch := fs.Int("batch", 500, "berichten per transactie; 1 = elk bericht een eigen duurzame transactie, zoals import")
	nuFlag := fs.String("nu", "", "peildatum (JJJJ-MM-DD); standaard vandaag")
	if err := parse(fs, e.args); err != nil {
		return err
	}
	if fs.NArg() > 0 || *personen < 0 {
		return usagef("Onverwachte argumenten.")
	}
	nu := app.DateOf(e.now())
	if *nuFlag != "" {
		d, err := app.ParseDate(*nuFlag)
		if err != nil {
			return usagef("--nu is geen datum in de vorm JJJJ-MM-DD.")
		}
		nu = d
	}
	gemeente, err := demoGemeente(ctx, e)
	if err != nil {
		return err
	}
	if *personen == 0 {
		return demoExamples(ctx, e)
	}
	o := demo.Options{Personen: *personen, Seed: *seed, Nu: nu, Gemeente: gemeente}
	return demoGenerate(ctx, e, o, *batch)
}

// demoGemeente returns the gemeente of the generated messages: the first one the
// database serves, after initialising it for 0193 when it was not yet.
func demoGemeente(ctx context.Context, e *env) (string, error) {
	g, err := e.svc.Gemeenten(ctx)
	if errors.Is(err, app.ErrNotInitialised) {
		if err := e.svc.Init(ctx, []string{"0193"}); err != nil {
			return "", err
		}
		fmt.Fprintln(e.stderr, "demo: database ingericht voor gemeente 0193")
		return "0193", nil
	}
	if err != nil {
		return "", err
	}
	return g[0], nil
}

func demoExamples(ctx context.Context, e *env) error {
	var all []app.Result
	for _, ex := range importers.AllExamples() {
		rs, err := e.svc.ImportBytes(ctx, ex.Path(), "", ex.Data)
		if err != nil {
			return err
		}
		all = append(all, rs...)
	}
	fmt.Fprintln(e.stdout, "Voorbeeldberichten: "+app.Summarise(all).String())
	return nil
}

// demoGenerate generates on one goroutine and imports on this one, so the two cores
// overlap XML generation with parsing and SQLite. With batch > 1 the messages go
// through the same Service code, but batch of them share one commit (demo.TxStore);
// with batch 1 every message is its own durable transaction, exactly like `import`.
func demoGenerate(ctx context.Context, e *env, o demo.Options, batch int) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ch := make(chan demo.Bericht, 2048)
	genErr := make(chan error, 1)
	go func() {
		defer close(ch)
		genErr <- demo.Generate(ctx, o, func(b demo.Bericht) error {
			if batch > 1 {
				b.Parsed = preparse(b)
			}
			select {
			case ch <- b:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	p := &demoProgress{e: e, total: o.Personen, start: time.Now()}
	p.last = p.start
	var err error
	if batch <= 1 {
		err = p.importAll(ctx, e.svc, nil, ch, 0)
	} else {
		err = demoBatches(ctx, e, p, ch, batch)
	}
	if err != nil {
		cancel()
		for range ch { // let the generator finish
		}
		return err
	}
	if err := <-genErr; err != nil {
		return err
	}
	secs := time.Since(p.start).Seconds()
	fmt.Fprintf(e.stderr, "demo: klaar in %.1f s (%.0f berichten per seconde)\n", secs, float64(p.n)/secs)
	fmt.Fprintf(e.stdout, "%s personen gegenereerd (seed %d, peildatum %s), %s berichten: %s; opvolging: %d domeinen, %d contacten\n",
		groupDigits(o.Personen), o.Seed, o.Nu, groupDigits(p.n), p.sum.String(), p.followups, p.contacts)
	return nil
}

// demoBatches opens a second handle on the same database file and imports batch
// messages per transaction.
func demoBatches(ctx context.Context, e *env, p *demoProgress, ch <-chan demo.Bericht, batch int) error {
	db, err := sqlite.Open(e.dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	for done := false; !done; {
		err := db.Update(ctx, func(tx app.Tx) error {
			dec := &preparsedDecoder{}
			svc := app.NewService(demo.TxStore{Tx: tx}, dec, e.now)
			err := p.importAll(ctx, svc, dec, ch, batch)
			if errors.Is(err, errBatchFull) {
				return nil
			}
			done = true
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// preparse runs the decoder's Extract and Parse on the generator's goroutine, so
// that decoding (a fifth of the import's CPU time) overlaps with SQLite on the other
// core. The results are handed to the Service by preparsedDecoder.
func preparse(b demo.Bericht) *demo.Parsed {
	var dec importers.Decoder
	p := &demo.Parsed{}
	p.Items, p.ExtractErr = dec.Extract("demo/"+b.Naam, b.Data)
	if p.ExtractErr == nil && len(p.Items) == 1 {
		p.Msg, p.ParseErr = dec.Parse(p.Items[0].Raw)
	}
	return p
}

// preparsedDecoder returns what preparse computed for the message being imported.
type preparsedDecoder struct{ cur *demo.Parsed }

func (d *preparsedDecoder) Extract(bron string, raw []byte) ([]app.Item, error) {
	if d.cur == nil {
		return importers.Decoder{}.Extract(bron, raw)
	}
	return d.cur.Items, d.cur.ExtractErr
}

func (d *preparsedDecoder) Parse(raw []byte) (*app.Message, error) {
	if d.cur == nil || d.cur.Msg == nil && d.cur.ParseErr == nil {
		return importers.Decoder{}.Parse(raw)
	}
	return d.cur.Msg, d.cur.ParseErr
}

var errBatchFull = errors.New("batch vol")

// demoProgress counts what was imported and reports progress on stderr (counts only).
type demoProgress struct {
	e                   *env
	total, n, persoon   int
	followups, contacts int
	sum                 app.Summary
	start, last         time.Time
}

// importAll imports messages from ch with svc until ch is closed, or until limit
// messages when limit > 0 (then it returns errBatchFull).
func (p *demoProgress) importAll(ctx context.Context, svc *app.Service, dec *preparsedDecoder, ch <-chan demo.Bericht, limit int) error {
	for k := 0; limit <= 0 || k < limit; k++ {
		b, ok := <-ch
		if !ok {
			return nil
		}
		if dec != nil {
			dec.cur = b.Parsed
		}
		if err := p.importOne(ctx, svc, b); err != nil {
			return err
		}
	}
	return errBatchFull
}

func (p *demoProgress) importOne(ctx context.Context, svc *app.Service, b demo.Bericht) error {
	rs, err := svc.ImportBytes(ctx, "demo/"+b.Naam, "", b.Data)
	if err != nil {
		return err
	}
	var id int64
	for _, r := range rs {
		switch r.Resultaat {
		case app.Geimporteerd:
			p.sum.Geimporteerd++
		case app.Dubbel:
			p.sum.Dubbel++
		default:
			return fmt.Errorf("een gegenereerd bericht is niet geïmporteerd (%s); de generator en de importregels lopen uiteen", r.Resultaat)
		}
		id = r.PersonID
	}
	if b.Opvolging != nil && id != 0 && rs[0].Resultaat == app.Geimporteerd {
		if err := p.followup(ctx, svc, id, b.Opvolging); err != nil {
			return err
		}
	}
	p.n, p.persoon = p.n+1, b.Persoon+1
	if now := time.Now(); now.Sub(p.last) >= 2*time.Second {
		p.last = now
		fmt.Fprintf(p.e.stderr, "demo: %s van %s personen, %s berichten (%.0f per seconde)\n",
			groupDigits(p.persoon), groupDigits(p.total), groupDigits(p.n), float64(p.n)/now.Sub(p.start).Seconds())
	}
	return nil
}

// followup records a person's generated follow-up and contacts. A domain whose consent
// does not hold after all is skipped: the generator does not replay every rule.
func (p *demoProgress) followup(ctx context.Context, svc *app.Service, id int64, o *demo.Opvolging) error {
	var cre *app.ConsentRequiredError
	for _, d := range app.Domains() {
		edit, ok := o.Domeinen[d]
		if !ok {
			continue
		}
		if _, err := svc.SetFollowup(ctx, id, d, edit); err != nil {
			if errors.As(err, &cre) {
				continue
			}
			return err
		}
		p.followups++
	}
	for _, c := range o.Contacten {
		if now := svc.Now(); c.Tijd.After(now) {
			c.Tijd = now // a contact cannot lie in the future
		}
		if _, err := svc.AddContact(ctx, id, c); err != nil {
			if errors.As(err, &cre) {
				continue
			}
			return err
		}
		p.contacts++
	}
	return nil
}

// groupDigits writes 150000 as 150.000.
func groupDigits(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return s
}
