package app

import "time"

// The years a date in a message may have. Anything outside is a typing error or an
// attack (a sheet dated 2091 would outrank every later revocation under rule 2).
const (
	MinYear = 1900
	MaxYear = 2100
)

// InRange reports whether a known date lies in the years MinYear to MaxYear.
func (d Date) InRange() bool {
	y := d.t.Year()
	return y >= MinYear && y <= MaxYear
}

// maxClockAhead is how far a message's verzonden may lie after the moment of import.
const maxClockAhead = 24 * time.Hour

// datedField is one date of a message with its name for a reason.
type datedField struct {
	name string
	date Date
	body bool // a body date: it may not lie after verzonden
}

// validateDates checks every date of the message: all in the years 1900 to 2100, and
// no body date (opgesteld, ondertekend, begindatum) after the message's own verzonden
// date (in verzonden's own offset). The spec calls such a message invalid.
func (m *Message) validateDates() error {
	if y := m.Verzonden.Year(); y < MinYear || y > MaxYear {
		return Invalid("de verzenddatum (verzonden) ligt niet tussen %d en %d", MinYear, MaxYear)
	}
	sent := DateOf(m.Verzonden)
	for _, f := range m.datedFields() {
		switch {
		case f.date.IsZero():
		case !f.date.InRange():
			return Invalid("de %s ligt niet tussen %d en %d", f.name, MinYear, MaxYear)
		case f.body && f.date.After(sent):
			return Invalid("de %s ligt na de verzenddatum (verzonden) van het bericht", f.name)
		}
	}
	return nil
}

func (m *Message) datedFields() []datedField {
	fs := []datedField{{name: "geboortedatum van de betrokkene", date: m.Betrokkene.Geboortedatum}}
	if d := m.Detentie; d != nil {
		fs = append(fs, datedField{"begindatum van de detentie", d.Begindatum, true},
			datedField{"einddatum van de detentie", d.Einddatum, false})
	}
	if s := m.Informatieblad; s != nil {
		fs = append(fs, datedField{"datum opgesteld van het informatieblad", s.Opgesteld, true})
	}
	if r := m.Intrekking; r != nil {
		fs = append(fs, datedField{"datum ondertekend van de intrekking", r.Ondertekend, true})
	}
	if p := m.Plan; p != nil {
		fs = append(fs, datedField{"datum opgesteld van het D&R-plan", p.Opgesteld, true})
		for _, l := range p.Leefgebieden {
			for _, a := range l.Afspraken {
				fs = append(fs, datedField{"datum van een afspraak in het D&R-plan", a.Datum, false})
			}
		}
	}
	if r := m.Risicomelding; r != nil {
		fs = append(fs, datedField{"datum opgesteld van de risicomelding", r.Opgesteld, true})
	}
	return fs
}

// CheckReceived refuses a message whose verzonden lies more than one day after now,
// the moment of import: a sender's clock may run a little ahead, a date from the
// future may not (a melding sent "in 2091" would freeze a detention's dates).
func (m *Message) CheckReceived(now time.Time) error {
	if m.Verzonden.After(now.Add(maxClockAhead)) {
		return Invalid("de verzenddatum (verzonden) ligt meer dan een dag na het moment van inlezen")
	}
	return nil
}

// keepRouting keeps a risicomelding's own reason first when it is invalid as well: that
// it belongs to the burgemeester matters more than what is wrong with it.
func (m *Message) keepRouting(err error) error {
	ie, ok := AsInvalid(err)
	if !ok || m.Soort != Risicomelding {
		return err
	}
	return Invalid("%s; het bericht is bovendien ongeldig: %s", RisicomeldingReden, ie.Reden)
}
