// Package storetest is the conformance suite of app.Store: every behaviour that the
// application relies on and that each backend (storage/sqlite, storage/postgres) must
// show alike, tested black-box through app.Store only. A backend's TestConformance calls
// Run with a function that opens a fresh, empty store.
//
// What only one backend has (files and modes, WAL and wipe, forensic scans of the files,
// migrations from frozen schemas, statement caches, the tables behind the interface)
// stays in that backend's own tests.
//
// It is for tests only: nothing outside _test files imports it.
package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

// Opener opens a fresh, empty store for one test; it closes the store (and removes what
// it made) when t ends.
type Opener func(t *testing.T) app.Store

type conformanceTest struct {
	name string
	fn   func(t *testing.T, open Opener)
}

// tests is the suite, grouped as app.Store's interfaces are.
var tests = []conformanceTest{
	// transactions
	{"UpdateRollsBackOnError", testUpdateRollsBackOnError},
	{"UpdateRollsBackOnPanic", testUpdateRollsBackOnPanic},
	{"ViewHandsOutNoWriter", testViewHandsOutNoWriter},
	{"ViewReturnsFnError", testViewReturnsFnError},
	{"ConcurrentUpdates", testConcurrentUpdates},
	{"ChangeCounter", testChangeCounter}, // a colleague's change reaches an open window
	// persons
	{"PersonRoundTrip", testPersonRoundTrip},
	{"PersonNotFound", testPersonNotFound},
	{"PersonWithoutIdentifiersAndDates", testPersonWithoutIdentifiersAndDates},
	{"DuplicateBSNRejected", testDuplicateBSNRejected},
	{"UpdatePerson", testUpdatePerson},
	{"DeletePersonCascades", testDeletePersonCascades},
	{"PersonsBySKN", testPersonsBySKN},
	// detentions
	{"DetentionsSaveAndOrder", testDetentionsSaveAndOrder},
	// consent and revocations
	{"ConsentKeepsNewestPerKeyAndDomain", testConsentKeepsNewestPerKeyAndDomain},
	{"ConsentKeepsTheDateConsentWasGiven", testConsentKeepsTheDateConsentWasGiven},
	{"ConsentNewestOverKeysAndTies", testConsentNewestOverKeysAndTies},
	{"RevocationsKeepLatest", testRevocationsKeepLatest},
	{"ScanLedger", testScanLedger},
	{"ConsentStatesReplaceAndCascade", testConsentStatesReplaceAndCascade},
	// domain data and general
	{"DomainDataReplaceAndPurge", testDomainDataReplaceAndPurge},
	{"GeneralReplaceAndPurge", testGeneralReplaceAndPurge},
	{"PurgeSheetDataKeepsFollowup", testPurgeSheetDataKeepsFollowup},
	// messages and quarantine
	{"Messages", testMessages},
	{"MessageContent", testMessageContent},
	{"MessagesSince", testMessagesSince},
	{"Quarantine", testQuarantine},
	{"QuarantineSameBytesOnce", testQuarantineSameBytesOnce},
	{"HeldMessages", testHeldMessages}, // held for controle
	// settings and the installation key
	{"Settings", testSettings},
	{"SecretKeyCreatedOnce", testSecretKeyCreatedOnce},
	// follow-up
	{"FollowupRoundTripAndPurge", testFollowupRoundTripAndPurge},
	{"FollowupConstraints", testFollowupConstraints},
	{"FollowupOnSociaalNetwerk", testFollowupOnSociaalNetwerk},
	{"ReleaseFollowupsAndContactCounts", testReleaseFollowupsAndContactCounts},
	{"CorrectionsRoundTrip", testCorrectionsRoundTrip},
	{"PlannedActions", testPlannedActions},
	{"NotesRoundTripAndPurge", testNotesRoundTripAndPurge},
	// traject and retention
	{"TrajectRoundTrip", testTrajectRoundTrip},
	{"RetentionReads", testRetentionReads},
	{"RetentionDeletes", testRetentionDeletes},
	// D&R-plan
	{"PlanRoundTrip", testPlanRoundTrip},
	{"GemeenteAgreementsDue", testGemeenteAgreementsDue},
	// mailbox and mail deletion
	{"MailboxSettingsRoundTrip", testMailboxSettingsRoundTrip},
	{"MailboxState", testMailboxState},
	{"MailDeletions", testMailDeletions},
	// audit
	{"AuditChain", testAuditChain},
	{"AuditFilter", testAuditFilter},
	{"AuditSealFollowsTheLog", testAuditSealFollowsTheLog},
	// dashboard
	{"OverdueActions", testOverdueActions},
	{"SortKeyFollowsName", testSortKeyFollowsName},
	{"SignalPersonsEinddatumVerstreken", testSignalPersonsEinddatumVerstreken},
	{"ArrivalsSince", testArrivalsSince},
	{"QuarantinedSince", testQuarantinedSince},
	{"Together", testTogether},
	// search
	{"SearchFoldsCaseAndDiacritics", testSearchFoldsCaseAndDiacritics},
	{"SearchByResponsible", testSearchByResponsible},
	{"TeamMembers", testTeamMembers},
	{"SearchLiteralWildcards", testSearchLiteralWildcards},
	{"SearchSortByNameLimitOffset", testSearchSortByNameLimitOffset},
	{"SearchSortByRelease", testSearchSortByRelease},
	{"SearchReleaseWindowAndReviewFlag", testSearchReleaseWindowAndReviewFlag},
	{"SearchTrajectFilter", testSearchTrajectFilter},
	{"SearchUnknownSort", testSearchUnknownSort},
	{"SearchForgetsRemovedPerson", testSearchForgetsRemovedPerson},
	{"EachPersonStreamsSearchPersonsRows", testEachPersonStreamsSearchPersonsRows},
	{"SortEveryColumnBothWays", testSortEveryColumnBothWays},
	{"SortAllKeysBothWays", testSortAllKeysBothWays},
	{"CountPersonsMatchesSearch", testCountPersonsMatchesSearch},
	{"ListDomainStates", testListDomainStates},
	{"SignalFilterAgreesWithSignals", testSignalFilterAgreesWithSignals},
	{"NietGeregeldFollowsWrites", testNietGeregeldFollowsWrites},
}

// Run runs the conformance suite, each test in its own parallel subtest on its own store
// from open.
func Run(t *testing.T, open Opener) {
	for _, c := range tests {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			c.fn(t, open)
		})
	}
}

// Test BSNs: in the 99999xxxx test range and passing the elfproef.
const (
	bsn1 = "999990019"
	bsn2 = "999990020"
	bsn3 = "999990032"
	bsn4 = "999990044"
)

var t0 = time.Date(2019, 8, 1, 12, 0, 0, 0, time.UTC)

func update(t *testing.T, db app.Store, fn func(app.Tx) error) {
	t.Helper()
	if err := db.Update(context.Background(), fn); err != nil {
		t.Fatalf("Update: %v", err)
	}
}

func view(t *testing.T, db app.Store, fn func(app.ReadTx) error) {
	t.Helper()
	if err := db.View(context.Background(), fn); err != nil {
		t.Fatalf("View: %v", err)
	}
}

func samplePerson(bsn, voornamen, voorvoegsel, achternaam string) *app.Person {
	return &app.Person{
		BSN: bsn, Voornamen: voornamen, Voorvoegsel: voorvoegsel, Achternaam: achternaam,
		Geboortedatum: app.MustDate("1990-04-01"),
		Aangemaakt:    time.Date(2026, 1, 2, 3, 4, 5, 6, time.UTC),
	}
}

// createPerson stores p and returns its id.
func createPerson(t *testing.T, db app.Store, p *app.Person) int64 {
	t.Helper()
	update(t, db, func(tx app.Tx) error { return tx.CreatePerson(p) })
	if p.ID == 0 {
		t.Fatal("CreatePerson did not set ID")
	}
	return p.ID
}

func addDetention(t *testing.T, db app.Store, personID int64, begin, eind string) *app.Detention {
	t.Helper()
	d := &app.Detention{PersonID: personID, InrichtingCode: "PI01", Inrichting: "PI Test",
		Begindatum: app.MustDate(begin), Verzonden: time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)}
	if eind != "" {
		d.Einddatum, d.EinddatumStatus = app.MustDate(eind), app.EindVerwacht
	}
	update(t, db, func(tx app.Tx) error { return tx.SaveDetention(d) })
	return d
}

// firstErr returns the first non-nil error: calls are evaluated in order anyway.
func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// Inspector is what a backend's test store may offer beyond app.Store, for the few checks
// the interface cannot make: that a removal leaves no row behind in the tables (not only
// that the interface shows none), and that what is stored outlives the store. The suite
// makes these checks on a store that implements it, and skips them (saying so) otherwise.
type Inspector interface {
	// CountRows returns the number of rows in table, or (personID > 0) the person's.
	CountRows(table string, personID int64) (int, error)
	// Reopen closes the store and opens the same database again (closed when t ends).
	Reopen(t *testing.T) app.Store
	// StaleNogTeRegelen returns the persons whose kept persons.nog_te_regelen differs
	// from its computation from consent_states, plan_leefgebieden and followups.
	StaleNogTeRegelen() ([]int64, error)
	// StaleHeeftContact returns the persons whose kept persons.heeft_contact differs
	// from whether contacts holds a row of theirs.
	StaleHeeftContact() ([]int64, error)
}

// SortRankInspector is what a backend's test store may offer that keeps the Personen
// sorts' values on the person (SQLite: migrations 0018 and 0019); the suite checks them
// after every kind of write where the store implements it.
type SortRankInspector interface {
	// StaleSortRanks returns the persons whose kept sort values (latest detention,
	// domain ranks) differ from their computation from the tables they come from.
	StaleSortRanks() ([]int64, error)
}

// DateCountInspector is what a backend's test store may offer that keeps the dashboard's
// counts per date (SQLite: migration 0021); the suite checks them after every kind of
// write where the store implements it.
type DateCountInspector interface {
	// StaleDateCounts returns the dates whose kept count of open follow-ups with that
	// actiedatum, or of the gemeente's open agreements with that datum, differs from a
	// count of the rows, each as "table date".
	StaleDateCounts() ([]string, error)
}

// noRowsLeft checks, on an Inspector, that table holds no rows (of the person when
// personID > 0).
func noRowsLeft(t *testing.T, db app.Store, table string, personID int64) {
	t.Helper()
	in, ok := db.(Inspector)
	if !ok {
		t.Logf("the store offers no Inspector: %s not counted", table)
		return
	}
	n, err := in.CountRows(table, personID)
	if err != nil {
		t.Fatalf("counting %s: %v", table, err)
	}
	if n != 0 {
		t.Errorf("%s: %d rows left", table, n)
	}
}
