package app

import (
	"context"
	"fmt"
	"time"
)

// ZoneName is the time zone of dates and times shown to users and of "today".
const ZoneName = "Europe/Amsterdam"

// LoadZone loads Europe/Amsterdam. Commands embed the zone database (import
// _ "time/tzdata") so that this works on Windows too. Callers load it once and pass
// times in it (Dashboard, ParseMoment).
func LoadZone() (*time.Location, error) {
	loc, err := time.LoadLocation(ZoneName)
	if err != nil {
		return nil, fmt.Errorf("tijdzone %s laden: %w", ZoneName, err)
	}
	return loc, nil
}

// DateIn is the calendar date of t in Europe/Amsterdam, whatever t's own location (a
// caller's time.Now on a UTC computer is still the Dutch day).
func DateIn(t time.Time) Date {
	if loc, err := LoadZone(); err == nil {
		t = t.In(loc)
	}
	return DateOf(t)
}

// ParseMoment reads a date and time in loc: "YYYY-MM-DD HH:MM", "YYYY-MM-DDTHH:MM" or
// "YYYY-MM-DD" (midnight). The result is in loc; storage keeps it as UTC.
func ParseMoment(s string, loc *time.Location) (time.Time, error) {
	for _, layout := range []string{"2006-01-02 15:04", "2006-01-02T15:04", DateLayout} {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("ongeldig tijdstip %q: gebruik JJJJ-MM-DD of JJJJ-MM-DD UU:MM", s)
}

// DefaultSignalDays is the default window of the release signals.
const DefaultSignalDays = 14

// ReleaseWeeks is how far ahead Dashboard.Vrijlatingen looks (or the signal window,
// when that is longer).
const ReleaseWeeks = 4

// SettingLaatstBekeken holds when the user last looked at the dashboard (RFC 3339 UTC).
const SettingLaatstBekeken = "laatst_bekeken"

// Dashboard is the Monday-morning overview: signals, releases in the coming weeks and
// what arrived since the user last looked. Its lists are bounded (MaxSignals per kind,
// MaxReleases, MaxArrivals); the numbers beside them are those of all rows.
type Dashboard struct {
	Vandaag            Date
	Dagen              int                // window of the release signals
	Signalen           []Signal           // ordered by kind, date, name; at most MaxSignals per kind
	Aantallen          map[SignalKind]int // every kind, zero included; the full numbers
	Vrijlatingen       []Release          // by einddatum, the first MaxReleases
	VrijlatingenAantal int                // all releases of the coming weeks
	Nieuw              Arrivals
	Controle           int // messages held for controle, waiting for a casemanager's decision
}

// Release is a person whose latest detention ends in the coming weeks.
type Release struct {
	PersonID        int64
	Naam            string
	BSN             string
	Inrichting      string
	Einddatum       Date
	EinddatumStatus string
	Dagen           int      // from today
	Week            int      // ISO week of the einddatum
	NietGeregeld    []Domain // domains to arrange (PersonSituation.ToArrange) still open or in behandeling
}

// MaxSignals bounds the signals of each kind: Signalen holds the first MaxSignals of
// each (by date, then name), Aantallen their full number. Of the kinds with one signal
// per person, the number is the number of persons (PersonQuery.Signaal lists them); of
// actie-verlopen and afspraak-gemeente, the number of actions and agreements. 50 is
// what the Overzicht shows of each; the rest is one click away in Personen.
const MaxSignals = 50

// MaxReleases bounds Dashboard.Vrijlatingen; VrijlatingenAantal has the full number.
const MaxReleases = 50

// personKinds are the kinds with one signal per person, read with SignalPersons.
var personKinds = []SignalKind{SignaalNietGeregeld, SignaalGeenContact, SignaalControleNodig, SignaalEinddatumVerstreken}

// Arrivals is what came in since the user last looked.
type Arrivals struct {
	LaatstBekeken time.Time // zero: never looked
	Aantal        int       // messages imported since then, counted up to MaxArrivalCount
	Afgekapt      bool      // more than Aantal arrived: the count stopped at MaxArrivalCount
	Berichten     []Arrival // the newest MaxArrivals of them, newest first
	Quarantaine   int       // quarantined since then
}

// MaxArrivals bounds Arrivals.Berichten.
const MaxArrivals = 100

// MaxArrivalCount bounds the count of Arrivals: "meer dan 10.000" is as useful as the
// exact 677,307, and counting those read every one of them.
const MaxArrivalCount = 10000

// Arrival is one imported message since the user last looked.
type Arrival struct {
	MessageRecord
	Naam string // "" when the message left no person (e.g. a revocation for an unknown person)
}

// Dashboard computes the overview at now for a release window of days (0: 14). Today
// is the calendar date of now in now's location: pass a time in Europe/Amsterdam
// (LoadZone), so that the day counts hold across midnight and daylight saving time.
// Viewing the dashboard does not change laatst_bekeken: call MarkSeen for that.
func (s *Service) Dashboard(ctx context.Context, now time.Time, days int) (*Dashboard, error) {
	if now.IsZero() {
		now = s.now()
	}
	if days <= 0 {
		days = DefaultSignalDays
	}
	if days > 366 {
		return nil, fmt.Errorf("het aantal dagen is te groot (hoogstens 366)")
	}
	today := DateIn(now)
	db := &Dashboard{Vandaag: today, Dagen: days, Aantallen: map[SignalKind]int{}}
	// A read transaction: consent comes from the per-person copy, not the keyed ledger.
	var totals map[SignalKind]int
	err := s.store.View(ctx, func(tx ReadTx) error {
		in, n, err := collectSignalInput(tx, today, days, db)
		if err != nil {
			return err
		}
		totals = n
		db.Signalen = Signals(in, today, days)
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, k := range SignalKinds() {
		db.Aantallen[k] = 0
	}
	// Every kind but quarantaine was read up to MaxSignals (the kinds of one signal per
	// person plus ties on the last date): after sorting, keep the first MaxSignals; their
	// number is the count of the query.
	shown := map[SignalKind]int{}
	kept := db.Signalen[:0]
	for _, sig := range db.Signalen {
		db.Aantallen[sig.Soort]++
		if shown[sig.Soort] >= MaxSignals {
			continue
		}
		shown[sig.Soort]++
		kept = append(kept, sig)
	}
	db.Signalen = kept
	for k, n := range totals {
		db.Aantallen[k] = n
	}
	return db, nil
}

// collectSignalInput reads what Signals needs for the first MaxSignals of each kind, and
// the first MaxReleases releases of the coming weeks, what arrived and what waits for
// controle into db; totals has each kind's full number but quarantaine's. Only the
// persons shown are read: the consent, follow-up, plan and contacts of the release
// window up to the last einddatum shown. The reads go in two rounds of independent
// reads (Together): what the second needs (that window, laatst_bekeken) comes from the
// first.
func collectSignalInput(tx ReadTx, today Date, days int, db *Dashboard) (in SignalInput, totals map[SignalKind]int, err error) {
	totals = map[SignalKind]int{}
	ahead := today.AddDays(max(days, 7*ReleaseWeeks))
	var rows []PersonRow
	var seen string
	byKind := map[SignalKind][]PersonRow{}
	reads := []func(ReadTx) error{
		func(tx ReadTx) (err error) {
			rows, err = tx.SearchPersons(PersonQuery{ReleaseFrom: today, ReleaseTo: ahead, Sort: SortByRelease, Limit: MaxReleases})
			return err
		},
		func(tx ReadTx) (err error) { db.VrijlatingenAantal, err = tx.CountReleases(today, ahead); return err },
		func(tx ReadTx) (err error) {
			in.Actions, totals[SignaalActieVerlopen], err = tx.OverdueActions(today, MaxSignals)
			return err
		},
		func(tx ReadTx) (err error) {
			in.Agreements, totals[SignaalAfspraakGemeente], err = tx.GemeenteAgreementsDue(today, today.AddDays(days), MaxSignals)
			return err
		},
		func(tx ReadTx) (err error) { in.Quarantine, err = tx.QuarantineList(); return err },
		func(tx ReadTx) (err error) { seen, err = tx.Setting(SettingLaatstBekeken); return err },
		func(tx ReadTx) (err error) { db.Controle, err = tx.HeldCount(); return err },
	}
	for _, k := range personKinds {
		reads = append(reads, func(tx ReadTx) (err error) {
			byKind[k], totals[k], err = tx.SignalPersons(k, today, days, MaxSignals)
			return err
		})
	}
	if err := Together(tx, reads...); err != nil {
		return in, nil, err
	}
	// The situations of everyone shown with a release: one query each for the window up
	// to the last einddatum among them.
	releasing := [][]PersonRow{rows, byKind[SignaalNietGeregeld], byKind[SignaalGeenContact]}
	last, n := today, 0
	for _, group := range releasing {
		for _, r := range group {
			if r.Einddatum.After(last) {
				last = r.Einddatum
			}
		}
		n += len(group)
	}
	reads, situations := releaseSituations(today, last)
	more, err := arrivalReads(seen, &db.Nieuw)
	if err != nil {
		return in, nil, err
	}
	if err := Together(tx, append(reads, more...)...); err != nil {
		return in, nil, err
	}
	done := make(map[int64]bool, n)
	in.Releasing = make([]PersonSituation, 0, n)
	for _, group := range releasing {
		for _, r := range group {
			if !done[r.ID] {
				done[r.ID] = true
				in.Releasing = append(in.Releasing, situations(r))
			}
		}
	}
	if len(rows) > 0 {
		db.Vrijlatingen = make([]Release, 0, len(rows))
	}
	for _, r := range rows {
		db.Vrijlatingen = append(db.Vrijlatingen, release(situations(r), today))
	}
	in.ControleNodig, in.Ended = byKind[SignaalControleNodig], byKind[SignaalEinddatumVerstreken]
	return in, totals, nil
}

// releaseSituations are the reads of the consent, follow-up, contacts and plan of the
// persons released in [from, to] (independent: Together), and the situation of one of
// them once they have run.
func releaseSituations(from, to Date) ([]func(ReadTx) error, func(PersonRow) PersonSituation) {
	var followups map[int64]map[Domain]Followup
	var contacts map[int64]int
	var consents map[int64]map[Domain]ConsentState
	var plans map[int64][]Domain
	reads := []func(ReadTx) error{
		func(tx ReadTx) (err error) { followups, err = tx.ReleaseFollowups(from, to); return err },
		func(tx ReadTx) (err error) { contacts, err = tx.ReleaseContactCounts(from, to); return err },
		func(tx ReadTx) (err error) { consents, err = tx.ReleaseConsentStates(from, to); return err },
		func(tx ReadTx) (err error) { plans, err = tx.ReleasePlanDomains(from, to); return err },
	}
	return reads, func(r PersonRow) PersonSituation {
		ps := situation(r, consents[r.ID], followups[r.ID], contacts[r.ID])
		ps.Plan = plans[r.ID]
		return ps
	}
}

// situation is the consent, follow-up and number of contacts of one person, each read
// for the whole window (consent from the copy of ConsentStateTx; a missing domain is
// onbekend).
func situation(r PersonRow, consent map[Domain]ConsentState, followups map[Domain]Followup, contacts int) PersonSituation {
	ps := PersonSituation{Row: r, Consent: map[Domain]ConsentState{}, Followups: followups, Contacts: contacts}
	for _, d := range Domains() {
		if ps.Consent[d] = consent[d]; ps.Consent[d] == "" {
			ps.Consent[d] = ConsentOnbekend
		}
	}
	if ps.Followups == nil {
		ps.Followups = map[Domain]Followup{}
	}
	return ps
}

func release(ps PersonSituation, today Date) Release {
	r := ps.Row
	_, week := r.Einddatum.Time().ISOWeek()
	rel := Release{PersonID: r.ID, Naam: r.FullName(), BSN: r.BSN, Inrichting: r.Inrichting,
		Einddatum: r.Einddatum, EinddatumStatus: r.EinddatumStatus, Dagen: today.DaysUntil(r.Einddatum), Week: week}
	for _, d := range ps.ToArrange() {
		if f, ok := ps.Followups[d]; !ok || f.Status.Pending() {
			rel.NietGeregeld = append(rel.NietGeregeld, d)
		}
	}
	return rel
}

// arrivalReads are the reads of what was imported and quarantined after laatst_bekeken
// (seen, the setting's value) into a (independent: Together).
func arrivalReads(seen string, a *Arrivals) ([]func(ReadTx) error, error) {
	if seen != "" {
		var err error
		if a.LaatstBekeken, err = time.Parse(time.RFC3339Nano, seen); err != nil {
			return nil, fmt.Errorf("instelling %s is onleesbaar", SettingLaatstBekeken)
		}
	}
	// The newest MaxArrivals and a bounded count: not every message since then (all of
	// them when the user never looked).
	return []func(ReadTx) error{
		func(tx ReadTx) (err error) {
			a.Berichten, a.Aantal, err = tx.ArrivalsSince(a.LaatstBekeken, MaxArrivals, MaxArrivalCount+1)
			if a.Aantal > MaxArrivalCount {
				a.Aantal, a.Afgekapt = MaxArrivalCount, true
			}
			return err
		},
		func(tx ReadTx) (err error) { a.Quarantaine, err = tx.QuarantinedSince(a.LaatstBekeken); return err },
	}, nil
}

// MarkSeen records that the user looked at the dashboard at now: later arrivals are new.
// It is user-interface state, not a verwerkingsactie, so it is not audited.
func (s *Service) MarkSeen(ctx context.Context, now time.Time) error {
	if now.IsZero() {
		now = s.now()
	}
	return s.store.Update(ctx, func(tx Tx) error {
		return tx.SetSetting(SettingLaatstBekeken, now.UTC().Format(time.RFC3339Nano))
	})
}
