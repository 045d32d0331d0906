package app

import "time"

// Format v2 (berichtformaat-v2.md): the D&R-plan under art. 18a Pbw and the
// risicomelding under art. 18b Pbw. These are the parsed shapes; the rules that apply a
// plan (one current plan, replacement, follow-up on every domain) live beside them.

// The two message kinds that exist only in format v2.
const (
	DRPlan        Kind = "dr-plan"
	Risicomelding Kind = "risicomelding"
)

// SociaalNetwerk is the seventh domain: a D&R-plan leefgebied that version 1 never asked
// consent for and that has no catalogue topics.
const SociaalNetwerk Domain = "sociaal-netwerk"

// Grondslag codes of the v2 spec: the basis on which a stored value is held.
const (
	GrondslagMelding     = "art-51c-wjsg" // meldingen begin/einde detentie
	GrondslagToestemming = "toestemming"  // informatieblad data, with the sheet's date
	GrondslagPlan        = "art-18a-pbw"  // D&R-plan, with its opgesteld
	GrondslagRisico      = "art-18b-pbw"  // risicomelding: for the burgemeester, never stored
)

// Leefgebieden returns the domains a D&R-plan may hold: the six of version 1 plus
// sociaal-netwerk, in the spec's order.
func Leefgebieden() []Domain {
	return append(Domains(), SociaalNetwerk)
}

// Who carries out an agreement (afspraak/@wie).
const (
	WieGemeente     = "gemeente"
	WieDJI          = "dji"
	WieGedetineerde = "gedetineerde"
	WieReclassering = "reclassering"
	WieKetenpartner = "ketenpartner"
)

// AgreementWho lists the allowed afspraak/@wie values.
func AgreementWho() []string {
	return []string{WieGemeente, WieDJI, WieGedetineerde, WieReclassering, WieKetenpartner}
}

// The states of an agreement (afspraak/@status).
const (
	AfspraakOpen      = "open"
	AfspraakLopend    = "lopend"
	AfspraakAfgerond  = "afgerond"
	AfspraakVervallen = "vervallen"
)

// AgreementStatuses lists the allowed afspraak/@status values.
func AgreementStatuses() []string {
	return []string{AfspraakOpen, AfspraakLopend, AfspraakAfgerond, AfspraakVervallen}
}

// Agreement is one afspraak of a leefgebied: who does what, by when.
type Agreement struct {
	ID     string // unique within the plan, stable across its versions
	Wie    string
	Status string
	Datum  Date // zero when absent
	Tekst  string
}

// ForGemeente reports whether the agreement is open work for the gemeente (rule 4).
func (a Agreement) ForGemeente() bool {
	return a.Wie == WieGemeente && (a.Status == AfspraakOpen || a.Status == AfspraakLopend)
}

// LifeArea is one leefgebied of a D&R-plan.
type LifeArea struct {
	Code        Domain
	Situatie    string
	Onderwerpen []Answer // catalogue topics of this domain only
	Doelen      []string
	Afspraken   []Agreement
}

// Plan is the body of a dr-plan: one version of a detainee's D&R-plan.
type Plan struct {
	Opgesteld    Date
	Grondslag    string     // GrondslagPlan
	Leefgebieden []LifeArea // each domain at most once, in document order
	Algemeen     []Answer   // contact.* topics directly under dr-plan
}

// LifeArea returns the plan's leefgebied d, if it holds one.
func (p *Plan) LifeArea(d Domain) (LifeArea, bool) {
	for _, l := range p.Leefgebieden {
		if l.Code == d {
			return l, true
		}
	}
	return LifeArea{}, false
}

// StoredPlan is a person's current D&R-plan as the application holds it: the newest by
// Opgesteld, ties broken by the later Verzonden (rule 2).
type StoredPlan struct {
	Kenmerk   string
	Opgesteld Date
	Verzonden time.Time
	Plan      Plan
}

// RiskReport is the body of a risicomelding. Only what routing needs is parsed: its
// content is for the burgemeester and never enters a person's file.
type RiskReport struct {
	Opgesteld Date
	Grondslag string // GrondslagRisico
}
