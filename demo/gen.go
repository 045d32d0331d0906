// Package demo generates realistic synthetic DJI messages (format v1) for demonstrations
// and benchmarks: fictitious persons with test BSNs or SKNs only, names with diacritics,
// meldingen, informatiebladen with mixed consent and revocations over five years. The
// messages go through the application's real import path; nothing here writes the
// database directly. Generation is deterministic for given Options.
package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

// Options describe a generated population.
type Options struct {
	Personen     int
	Seed         uint64
	Nu           app.Date // the base date: no message is dated after it
	Gemeente     string   // CBS code of the messages, e.g. "0193"
	GemeenteNaam string
	Prefix       string // kenmerk prefix; "DEMO" when empty
	// SKNBasis is the SKN of person 0 (person i gets SKNBasis+i). 0 picks a base
	// derived from the seed.
	SKNBasis int
	// GeenBSN leaves the BSN out for everyone (SKN only), so that a population never
	// matches persons of another one.
	GeenBSN bool
}

// Bericht is one generated message.
type Bericht struct {
	Naam    string // a file name, "<kenmerk>.xml"
	Persoon int    // index of the person it is about
	Data    []byte
	// Opvolging is set on the last message of a person that gets follow-up: record it
	// once that message is imported.
	Opvolging *Opvolging
}

// exampleBSN belongs to the spec's example person; the generator leaves it out so that
// demo data and the example messages can share a database without a false match.
const exampleBSN = "999990019"

// testBSNs are the numbers in 999990000–999999999 that pass the elfproef, ascending,
// without exampleBSN.
var testBSNs = func() []string {
	var out []string
	for n := 999990000; n <= 999999999; n++ {
		s := strconv.Itoa(n)
		if app.ValidBSN(s) && s != exampleBSN {
			out = append(out, s)
		}
	}
	return out
}()

// TestBSNs returns the test BSNs the generator draws from.
func TestBSNs() []string { return append([]string(nil), testBSNs...) }

func (o *Options) defaults() {
	if o.Prefix == "" {
		o.Prefix = "DEMO"
	}
	if o.Gemeente == "" {
		o.Gemeente = "0193"
	}
	if o.GemeenteNaam == "" {
		o.GemeenteNaam = GemeenteNaam(o.Gemeente)
	}
	if o.SKNBasis == 0 {
		o.SKNBasis = 10_000_000 + int(o.Seed%80)*1_000_000
	}
	if o.Nu.IsZero() {
		o.Nu = app.DateOf(time.Now())
	}
}

// GemeenteNaam names the gemeente of generated messages (only 0193 by name).
func GemeenteNaam(code string) string {
	if code == "0193" {
		return "Zwolle"
	}
	return "Gemeente " + code
}

// Generate emits the messages of every person in order: per person its messages in
// the order they were sent. It stops at the first error of emit or when ctx ends.
func Generate(ctx context.Context, o Options, emit func(Bericht) error) error {
	o.defaults()
	for i := range o.Personen {
		if i%256 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		for _, b := range o.person(i) {
			if err := emit(b); err != nil {
				return err
			}
		}
	}
	return nil
}

// Persoon returns the messages of person i alone.
func (o Options) Persoon(i int) []Bericht {
	o.defaults()
	return o.person(i)
}

var zone = time.FixedZone("CET", 3600)

// gen holds the state of one person's generation.
type gen struct {
	o    *Options
	r    *rand.Rand
	i, k int // person index, message counter
	subj app.Subject
	inr  struct{ code, naam string }
	cm   app.Contact
	out  []Bericht
	// consent is the consent of the newest informatieblad minus revoked domains.
	consent map[app.Domain]bool
	// plan is the last D&R-plan sent (nil when none); planIDs counts agreement ids per
	// leefgebied so that ids stay unique and stable across its versions.
	plan    *app.Plan
	planIDs map[app.Domain]int
}

func (o *Options) person(i int) []Bericht {
	g := &gen{o: o, r: rand.New(rand.NewPCG(o.Seed, uint64(i)+1)), i: i}
	g.subject()
	g.history()
	g.followup()
	return g.out
}

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g *gen) chance(p float64) bool { return g.r.Float64() < p }

func (g *gen) subject() {
	o, r := g.o, g.r
	s := app.Subject{Voornamen: g.pick(voornamen), Achternaam: g.pick(achternamen)}
	if g.chance(0.25) {
		s.Voorvoegsel = g.pick(voorvoegsels)
	}
	if g.chance(0.05) {
		s.Achternaam += "-" + g.pick(achternamen)
	}
	if g.i%50_000 == 17 {
		s.Achternaam, s.Voorvoegsel = ZeldzameNaam, ""
	}
	s.Geboortedatum = app.NewDate(1955, 1, 1).AddDays(r.IntN(50 * 365))
	s.SKN = strconv.Itoa(o.SKNBasis + g.i)
	if !o.GeenBSN {
		stride := max(1, (o.Personen+len(testBSNs)-1)/len(testBSNs))
		if g.i%stride == 0 && g.i/stride < len(testBSNs) {
			s.BSN = testBSNs[g.i/stride]
			if g.chance(0.15) {
				s.SKN = "" // known by BSN only
			}
		}
	}
	g.subj = s
	inr := inrichtingen[r.IntN(len(inrichtingen))]
	g.inr.code, g.inr.naam = inr.code, inr.naam
	naam := g.pick(casemanagers)
	g.cm = app.Contact{Naam: naam, Telefoon: fmt.Sprintf("088 000 %04d", r.IntN(10000)),
		Email: fmt.Sprintf("casemanager%02d@example.test", r.IntN(100))}
}

// history generates one to three detentions with their meldingen and, following the
// law of the day, informatiebladen and revocations (a detention that began before
// December 2023) or D&R-plans (one that runs on or after it), all dated within eight
// years before Nu.
func (g *gen) history() {
	nu, r := g.o.Nu, g.r
	begin := nu.AddDays(-r.IntN(8*365) - 7)
	var lastSheet app.Date
	for n := 0; n < 3; n++ {
		eind := begin.AddDays(g.duration())
		g.detention(begin, eind)
		if !g.plans(begin, eind) && g.chance(sheetChance(begin)) {
			lastSheet = g.sheets(begin, lastSheet)
		}
		next := eind.AddDays(60 + r.IntN(640))
		if !g.chance(0.22) || next.After(nu.AddDays(-7)) {
			break
		}
		begin = next
	}
	if !lastSheet.IsZero() && g.chance(revocationChance(lastSheet)) {
		g.revocation(lastSheet)
	}
	if g.subj.BSN != "" && g.chance(0.02) {
		// A later melding with a mistyped date of birth: held for controle (not applied)
		// and the person flagged for review.
		s := g.subj
		s.Geboortedatum = s.Geboortedatum.AddDays(1)
		g.withSubject(s, func() { g.melding(app.MeldingEinde, begin, app.DetentionDates{Begindatum: begin}) })
	}
}

func (g *gen) duration() int {
	switch x := g.r.Float64(); {
	case x < 0.4:
		return 14 + g.r.IntN(76)
	case x < 0.8:
		return 90 + g.r.IntN(275)
	default:
		return 365 + g.r.IntN(735)
	}
}

func (g *gen) withSubject(s app.Subject, f func()) {
	keep := g.subj
	g.subj = s
	f()
	g.subj = keep
}

// detention emits the meldingen of one detention: begin (mostly with an expected
// release date), possibly a moved expected date, and the definitive end once past.
func (g *gen) detention(begin, eind app.Date) {
	nu := g.o.Nu
	d := app.DetentionDates{Begindatum: begin}
	verwacht := eind
	if g.chance(0.3) {
		verwacht = eind.AddDays(g.r.IntN(61) - 30)
		if verwacht.Before(begin) {
			verwacht = begin
		}
	}
	if g.chance(0.85) {
		d.Einddatum, d.EinddatumStatus = verwacht, app.EindVerwacht
	}
	g.melding(app.MeldingBegin, begin.AddDays(1), d)
	switch {
	case !eind.After(nu):
		d.Einddatum, d.EinddatumStatus = eind, app.EindDefinitief
		g.melding(app.MeldingEinde, eind, d)
	case !verwacht.Equal(eind) || d.Einddatum.IsZero():
		if sent := begin.AddDays(14 + g.r.IntN(60)); !sent.After(nu) {
			d.Einddatum, d.EinddatumStatus = eind, app.EindVerwacht
			g.melding(app.MeldingEinde, sent, d)
		}
	}
}

func (g *gen) melding(k app.Kind, sent app.Date, d app.DetentionDates) {
	m := g.message(k, sent)
	m.Detentie = &d
	g.emit(m)
}

// message is the header of a message sent on a day (clamped to Nu).
func (g *gen) message(k app.Kind, sent app.Date) *app.Message {
	if sent.After(g.o.Nu) {
		sent = g.o.Nu
	}
	t := sent.Time()
	verzonden := time.Date(t.Year(), t.Month(), t.Day(), 8+g.r.IntN(9), g.r.IntN(60), 0, 0, zone)
	g.k++
	return &app.Message{
		Versie: versie(k, sent), Soort: k, Verzonden: verzonden,
		Kenmerk:        fmt.Sprintf("%s-%d-%07d-%d", g.o.Prefix, g.o.Seed, g.i, g.k),
		InrichtingCode: g.inr.code, Inrichting: g.inr.naam, Casemanager: g.cm,
		GemeenteCode: g.o.Gemeente, GemeenteNaam: g.o.GemeenteNaam, Betrokkene: g.subj,
	}
}

func (g *gen) emit(m *app.Message) {
	g.out = append(g.out, Bericht{Naam: m.Kenmerk + ".xml", Persoon: g.i, Data: XML(m)})
}

// sheets emits an informatieblad during a detention and sometimes a later one that
// changes consent; it returns the last opgesteld (or prev when none was sent).
func (g *gen) sheets(begin, prev app.Date) app.Date {
	opgesteld := begin.AddDays(5 + g.r.IntN(36))
	if opgesteld.After(g.o.Nu) {
		return prev
	}
	g.sheet(opgesteld)
	if g.chance(0.1) {
		if later := opgesteld.AddDays(30 + g.r.IntN(170)); !later.After(g.o.Nu) {
			g.sheet(later)
			return later
		}
	}
	return opgesteld
}

func (g *gen) sheet(opgesteld app.Date) {
	s := &app.Sheet{Opgesteld: opgesteld, Toestemming: map[app.Domain]bool{}, Hulpvragen: map[app.Domain]string{}}
	for _, d := range app.Domains() {
		switch x := g.r.Float64(); {
		case x < 0.6:
			s.Toestemming[d] = true
		case x < 0.9:
			s.Toestemming[d] = false
		}
	}
	for _, t := range app.Topics() {
		p := 0.6 // contact.*
		if !t.General() {
			gegeven, named := s.Toestemming[t.Domain]
			switch {
			case !named:
				p = 0
			case gegeven:
				p = 0.8
			default:
				p = 0.2 // answered although not consented: dropped on import
			}
		}
		if !g.chance(p) {
			continue
		}
		a := app.Answer{Code: t.Code}
		if t.Answers != nil {
			a.Antwoord = g.pick(t.Answers)
		}
		if t.Code == "contact.bereikbaarheid" {
			a.Toelichting = "06 0000 0000, post via zus."
		} else if g.chance(0.25) {
			a.Toelichting = g.pick(toelichtingen)
		}
		s.Onderwerpen = append(s.Onderwerpen, a)
	}
	for _, d := range app.Domains() {
		if s.Toestemming[d] && g.chance(0.35) {
			s.Hulpvragen[d] = g.pick(hulpvragen)
		}
	}
	g.consent = s.Toestemming
	m := g.message(app.Informatieblad, opgesteld.AddDays(g.r.IntN(3)))
	m.Informatieblad = s
	g.emit(m)
}

func (g *gen) revocation(after app.Date) {
	on := after.AddDays(5 + g.r.IntN(146))
	if on.After(g.o.Nu) {
		on = g.o.Nu
	}
	rv := &app.Revocation{Ondertekend: on}
	if g.chance(0.25) {
		rv.Alle, rv.Domeinen = true, app.Domains()
	} else {
		doms := app.Domains()
		g.r.Shuffle(len(doms), func(a, b int) { doms[a], doms[b] = doms[b], doms[a] })
		rv.Domeinen = doms[:1+g.r.IntN(2)]
	}
	for _, d := range rv.Domeinen {
		delete(g.consent, d)
	}
	m := g.message(app.Intrekking, on.AddDays(1))
	m.Intrekking = rv
	g.emit(m)
}

// Intrekking builds a revocation of domains for a subject, signed on a date: the
// purge benchmark sends it for persons of an existing database.
func Intrekking(gemeente, kenmerk string, s app.Subject, on app.Date, doms ...app.Domain) []byte {
	m := &app.Message{
		Versie: "1", Soort: app.Intrekking, Kenmerk: kenmerk,
		Verzonden:      time.Date(on.Time().Year(), on.Time().Month(), on.Time().Day(), 12, 0, 0, 0, zone),
		InrichtingCode: "PI-ZWL", Inrichting: "PI Zwolle",
		GemeenteCode: gemeente, GemeenteNaam: GemeenteNaam(gemeente), Betrokkene: s,
		Intrekking: &app.Revocation{Ondertekend: on, Domeinen: doms},
	}
	return XML(m)
}
