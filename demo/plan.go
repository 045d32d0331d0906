package demo

import (
	"fmt"

	"github.com/terugkeer/terugkeer/app"
)

// The two moments where history changes the messages (berichtformaat-v2.md): consent is
// no longer needed from 1 July 2021 (art. 18a Pbw), and DJI sends the D&R-plan instead of
// the informatieblad from December 2023, through the Berichtenbox Re-integratie (format
// version 2).
var (
	Artikel18a  = app.NewDate(2021, 7, 1)
	DRPlanStart = app.NewDate(2023, 12, 1)
)

// versie is the format a message of kind k sent on a day uses: version 2 from December
// 2023, except for informatiebladen and intrekkingen, which exist only in version 1.
func versie(k app.Kind, sent app.Date) string {
	if k == app.Informatieblad || k == app.Intrekking || sent.Before(DRPlanStart) {
		return "1"
	}
	return "2"
}

// revocationChance is how often the last informatieblad is revoked later: less often
// once consent was no longer the basis of the exchange.
func revocationChance(sheet app.Date) float64 {
	if sheet.Before(Artikel18a) {
		return 0.1
	}
	return 0.04
}

// sheetChance is how often a detention that began on a day comes with an informatieblad:
// most under the consent regime, fewer in the transition, none once the plan took over.
func sheetChance(begin app.Date) float64 {
	switch {
	case begin.Before(Artikel18a):
		return 0.78
	case begin.Before(DRPlanStart):
		return 0.5
	}
	return 0
}

// plans emits the D&R-plans of a detention that runs in December 2023 or later: a first
// plan a few weeks into it (or in the months the plan was introduced), then a new version
// every two to four months while the person is detained, agreements moving on between
// versions. A detention too short for a plan gets none; it reports whether one was sent.
func (g *gen) plans(begin, eind app.Date) bool {
	if eind.Before(DRPlanStart) || !g.chance(0.85) {
		return false
	}
	first := begin.AddDays(10 + g.r.IntN(31))
	if intro := DRPlanStart.AddDays(g.r.IntN(90)); first.Before(intro) {
		first = intro
	}
	last := eind
	if last.After(g.o.Nu) {
		last = g.o.Nu
	}
	var p *app.Plan
	op := first
	for ; !op.After(last); op = op.AddDays(45 + g.r.IntN(76)) {
		if p == nil {
			p = g.newPlan(op, eind)
		} else {
			p = g.nextPlan(p, op, eind)
		}
		g.emitPlan(p)
	}
	if p != nil && !eind.After(g.o.Nu) && p.Opgesteld.Before(eind.AddDays(-3)) {
		// The last version, at release: nearly every agreement is done or handed over.
		p = g.nextPlan(p, eind.AddDays(-g.r.IntN(3)), eind)
		for i := range p.Leefgebieden {
			for j, a := range p.Leefgebieden[i].Afspraken {
				if (a.Status == app.AfspraakOpen || a.Status == app.AfspraakLopend) && g.chance(0.92) {
					p.Leefgebieden[i].Afspraken[j].Status = app.AfspraakAfgerond
				}
			}
		}
		g.emitPlan(p)
	}
	g.plan = p
	return p != nil
}

func (g *gen) emitPlan(p *app.Plan) {
	m := g.message(app.DRPlan, p.Opgesteld.AddDays(g.r.IntN(3)))
	m.Plan = p
	g.emit(m)
}

// newPlan drafts a first plan on a day for someone to be released on eind.
func (g *gen) newPlan(op, eind app.Date) *app.Plan {
	p := &app.Plan{Opgesteld: op, Grondslag: app.GrondslagPlan}
	g.planIDs = map[app.Domain]int{}
	for _, d := range app.Leefgebieden() {
		if g.chance(leefgebiedKans[d]) {
			p.Leefgebieden = append(p.Leefgebieden, g.lifeArea(d, op, eind))
		}
	}
	if len(p.Leefgebieden) == 0 {
		p.Leefgebieden = append(p.Leefgebieden, g.lifeArea(app.Onderdak, op, eind))
	}
	if g.chance(0.5) {
		p.Algemeen = append(p.Algemeen, app.Answer{Code: "contact.bereikbaarheid", Toelichting: "Via zijn zus, 06 0000 0000."})
	}
	return p
}

func (g *gen) lifeArea(d app.Domain, op, eind app.Date) app.LifeArea {
	l := app.LifeArea{Code: d}
	if g.chance(0.8) {
		l.Situatie = g.pick(situaties[d])
	}
	for _, t := range app.Topics() {
		if t.Domain != d || !g.chance(0.4) {
			continue
		}
		a := app.Answer{Code: t.Code}
		if t.Answers != nil {
			a.Antwoord = g.pick(t.Answers)
		}
		if g.chance(0.3) {
			a.Toelichting = g.pick(toelichtingen)
		}
		l.Onderwerpen = append(l.Onderwerpen, a)
	}
	if g.chance(0.7) {
		l.Doelen = append(l.Doelen, g.pick(doelen[d]))
	}
	for n := 1 + g.r.IntN(2); n > 0; n-- {
		l.Afspraken = append(l.Afspraken, g.agreement(d, op, eind))
	}
	return l
}

// agreement is a new, open agreement of leefgebied d, mostly dated around the release.
func (g *gen) agreement(d app.Domain, op, eind app.Date) app.Agreement {
	t := afspraakTeksten[d][g.r.IntN(len(afspraakTeksten[d]))]
	g.planIDs[d]++
	a := app.Agreement{ID: fmt.Sprintf("%s-%d", afspraakPrefix[d], g.planIDs[d]), Wie: t.wie,
		Status: app.AfspraakOpen, Tekst: t.tekst}
	if g.chance(0.8) {
		a.Datum = eind.AddDays(g.r.IntN(51) - 35)
		if !a.Datum.After(op) {
			a.Datum = op.AddDays(7 + g.r.IntN(21))
		}
	}
	return a
}

// nextPlan is the next version of p, drawn up on op: agreements move on (open to lopend
// or afgerond, lopend to afgerond, now and then vervallen), new agreements come, a
// leefgebied is sometimes added or no longer held. Ids stay stable across versions.
func (g *gen) nextPlan(p *app.Plan, op, eind app.Date) *app.Plan {
	n := &app.Plan{Opgesteld: op, Grondslag: p.Grondslag, Algemeen: p.Algemeen}
	for i, l := range p.Leefgebieden {
		if left := len(p.Leefgebieden) - i - 1; (len(n.Leefgebieden) > 0 || left > 0) && g.chance(0.08) {
			continue // no longer part of the plan
		}
		c := l
		c.Onderwerpen = append([]app.Answer(nil), l.Onderwerpen...)
		c.Afspraken = nil
		for _, a := range l.Afspraken {
			c.Afspraken = append(c.Afspraken, g.progress(a, op))
		}
		if g.chance(0.25) {
			c.Afspraken = append(c.Afspraken, g.agreement(l.Code, op, eind))
		}
		n.Leefgebieden = append(n.Leefgebieden, c)
	}
	for _, d := range app.Leefgebieden() {
		if _, held := p.LifeArea(d); !held && g.chance(0.06) {
			n.Leefgebieden = append(n.Leefgebieden, g.lifeArea(d, op, eind))
		}
	}
	return n
}

// progress moves an agreement on between two versions; a date that has passed makes it
// likelier to be done.
func (g *gen) progress(a app.Agreement, op app.Date) app.Agreement {
	due := !a.Datum.IsZero() && a.Datum.Before(op)
	switch a.Status {
	case app.AfspraakOpen:
		switch x := g.r.Float64(); {
		case x < 0.03:
			a.Status = app.AfspraakVervallen
		case x < 0.3 || (due && x < 0.7):
			a.Status = app.AfspraakAfgerond
		case x < 0.55:
			a.Status = app.AfspraakLopend
		}
	case app.AfspraakLopend:
		if g.chance(0.5) || (due && g.chance(0.5)) {
			a.Status = app.AfspraakAfgerond
		}
	}
	return a
}
