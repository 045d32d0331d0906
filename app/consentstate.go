package app

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
)

// SettingDataVersie holds the version of the data the application derives and keeps
// in the store beside what it was given (DataVersion): Prepare brings a store whose
// data is older up to date and then records the version. The store only keeps the
// setting; which steps there are, and what a missing setting means, is decided here,
// so that every backend behaves the same and a new database needs nothing.
const SettingDataVersie = "gegevensversie"

// DataVersion is the version of the derived data this release writes:
//
//	1: the copy of each person's effective consent (ConsentStateTx) is filled.
const DataVersion = 1

// settingStandBijwerken is the marker SQLite's migration 0008 sets in a database whose
// persons predate the consent_states table: data version 0. It is honoured for such
// databases and cleared by Prepare; no other backend sets it.
const settingStandBijwerken = "toestemmingsstand-bijwerken"

// dataVersion returns the version of the store's derived data. Without the setting a
// database is at version 1 (it was created, or its consent states filled, before the
// setting existed), unless it carries the marker of migration 0008 (version 0). A new,
// empty database is therefore current without a write.
func dataVersion(tx ReadTx) (int, error) {
	v, err := tx.Setting(SettingDataVersie)
	if err != nil {
		return 0, err
	}
	if v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return 0, fmt.Errorf("de opgeslagen gegevensversie %q is beschadigd", v)
		}
		return n, nil
	}
	marker, err := tx.Setting(settingStandBijwerken)
	if err != nil || marker != "" {
		return 0, err
	}
	return 1, nil
}

// ConsentStateTx keeps a copy of each person's effective consent per domain next to the
// person, so that lists can filter on it and the dashboard can read it for many persons
// in one query. The ledger (Consents, Revocations) stays the source: the copy is
// rewritten from it after every message applied to the person.
type ConsentStateTx interface {
	// SaveConsentStates replaces the person's states; onbekend domains are left out.
	SaveConsentStates(personID int64, states map[Domain]ConsentState) error
}

// ConsentStateReadTx reads the copy, and the whole ledger for Prepare.
type ConsentStateReadTx interface {
	// ScanLedger calls sheet for every row of the consent ledger and revoked for every
	// row of the revocation ledger, in no particular order.
	ScanLedger(sheet func(key string, d Domain, c DomainConsent), revoked func(key string, d Domain, on Date)) error
	// ReleaseConsentStates returns the states of every person whose latest detention
	// ends in [from, to], by person id; a missing domain is onbekend.
	ReleaseConsentStates(from, to Date) (map[int64]map[Domain]ConsentState, error)
	// PersonsBySKN returns every person with this SKN (an SKN is not unique: app.match).
	PersonsBySKN(skn string) ([]Person, error)
}

// syncConsentStates rewrites the person's copy of the effective consent from the ledger,
// under the keys of the person's own identifiers (as the person file reads it).
func syncConsentStates(tx Tx, secret []byte, p *Person) error {
	view, err := loadConsentView(tx, PersonKeys(secret, p.BSN, p.SKN))
	if err != nil {
		return err
	}
	return tx.SaveConsentStates(p.ID, view.states())
}

// states is the view's effective state per domain, onbekend left out.
func (v ConsentView) states() map[Domain]ConsentState {
	out := map[Domain]ConsentState{}
	for _, d := range Domains() {
		if st := v.State(d); st != ConsentOnbekend {
			out[d] = st
		}
	}
	return out
}

// addSheet merges one ledger row as ReadTx.Consents does over several keys
// (DomainConsent.Merge): the newest sheet wins; of two of the same date, consent
// withheld wins; GegevenOp is the latest.
func (v *ConsentView) addSheet(d Domain, c DomainConsent) {
	if v.Sheets == nil {
		v.Sheets = map[Domain]DomainConsent{}
	}
	v.Sheets[d] = v.Sheets[d].Merge(c)
}

// addRevocation merges one revocation row: the latest date wins.
func (v *ConsentView) addRevocation(d Domain, on Date) {
	if v.Revoked == nil {
		v.Revoked = map[Domain]Date{}
	}
	if on.After(v.Revoked[d]) {
		v.Revoked[d] = on
	}
}

// PrepareNeeded reports whether Prepare has work to do (after an upgrade), so that a
// window can say so while it runs.
func (s *Service) PrepareNeeded(ctx context.Context) (bool, error) {
	var v int
	err := s.store.View(ctx, func(tx ReadTx) error {
		var err error
		v, err = dataVersion(tx)
		return err
	})
	return v < DataVersion, err
}

// Prepare brings data derived by the application up to date after an upgrade (the
// steps of DataVersion the store's data lacks): today the consent states of persons
// stored before they were kept. It returns the number of persons updated (0 when
// nothing was to do). Call it once after opening the store.
func (s *Service) Prepare(ctx context.Context) (int, error) {
	// A read first: the usual start then takes no write lock (a running import or
	// retention run in another process does not hold up a read-only command).
	if need, err := s.PrepareNeeded(ctx); err != nil || !need {
		if err != nil {
			err = fmt.Errorf("toestemmingsstand bijwerken: %w", err)
		}
		return 0, err
	}
	var n int
	err := s.store.Update(ctx, func(tx Tx) error {
		n = 0
		v, err := dataVersion(tx) // again under the write lock: another process may have done it
		if err != nil || v >= DataVersion {
			return err
		}
		if v < 1 {
			if n, err = fillConsentStates(tx); err != nil {
				return err
			}
		}
		if err := tx.SetSetting(SettingDataVersie, strconv.Itoa(DataVersion)); err != nil {
			return err
		}
		if marker, err := tx.Setting(settingStandBijwerken); err != nil || marker == "" {
			return err
		}
		return tx.SetSetting(settingStandBijwerken, "")
	})
	if err != nil {
		return 0, fmt.Errorf("toestemmingsstand bijwerken: %w", err)
	}
	return n, nil
}

// fillConsentStates writes the consent states of every person from one pass over the
// ledger: at 150,000 persons two ledger queries per person took most of a minute.
func fillConsentStates(tx Tx) (int, error) {
	secret, err := tx.SecretKey()
	if err != nil {
		return 0, err
	}
	// Only the id and ledger keys of each person are kept, not the whole list's rows.
	var rows []stateOwner
	err = tx.EachPerson(PersonQuery{}, func(r PersonRow) error {
		rows = append(rows, stateOwner{r.ID, PersonKeys(secret, r.BSN, r.SKN)})
		return nil
	})
	if err != nil {
		return 0, err
	}
	// In id order the rows are appended to the table's B-trees instead of scattered over
	// them (35 s against N s at 150,000 persons).
	slices.SortFunc(rows, func(a, b stateOwner) int { return cmp.Compare(a.id, b.id) })
	owners := map[string][]int{} // ledger key -> indexes in rows
	for i, r := range rows {
		for _, k := range r.keys {
			owners[k] = append(owners[k], i)
		}
	}
	views := make([]ConsentView, len(rows))
	err = tx.ScanLedger(func(k string, d Domain, c DomainConsent) {
		for _, i := range owners[k] {
			views[i].addSheet(d, c)
		}
	}, func(k string, d Domain, on Date) {
		for _, i := range owners[k] {
			views[i].addRevocation(d, on)
		}
	})
	if err != nil {
		return 0, err
	}
	for i, r := range rows {
		if err := tx.SaveConsentStates(r.id, views[i].states()); err != nil {
			return 0, err
		}
	}
	return len(rows), nil
}

// stateOwner is a person as fillConsentStates needs it: the id and the ledger keys.
type stateOwner struct {
	id   int64
	keys []string
}

// DomainFilter is what the person list's domain filter selects: a follow-up status of a
// consented domain, both pending ones together, or a consent state without follow-up.
type DomainFilter string

// The domain filter's choices.
const (
	FilterOpen            DomainFilter = "open"
	FilterInBehandeling   DomainFilter = "in-behandeling"
	FilterGeregeld        DomainFilter = "geregeld"
	FilterNietNodig       DomainFilter = "niet-nodig"
	FilterNietBereikbaar  DomainFilter = "niet-bereikbaar"
	FilterNietGeregeld    DomainFilter = "niet-geregeld" // open or in behandeling
	FilterIngetrokken     DomainFilter = "ingetrokken"
	FilterGeenToestemming DomainFilter = "geen-toestemming" // consent nee
)

// DomainFilters lists the choices in the order screens offer them.
func DomainFilters() []DomainFilter {
	return []DomainFilter{FilterNietGeregeld, FilterOpen, FilterInBehandeling, FilterGeregeld,
		FilterNietNodig, FilterNietBereikbaar, FilterIngetrokken, FilterGeenToestemming}
}

// ParseDomainFilter accepts the names of DomainFilters.
func ParseDomainFilter(s string) (DomainFilter, error) {
	return parseName(s, DomainFilters(), "onbekende domeinstatus")
}

// Label is the Dutch name for screens.
func (s DomainFilter) Label() string {
	switch s {
	case FilterNietGeregeld:
		return "nog niet geregeld"
	case FilterIngetrokken:
		return "toestemming ingetrokken"
	case FilterGeenToestemming:
		return "geen toestemming"
	}
	return FollowupStatus(s).Label()
}

// Match is what a domain must have to pass the filter: its consent state and, for a
// consented domain, one of the follow-up statuses (nil: any). A consented domain without
// recorded follow-up is open. The follow-up statuses also match any leefgebied of a person
// with a D&R-plan, whatever its consent (v2 rule 3).
func (s DomainFilter) Match() (ConsentState, []FollowupStatus) {
	switch s {
	case FilterIngetrokken:
		return ConsentIngetrokken, nil
	case FilterGeenToestemming:
		return ConsentNee, nil
	case FilterNietGeregeld:
		return ConsentJa, []FollowupStatus{FollowupOpen, FollowupInBehandeling}
	}
	return ConsentJa, []FollowupStatus{FollowupStatus(s)}
}
