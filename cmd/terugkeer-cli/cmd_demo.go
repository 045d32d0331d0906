package main

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"strconv"
	"sync"
	"time"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/demo"
	"github.com/terugkeer/terugkeer/importers"
)

const demoUsage = "demo [--personen N [--seed S] [--nu JJJJ-MM-DD] [--batch 500]]   (zonder --personen: de voorbeeldberichten)"

// cmdDemo fills the database with synthetic data through the real import path: every
// generated message is parsed, validated and imported in its own durable transaction,
// exactly like `import`. Without --personen it imports the spec's examples (v1, then v2).
func cmdDemo(ctx context.Context, e *env) error {
	defer raiseGCForImport(e.getenv)()
	fs := newFlags("demo")
	personen := fs.Int("personen", 0, "aantal te genereren personen")
	seed := fs.Uint64("seed", 1, "startwaarde van de generator")
	batch := fs.Int("batch", 500, "1 = elk bericht een eigen duurzame transactie; anders groepscommit zoals import (hoogstens 500 berichten of 200 ms per commit)")
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

// demoGenerate generates on this goroutine and imports through app.ImportBatch, so
// generation, parsing and SQLite overlap on the two cores: the same path as `import`
// (group commit, every message in its own savepoint). With batch 1 every message is its
// own durable transaction instead (app.Service.ImportBytes).
func demoGenerate(ctx context.Context, e *env, o demo.Options, batch int) error {
	p := &demoProgress{e: e, total: o.Personen, start: time.Now()}
	p.last = p.start
	var err error
	if batch <= 1 {
		err = demo.Generate(ctx, o, func(b demo.Bericht) error {
			rs, err := e.svc.ImportBytes(ctx, "demo/"+b.Naam, "", b.Data)
			if err != nil {
				return err
			}
			if err := p.then(ctx, e.svc, rs, b.Opvolging); err != nil {
				return err
			}
			return p.done(b, rs, nil)
		})
	} else {
		err = demoBatch(ctx, e, o, p)
	}
	if err != nil {
		return err
	}
	secs := time.Since(p.start).Seconds()
	fmt.Fprintf(e.stderr, "demo: klaar in %.1f s (%.0f berichten per seconde)\n", secs, float64(p.n)/secs)
	fmt.Fprintf(e.stdout, "%s personen gegenereerd (seed %d, peildatum %s), %s berichten: %s; opvolging: %d domeinen, %d contacten\n",
		groupDigits(o.Personen), o.Seed, o.Nu, groupDigits(p.n), p.sum.String(), p.followups, p.contacts)
	return nil
}

// demoBatch feeds the generated messages to an ImportBatch; a person's follow-up is
// recorded in the batch right after the message that carries it (ImportInput.Then).
func demoBatch(ctx context.Context, e *env, o demo.Options, p *demoProgress) error {
	batch := e.svc.NewImportBatch(ctx)
	gerr := demo.Generate(ctx, o, func(b demo.Bericht) error {
		if err := p.failure(); err != nil {
			return err
		}
		in := app.ImportInput{Bron: "demo/" + b.Naam, Raw: b.Data,
			Done: func(rs []app.Result, err error) { p.fail(p.done(b, rs, err)) }}
		if b.Opvolging != nil {
			in.Then = func(ctx context.Context, svc *app.Service, rs []app.Result) error {
				return p.then(ctx, svc, rs, b.Opvolging)
			}
		}
		return batch.Add(in)
	})
	return errors.Join(gerr, batch.Close(), p.failure())
}

// demoProgress counts what was imported and reports progress on stderr (counts only).
// Done and Then of the batch run on its writer goroutine; err is shared with the
// generator's.
type demoProgress struct {
	e                   *env
	total, n, persoon   int
	followups, contacts int
	sum                 app.Summary
	start, last         time.Time

	mu   sync.Mutex
	err  error
	team []string // the team database's colleagues, read once; nil on a local file
}

// responsible is the verantwoordelijke the generator chose, on the team database one of
// the team instead (the same generated name always the same colleague), because only
// the team's login roles may be verantwoordelijke there.
func (p *demoProgress) responsible(ctx context.Context, svc *app.Service, name string) (string, error) {
	if !svc.TeamClosed() {
		return name, nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.team == nil {
		team, err := svc.TeamMembers(ctx)
		if err != nil {
			return "", err
		}
		if len(team) == 0 {
			return "", nil
		}
		p.team = team
	}
	h := fnv.New32a()
	h.Write([]byte(name))
	return p.team[h.Sum32()%uint32(len(p.team))], nil
}

func (p *demoProgress) fail(err error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.err == nil {
		p.err = err
	}
}

func (p *demoProgress) failure() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.err
}

// done counts one imported message (committed) and reports progress every 2 s.
func (p *demoProgress) done(b demo.Bericht, rs []app.Result, err error) error {
	if err != nil {
		return err
	}
	for _, r := range rs {
		switch r.Resultaat {
		case app.Geimporteerd:
			p.sum.Geimporteerd++
		case app.Dubbel:
			p.sum.Dubbel++
		default:
			return fmt.Errorf("een gegenereerd bericht is niet geïmporteerd (%s); de generator en de importregels lopen uiteen", r.Resultaat)
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

// then records the follow-up a message carries for the person it imported.
func (p *demoProgress) then(ctx context.Context, svc *app.Service, rs []app.Result, o *demo.Opvolging) error {
	if o == nil || len(rs) == 0 || rs[0].Resultaat != app.Geimporteerd {
		return nil
	}
	if id := rs[len(rs)-1].PersonID; id != 0 {
		return p.followup(ctx, svc, id, o)
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
		if edit.Verantwoordelijke != nil {
			wie, err := p.responsible(ctx, svc, *edit.Verantwoordelijke)
			if err != nil {
				return err
			}
			edit.Verantwoordelijke = &wie
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
