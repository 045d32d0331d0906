package app

import (
	"cmp"
	"math"
	"slices"
)

// SignalKind names one kind of signal on the dashboard.
type SignalKind string

// The seven signals. They are computed from the data whenever asked, never stored.
const (
	// SignaalNietGeregeld: released within N days with a domain to arrange still open or
	// in behandeling (a domain without follow-up counts as open). The domains to arrange
	// are the consented ones and the leefgebieden of the current D&R-plan. One signal
	// per person, listing those domains.
	SignaalNietGeregeld SignalKind = "vrij-niet-geregeld"
	// SignaalActieVerlopen: a next action dated before today, in a domain not yet
	// geregeld or niet nodig.
	SignaalActieVerlopen SignalKind = "actie-verlopen"
	// SignaalAfspraakGemeente: an agreement of the D&R-plan that is open work for the
	// gemeente, due within the window or passed, or undated for someone released within
	// the window (v2 rule 4).
	SignaalAfspraakGemeente SignalKind = "afspraak-gemeente"
	// SignaalGeenContact: released within N days and no contact recorded at all.
	SignaalGeenContact SignalKind = "geen-contact"
	// SignaalControleNodig: the person is flagged for review (same BSN, other date of birth).
	SignaalControleNodig SignalKind = "controle-nodig"
	// SignaalQuarantaine: a message waits in quarantine.
	SignaalQuarantaine SignalKind = "quarantaine"
	// SignaalEinddatumVerstreken: an expected release date (status verwacht) passed
	// without a melding einde detentie.
	SignaalEinddatumVerstreken SignalKind = "einddatum-verstreken"
)

// SignalKinds returns the seven kinds in dashboard order.
func SignalKinds() []SignalKind {
	return []SignalKind{SignaalNietGeregeld, SignaalActieVerlopen, SignaalAfspraakGemeente, SignaalGeenContact,
		SignaalControleNodig, SignaalQuarantaine, SignaalEinddatumVerstreken}
}

// Valid reports whether k is one of SignalKinds.
func (k SignalKind) Valid() bool { return slices.Contains(SignalKinds(), k) }

// Label is the Dutch heading of a kind, for screens and PDFs.
func (k SignalKind) Label() string {
	switch k {
	case SignaalNietGeregeld:
		return "Binnenkort vrij, nog niet geregeld"
	case SignaalActieVerlopen:
		return "Acties over de datum"
	case SignaalAfspraakGemeente:
		return "Afspraken voor de gemeente"
	case SignaalGeenContact:
		return "Binnenkort vrij, nog geen contact"
	case SignaalControleNodig:
		return "Controle nodig"
	case SignaalQuarantaine:
		return "Berichten in quarantaine"
	case SignaalEinddatumVerstreken:
		return "Verwachte einddatum verstreken"
	}
	return string(k)
}

// Signal is one reason to look at a person (or at a quarantined message).
type Signal struct {
	Soort             SignalKind
	PersonID          int64 // 0 for quarantaine
	Naam              string
	BSN               string
	Domain            Domain         // niet-geregeld (the first of Domeinen), actie-verlopen, afspraak-gemeente (the leefgebied)
	Domeinen          []Domain       // niet-geregeld: every domain not arranged, in Leefgebieden order
	Status            FollowupStatus // niet-geregeld (of Domain) and actie-verlopen
	Datum             Date           // einddatum, actiedatum for actie-verlopen, the agreement's datum (zero when absent)
	Dagen             int            // calendar days from today to Datum (undated agreement: to release); negative when passed
	Actie             string         // actie-verlopen; the agreement's text for afspraak-gemeente
	AfspraakID        string         // afspraak-gemeente
	Verantwoordelijke string         // niet-geregeld and actie-verlopen
	QuarantineID      int64          // quarantaine
	Reden             string         // quarantaine: why the message waits there (Dutch, from the importer)
}

// The signal carries data only; the ui and the CLI word it (issue 18).

// PersonSituation is what the signals need to know about a person released soon.
type PersonSituation struct {
	Row       PersonRow               // with the latest detention's einddatum
	Consent   map[Domain]ConsentState // effective consent per domain
	Plan      []Domain                // leefgebieden of the current D&R-plan; nil without one
	Followups map[Domain]Followup     // recorded follow-up per domain
	Contacts  int                     // contacts recorded, all domains and algemeen
}

// ToArrange returns the domains that must be arranged before release, in the order of
// Leefgebieden(): those with consent, and the leefgebieden of the D&R-plan.
func (ps PersonSituation) ToArrange() []Domain {
	var out []Domain
	for _, d := range Leefgebieden() {
		if ps.Consent[d].Holds() || slices.Contains(ps.Plan, d) {
			out = append(out, d)
		}
	}
	return out
}

// DueAction is a follow-up with a dated next action, and its person.
type DueAction struct {
	Person   Person
	Followup Followup
}

// SignalInput is the data the signals are computed from. The lists may hold more than
// qualifies: Signals applies the date windows and statuses itself.
type SignalInput struct {
	Releasing     []PersonSituation // persons whose latest detention ends soon
	Actions       []DueAction       // follow-ups with a next action
	ControleNodig []PersonRow       // persons flagged for review
	Ended         []PersonRow       // persons whose latest detention's einddatum passed
	Agreements    []DueAgreement    // agreements of D&R-plans that may be work for the gemeente
	Quarantine    []Quarantined
}

// Signals computes the signals for today with a window of days (release within days
// days, today included). Day counts are calendar days between Dates, so daylight saving
// time never shifts them; today must be the date in Europe/Amsterdam (DateOf of a time
// in that zone). The result is ordered by kind (SignalKinds), then date, then name.
func Signals(in SignalInput, today Date, days int) []Signal {
	// Room for every signal the input can give (two per person released), so that out
	// grows once, not by doubling: a Signal is some 250 bytes.
	out := make([]Signal, 0, 2*len(in.Releasing)+len(in.Actions)+len(in.Agreements)+len(in.ControleNodig)+
		len(in.Ended)+len(in.Quarantine))
	last := today.AddDays(days)
	for _, ps := range in.Releasing {
		eind := ps.Row.Einddatum
		if eind.IsZero() || eind.Before(today) || eind.After(last) {
			continue
		}
		out = append(out, releaseSignals(ps, today)...)
	}
	for _, a := range in.Actions {
		f := a.Followup
		if f.Actiedatum.IsZero() || !f.Actiedatum.Before(today) || f.Status.Closed() {
			continue
		}
		n := today.DaysUntil(f.Actiedatum)
		out = append(out, Signal{Soort: SignaalActieVerlopen, PersonID: a.Person.ID, Naam: a.Person.FullName(),
			BSN: a.Person.BSN, Domain: f.Domain, Status: f.Status, Datum: f.Actiedatum, Dagen: n,
			Actie: f.Actie, Verantwoordelijke: f.Verantwoordelijke})
	}
	for _, a := range in.Agreements {
		if GemeenteAgreementDue(a.Agreement, a.Person.Einddatum, today, days) {
			out = append(out, agreementSignal(a, today))
		}
	}
	for _, r := range in.ControleNodig {
		if !r.ControleNodig {
			continue
		}
		out = append(out, personSignal(SignaalControleNodig, r, today))
	}
	for _, r := range in.Ended {
		if r.EinddatumStatus != EindVerwacht || r.Einddatum.IsZero() || !r.Einddatum.Before(today) {
			continue
		}
		out = append(out, personSignal(SignaalEinddatumVerstreken, r, today))
	}
	for _, q := range in.Quarantine {
		out = append(out, Signal{Soort: SignaalQuarantaine, QuarantineID: q.ID, Datum: DateOf(q.Ontvangen),
			Dagen: today.DaysUntil(DateOf(q.Ontvangen)), Reden: q.Reden})
	}
	if len(out) == 0 {
		return nil // as before the room was made
	}
	sortSignals(out)
	return out
}

// releaseSignals are the signals of one person released within the window: one
// niet-geregeld signal listing every domain not arranged, and geen-contact.
func releaseSignals(ps PersonSituation, today Date) []Signal {
	var out []Signal
	r := ps.Row
	var open []Domain
	var first Followup
	for _, d := range ps.ToArrange() {
		f, ok := ps.Followups[d]
		if !ok {
			f = Followup{Status: FollowupOpen}
		}
		if !f.Status.Pending() {
			continue
		}
		if len(open) == 0 {
			first = f
		}
		open = append(open, d)
	}
	if len(open) > 0 {
		s := personSignal(SignaalNietGeregeld, r, today)
		s.Domain, s.Domeinen, s.Status, s.Verantwoordelijke = open[0], open, first.Status, first.Verantwoordelijke
		out = append(out, s)
	}
	if ps.Contacts == 0 {
		out = append(out, personSignal(SignaalGeenContact, r, today))
	}
	return out
}

// agreementSignal is the afspraak-gemeente signal of one agreement.
func agreementSignal(a DueAgreement, today Date) Signal {
	ag, r := a.Agreement, a.Person
	s := Signal{Soort: SignaalAfspraakGemeente, PersonID: r.ID, Naam: r.FullName(), BSN: r.BSN,
		Domain: a.Domain, Datum: ag.Datum, Actie: ag.Tekst, AfspraakID: ag.ID}
	if ag.Datum.IsZero() {
		s.Dagen = today.DaysUntil(r.Einddatum)
	} else {
		s.Dagen = today.DaysUntil(ag.Datum)
	}
	return s
}

func personSignal(k SignalKind, r PersonRow, today Date) Signal {
	s := Signal{Soort: k, PersonID: r.ID, Naam: r.FullName(), BSN: r.BSN, Datum: r.Einddatum}
	if !r.Einddatum.IsZero() {
		s.Dagen = today.DaysUntil(r.Einddatum)
	}
	return s
}

// signalKey is a signal's sort key, computed once per signal rather than inside every
// comparison (a date formatted twice per comparison was a tenth of the dashboard's time).
type signalKey struct {
	soort, domain int
	datum         int64 // Unix seconds of the date; a zero date sorts first, as its "" did
	naam          string
	person        int64
	afspraak      string
	quarantine    int64
	at            int // position in the input, for a stable order
}

func sortSignals(ss []Signal) {
	rank := map[SignalKind]int{}
	for i, k := range SignalKinds() {
		rank[k] = i
	}
	domainRank := map[Domain]int{}
	for i, d := range Leefgebieden() {
		domainRank[d] = i
	}
	keys := make([]signalKey, len(ss))
	for i, s := range ss {
		datum := int64(math.MinInt64)
		if !s.Datum.IsZero() {
			datum = s.Datum.t.Unix()
		}
		keys[i] = signalKey{soort: rank[s.Soort], domain: domainRank[s.Domain], datum: datum, naam: s.Naam,
			person: s.PersonID, afspraak: s.AfspraakID, quarantine: s.QuarantineID, at: i}
	}
	slices.SortFunc(keys, func(a, b signalKey) int {
		return cmp.Or(
			cmp.Compare(a.soort, b.soort),
			cmp.Compare(a.datum, b.datum),
			cmp.Compare(a.naam, b.naam),
			cmp.Compare(a.person, b.person),
			cmp.Compare(a.domain, b.domain),
			cmp.Compare(a.afspraak, b.afspraak),
			cmp.Compare(a.quarantine, b.quarantine),
			cmp.Compare(a.at, b.at),
		)
	})
	// ss[i] becomes ss[keys[i].at]: moved in place along each cycle of the permutation
	// (at = -1 marks a place done), not through a sorted copy.
	for i := range keys {
		if keys[i].at < 0 {
			continue
		}
		first := ss[i]
		j := i
		for {
			from := keys[j].at
			keys[j].at = -1
			if from == i {
				ss[j] = first
				break
			}
			ss[j] = ss[from]
			j = from
		}
	}
}
