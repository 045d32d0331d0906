package app

import "strings"

// The rules for the D&R-plan (berichtformaat-v2.md, "Rules for the D&R-plan"), as pure
// functions: the import service carries out what they decide.

// Outranks reports whether p is newer than q under rule 2: the later opgesteld, on the
// same day the later verzonden. Two versions equal in both are ordered by kenmerk, so
// that the outcome never depends on the order of arrival.
func (p StoredPlan) Outranks(q StoredPlan) bool {
	switch {
	case !p.Opgesteld.Equal(q.Opgesteld):
		return p.Opgesteld.After(q.Opgesteld)
	case !p.Verzonden.Equal(q.Verzonden):
		return p.Verzonden.After(q.Verzonden)
	}
	return strings.Compare(p.Kenmerk, q.Kenmerk) > 0
}

// PlanChange is what a received plan does to the person's current plan.
type PlanChange struct {
	// Current: the received plan becomes the person's plan and replaces the previous one
	// entirely. When false the plan is older than the current one: it is recorded as
	// received and changes nothing (rule 2).
	Current bool
	// Removed counts the items of the previous plan that the new one no longer holds
	// (situaties, topics, goals, agreements); they are purged irreversibly and audited by
	// count, as rule 5 of version 1 says.
	Removed int
	// Domeinen are the leefgebieden that lost items, in the order of Leefgebieden().
	Domeinen []Domain
}

// DecidePlan applies rule 2 to a received plan, given the person's current plan (nil
// when there is none).
func DecidePlan(cur *StoredPlan, next StoredPlan) PlanChange {
	if cur == nil {
		return PlanChange{Current: true}
	}
	if !next.Outranks(*cur) {
		return PlanChange{}
	}
	ch := PlanChange{Current: true}
	for _, d := range Leefgebieden() {
		old, ok := cur.Plan.LifeArea(d)
		if !ok {
			continue
		}
		nu, _ := next.Plan.LifeArea(d)
		if n := removedItems(old, nu); n > 0 {
			ch.Removed += n
			ch.Domeinen = append(ch.Domeinen, d)
		}
	}
	ch.Removed += removedAnswers(cur.Plan.Algemeen, next.Plan.Algemeen)
	return ch
}

// Items counts what a leefgebied holds: its situatie, topics, goals and agreements.
func (l LifeArea) Items() int {
	n := len(l.Onderwerpen) + len(l.Doelen) + len(l.Afspraken)
	if l.Situatie != "" {
		n++
	}
	return n
}

// Items counts what a plan holds: the items of its leefgebieden and its general topics.
func (p *Plan) Items() int {
	n := len(p.Algemeen)
	for _, l := range p.Leefgebieden {
		n += l.Items()
	}
	return n
}

// removedItems counts the items of old that nu no longer holds: the situatie when nu has
// none, topics by code, goals by text and agreements by id (an agreement's id is stable
// across versions; a changed status or text is the same agreement, updated).
func removedItems(old, nu LifeArea) int {
	n := removedAnswers(old.Onderwerpen, nu.Onderwerpen)
	if old.Situatie != "" && nu.Situatie == "" {
		n++
	}
	goals := map[string]bool{}
	for _, g := range nu.Doelen {
		goals[g] = true
	}
	for _, g := range old.Doelen {
		if !goals[g] {
			n++
		}
	}
	ids := map[string]bool{}
	for _, a := range nu.Afspraken {
		ids[a.ID] = true
	}
	for _, a := range old.Afspraken {
		if !ids[a.ID] {
			n++
		}
	}
	return n
}

func removedAnswers(old, nu []Answer) int {
	codes := map[string]bool{}
	for _, a := range nu {
		codes[a.Code] = true
	}
	n := 0
	for _, a := range old {
		if !codes[a.Code] {
			n++
		}
	}
	return n
}

// GemeenteAgreementDue reports whether an agreement is a signal of kind afspraak-gemeente
// today for a window of days (rule 4): open work for the gemeente whose datum lies within
// the window or has passed, or without a datum for a person released within the window
// (release is the latest detention's einddatum; zero when unknown).
func GemeenteAgreementDue(a Agreement, release, today Date, days int) bool {
	if !a.ForGemeente() {
		return false
	}
	last := today.AddDays(days)
	if !a.Datum.IsZero() {
		return !a.Datum.After(last)
	}
	return !release.IsZero() && !release.Before(today) && !release.After(last)
}
