package app

import "time"

// Person is a betrokkene as the application holds it.
type Person struct {
	ID            int64
	BSN           string
	SKN           string
	Voornamen     string
	Voorvoegsel   string
	Achternaam    string
	Geboortedatum Date
	ControleNodig bool // same BSN arrived with another date of birth, or an intrekking named an unknown domain

	Casemanager          Contact   // newest DJI casemanager received
	CasemanagerVerzonden time.Time // verzonden of the message that set Casemanager
	Aangemaakt           time.Time // when the application first saw the person
}

// FullName is "Voornamen voorvoegsel Achternaam" without doubled spaces.
func (p Person) FullName() string {
	s := p.Voornamen
	for _, part := range []string{p.Voorvoegsel, p.Achternaam} {
		if part == "" {
			continue
		}
		if s != "" {
			s += " "
		}
		s += part
	}
	return s
}

// Detention is one stay in an inrichting, updated by later meldingen.
type Detention struct {
	ID              int64
	PersonID        int64
	InrichtingCode  string
	Inrichting      string
	Begindatum      Date
	Einddatum       Date
	EinddatumStatus string
	Verzonden       time.Time // verzonden of the newest melding applied
}

// DomainConsent is what the application keeps of the newest informatieblad
// (by opgesteld) that spoke about a domain.
type DomainConsent struct {
	Opgesteld Date // zero: no informatieblad yet
	Gegeven   bool
}

// DomainData is the consent-based content of one domain.
type DomainData struct {
	Onderwerpen []Answer
	Hulpvraag   string
}

// Items counts topics plus a non-empty hulpvraag: the unit of "weggelaten" and purge counts.
func (d DomainData) Items() int {
	n := len(d.Onderwerpen)
	if d.Hulpvraag != "" {
		n++
	}
	return n
}

// Empty reports whether there is no content.
func (d DomainData) Empty() bool { return d.Items() == 0 }

// MessageRecord is what the application remembers of every imported message: no content,
// only what deduplication and the timeline need.
type MessageRecord struct {
	Kenmerk   string
	Soort     Kind
	Verzonden time.Time
	Ontvangen time.Time
	PersonID  int64 // 0 when no person record resulted (e.g. a revocation for an unknown person)
	MessageID string
}

// Quarantined is a message that could not be imported, with its raw bytes.
type Quarantined struct {
	ID        int64
	Bron      string // file path, or "<message-id> deel N"
	Reden     string // one Dutch sentence, no personal data
	Ontvangen time.Time
	Raw       []byte
}
