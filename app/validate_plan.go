package app

import (
	"fmt"
	"slices"
	"strings"
)

// The rules of berichtformaat-v2.md for the bodies that only version 2 has. Reasons
// name fields and the spec's own codes (a leefgebied or topic code once it is known to
// be one), never a value from the document: not an id, a text or an unknown code.

// validateV2Body checks the body of a dr-plan or a risicomelding.
func (m *Message) validateV2Body() error {
	if m.Soort == DRPlan {
		if m.Plan == nil {
			return Invalid("een dr-plan moet een element dr-plan bevatten")
		}
		return m.Plan.validate()
	}
	if m.Risicomelding == nil {
		return Invalid("een risicomelding moet een element risicomelding bevatten")
	}
	return m.Risicomelding.validate()
}

func (p *Plan) validate() error {
	if err := validateBasis("het D&R-plan", p.Opgesteld, p.Grondslag, GrondslagPlan); err != nil {
		return err
	}
	areas, ids := map[Domain]bool{}, map[string]bool{}
	for _, l := range p.Leefgebieden {
		switch {
		case !l.Code.Leefgebied():
			return Invalid("het D&R-plan heeft een leefgebied zonder code of met een onbekende code")
		case areas[l.Code]:
			return Invalid("het leefgebied %q komt meer dan één keer voor in het D&R-plan", l.Code)
		}
		areas[l.Code] = true
		if err := l.validate(ids); err != nil {
			return err
		}
	}
	return validatePlanTopics("", p.Algemeen)
}

// validate checks a leefgebied whose code is known; ids holds the agreement ids seen
// so far in the plan.
func (l LifeArea) validate(ids map[string]bool) error {
	if l.Code == SociaalNetwerk && len(l.Onderwerpen) > 0 {
		return Invalid("het leefgebied %q heeft geen onderwerpen uit de catalogus", SociaalNetwerk)
	}
	if err := validatePlanTopics(l.Code, l.Onderwerpen); err != nil {
		return err
	}
	for _, a := range l.Afspraken {
		if err := a.validate(l.Code, ids); err != nil {
			return err
		}
	}
	return nil
}

// validatePlanTopics checks the catalogue topics of leefgebied area, or with area ""
// the contact.* topics directly under dr-plan: each known, of that place, once, with
// an allowed answer. A topic code belongs to one place, so once per place is once
// per plan.
func validatePlanTopics(area Domain, as []Answer) error {
	seen := map[string]bool{}
	for _, a := range as {
		t, ok := TopicByCode(a.Code)
		switch {
		case !ok:
			return Invalid("onbekend onderwerp %s", topicPlace(area))
		case t.Domain != area:
			return Invalid("het onderwerp %q hoort %s, niet %s", t.Code, topicPlace(t.Domain), topicPlace(area))
		case seen[t.Code]:
			return Invalid("het onderwerp %q komt twee keer voor in het D&R-plan", t.Code)
		case !t.Allows(a.Antwoord):
			return Invalid("het antwoord bij onderwerp %q is niet toegestaan", t.Code)
		}
		seen[t.Code] = true
	}
	return nil
}

// topicPlace names where a topic of domain d belongs in a plan, for a reason.
func topicPlace(d Domain) string {
	if d == "" {
		return "direct onder dr-plan"
	}
	return fmt.Sprintf("in leefgebied %q", d)
}

// validate checks one agreement of leefgebied area; ids holds the ids seen so far.
func (a Agreement) validate(area Domain, ids map[string]bool) error {
	switch {
	case a.ID == "":
		return Invalid("een afspraak in leefgebied %q heeft geen id", area)
	case ids[a.ID]:
		return Invalid("het id van een afspraak in leefgebied %q komt al eerder voor in het D&R-plan", area)
	case !slices.Contains(AgreementWho(), a.Wie):
		return Invalid("wie bij een afspraak in leefgebied %q ontbreekt of is onbekend; toegestaan zijn %s",
			area, listCodes(AgreementWho()))
	case !slices.Contains(AgreementStatuses(), a.Status):
		return Invalid("de status van een afspraak in leefgebied %q ontbreekt of is onbekend; toegestaan zijn %s",
			area, listCodes(AgreementStatuses()))
	case a.Tekst == "":
		return Invalid("een afspraak in leefgebied %q heeft geen tekst", area)
	}
	ids[a.ID] = true
	return nil
}

func (r *RiskReport) validate() error {
	return validateBasis("de risicomelding", r.Opgesteld, r.Grondslag, GrondslagRisico)
}

// validateBasis checks the required opgesteld and grondslag of the body what: the
// grondslag must be want, the one value the spec allows for that body.
func validateBasis(what string, opgesteld Date, grondslag, want string) error {
	switch {
	case opgesteld.IsZero():
		return Invalid("de datum opgesteld van %s ontbreekt", what)
	case grondslag == "":
		return Invalid("de grondslag van %s ontbreekt", what)
	case grondslag != want:
		return Invalid("de grondslag van %s is onbekend; toegestaan is %s", what, want)
	}
	return nil
}

// listCodes lists codes for a reason: "a, b of c".
func listCodes(codes []string) string {
	n := len(codes)
	if n < 2 {
		return strings.Join(codes, "")
	}
	return strings.Join(codes[:n-1], ", ") + " of " + codes[n-1]
}
