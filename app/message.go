package app

import "time"

// Kind is the soort of a message.
type Kind string

// The four message kinds of format v1.
const (
	MeldingBegin   Kind = "melding-begin-detentie"
	MeldingEinde   Kind = "melding-einde-detentie"
	Informatieblad Kind = "informatieblad"
	Intrekking     Kind = "intrekking"
)

// Valid reports whether k is a known soort.
func (k Kind) Valid() bool {
	switch k {
	case MeldingBegin, MeldingEinde, Informatieblad, Intrekking:
		return true
	}
	return false
}

// Grondslag is the legal ground on which a message's data is processed (the v2 spec's
// codes): art. 51c Wjsg for meldingen, toestemming for informatiebladen and intrekkingen,
// art. 18a Pbw for a D&R-plan, art. 18b Pbw for a risicomelding.
func (k Kind) Grondslag() string {
	switch k {
	case Informatieblad, Intrekking:
		return GrondslagToestemming
	case DRPlan:
		return GrondslagPlan
	case Risicomelding:
		return GrondslagRisico
	}
	return GrondslagMelding
}

// Label is the Dutch name for screens.
func (k Kind) Label() string {
	switch k {
	case MeldingBegin:
		return "Melding begin detentie"
	case MeldingEinde:
		return "Melding einde detentie"
	case Informatieblad:
		return "Informatieblad"
	case Intrekking:
		return "Intrekking"
	case DRPlan:
		return "D&R-plan"
	case Risicomelding:
		return "Risicomelding"
	}
	return string(k)
}

// Contact is a DJI casemanager's contact details.
type Contact struct {
	Naam     string
	Telefoon string
	Email    string
}

// Subject is the betrokkene of a message.
type Subject struct {
	BSN           string
	SKN           string
	Voornamen     string
	Voorvoegsel   string
	Achternaam    string
	Geboortedatum Date
}

// Einddatum statuses.
const (
	EindVerwacht   = "verwacht"
	EindDefinitief = "definitief"
)

// DetentionDates is the body of a melding.
type DetentionDates struct {
	Begindatum      Date
	Einddatum       Date   // zero when not given
	EinddatumStatus string // EindVerwacht or EindDefinitief; "" without einddatum
}

// Answer is one answered topic of an informatieblad.
type Answer struct {
	Code        string
	Antwoord    string
	Toelichting string
}

// Sheet is the body of an informatieblad.
type Sheet struct {
	Opgesteld   Date
	Toestemming map[Domain]bool // the domains the sheet names; true for gegeven="ja"
	Onderwerpen []Answer
	Hulpvragen  map[Domain]string
}

// Revocation is the body of an intrekking. Domain names are read without regard to
// case or surrounding white space; names that are still not recognised are counted in
// Onbekend: the revocation applies to the domains it does recognise (a revocation is
// never held back), and the person is flagged for review.
type Revocation struct {
	Ondertekend Date
	Domeinen    []Domain // all six when the message said "alle"
	Alle        bool
	Onbekend    int // domain entries not recognised
}

// Message is one parsed message of any format; parsers yield it, the rules consume it.
type Message struct {
	Versie         string
	Soort          Kind
	Kenmerk        string
	Verzonden      time.Time
	InrichtingCode string
	Inrichting     string
	Casemanager    Contact
	GemeenteCode   string
	GemeenteNaam   string
	Betrokkene     Subject

	Detentie       *DetentionDates // meldingen
	Informatieblad *Sheet          // informatieblad
	Intrekking     *Revocation     // intrekking
	Plan           *Plan           // dr-plan (v2)
	Risicomelding  *RiskReport     // risicomelding (v2): quarantined, never stored
}
