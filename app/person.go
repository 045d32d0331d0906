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
	// One concatenation (one allocation) of the non-empty parts, each after a space
	// but the first.
	var parts [3]string
	n := 0
	for _, part := range []string{p.Voornamen, p.Voorvoegsel, p.Achternaam} {
		if part != "" {
			parts[n] = part
			n++
		}
	}
	switch n {
	case 0:
		return ""
	case 1:
		return parts[0]
	case 2:
		return parts[0] + " " + parts[1]
	}
	return parts[0] + " " + parts[1] + " " + parts[2]
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

// DomainConsent is what the application keeps of the informatiebladen that spoke about
// a domain: the newest one's (by opgesteld) consent, and the date of the newest one that
// gave consent, so that a withdrawal by a newer sheet reads ingetrokken, not nee, in any
// arrival order (v2 spec, "Version 1, made precise").
type DomainConsent struct {
	Opgesteld Date // of the newest informatieblad; zero: no informatieblad yet
	Gegeven   bool // the newest informatieblad's consent
	GegevenOp Date // opgesteld of the newest informatieblad that gave consent; zero: none did
}

// Merge combines two facts about the same domain as the ledger does over sheets and
// keys: the newer sheet's consent wins, of two of the same date consent withheld wins
// (when in doubt, no consent); GegevenOp is the later of both.
func (c DomainConsent) Merge(o DomainConsent) DomainConsent {
	out := c
	switch {
	case c.Opgesteld.IsZero() || o.Opgesteld.After(c.Opgesteld):
		out.Opgesteld, out.Gegeven = o.Opgesteld, o.Gegeven
	case o.Opgesteld.Equal(c.Opgesteld):
		out.Gegeven = c.Gegeven && o.Gegeven
	}
	for _, g := range []Date{c.given(), o.given()} {
		if g.After(out.GegevenOp) {
			out.GegevenOp = g
		}
	}
	return out
}

// given is the latest date this fact shows consent given.
func (c DomainConsent) given() Date {
	if c.Gegeven && c.Opgesteld.After(c.GegevenOp) {
		return c.Opgesteld
	}
	return c.GegevenOp
}

// Same reports whether two facts are equal.
func (c DomainConsent) Same(o DomainConsent) bool {
	return c.Opgesteld.Equal(o.Opgesteld) && c.Gegeven == o.Gegeven && c.GegevenOp.Equal(o.GegevenOp)
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
	Inhoud    string // the content hash (Message.ContentHash); "" for messages recorded before it was kept
}

// Quarantined is a message that could not be imported, with its raw bytes.
type Quarantined struct {
	ID        int64
	Bron      string // file path, or "<message-id> deel N"
	Reden     string // one Dutch sentence, no personal data
	Ontvangen time.Time
	Raw       []byte
	MessageID string // of the mail it came in, "" for a file without one
}
