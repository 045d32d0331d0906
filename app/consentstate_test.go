package app_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/terugkeer/terugkeer/app"
	_ "modernc.org/sqlite"
)

// filterBSNs lists the BSNs of the persons the domain filter keeps, sorted.
func (w *world) filterBSNs(d app.Domain, f app.DomainFilter) []string {
	w.t.Helper()
	rows, err := w.svc.Persons(context.Background(), app.PersonQuery{Domein: d, DomeinStatus: f})
	if err != nil {
		w.t.Fatal(err)
	}
	var out []string
	for _, r := range rows {
		out = append(out, r.BSN)
	}
	slices.Sort(out)
	return out
}

// checkConsentCopy compares, for every person and domain, the state the filters see
// (the copy) with the person file's state (the ledger).
func (w *world) checkConsentCopy() {
	w.t.Helper()
	seen := map[app.Domain]map[string]app.ConsentState{}
	for _, d := range app.Domains() {
		seen[d] = map[string]app.ConsentState{}
		for _, f := range app.DomainFilters() {
			state, _ := f.Match()
			for _, bsn := range w.filterBSNs(d, f) {
				seen[d][bsn] = state
			}
		}
	}
	rows, err := w.svc.Persons(context.Background(), app.PersonQuery{})
	if err != nil {
		w.t.Fatal(err)
	}
	for _, r := range rows {
		file := w.file(r.ID)
		for _, d := range app.Domains() {
			want, got := file.Domeinen[d].Toestemming, seen[d][r.BSN]
			if got == "" {
				got = app.ConsentOnbekend
			}
			if got != want {
				w.t.Errorf("%s %s: filters see %s, person file says %s", r.BSN, d, got, want)
			}
		}
	}
}

func TestDomainFilter(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	// A: onderdak in behandeling, schulden revoked, the rest nee.
	w.mustImport(melding("999990019", "Aa", "2019-06-01", "2019-09-10"))
	w.mustImport(sheet("999990019", "Aa", "2019-06-03", "A", app.Onderdak, app.Schulden))
	w.mustImport(intrekking("999990019", "Aa", "2019-06-10", "schulden"))
	if _, err := w.svc.SetFollowup(ctx, w.personID("999990019"), app.Onderdak,
		app.FollowupEdit{Status: app.FollowupInBehandeling}); err != nil {
		t.Fatal(err)
	}
	// B: zorg consented, nothing recorded: open.
	w.mustImport(melding("999990020", "Bb", "2019-06-01", "2019-09-20"))
	w.mustImport(sheet("999990020", "Bb", "2019-06-03", "B", app.Zorg))
	// C: only a melding: every domain onbekend.
	w.mustImport(melding("999990032", "Cc", "2019-06-01", ""))
	// D: the revocation arrives before the older informatieblad (rule 4).
	w.mustImport(melding("999990044", "Dd", "2019-06-01", ""))
	w.mustImport(intrekking("999990044", "Dd", "2019-06-05", "onderdak"))
	w.importXML(sheet("999990044", "Dd", "2019-06-03", "D", app.Onderdak))
	// E: the informatieblad comes first (nothing but nee: no person yet), the melding later.
	w.importXML(sheet("999990056", "Ee", "2019-06-03", "E"))
	w.mustImport(melding("999990056", "Ee", "2019-06-01", ""))

	cases := []struct {
		d    app.Domain
		f    app.DomainFilter
		want []string
	}{
		{app.Schulden, app.FilterIngetrokken, []string{"999990019"}},
		{app.Onderdak, app.FilterInBehandeling, []string{"999990019"}},
		{app.Onderdak, app.FilterOpen, nil},
		{"", app.FilterOpen, []string{"999990020"}},
		{"", app.FilterNietGeregeld, []string{"999990019", "999990020"}},
		{app.Zorg, app.FilterGeenToestemming, []string{"999990019", "999990044", "999990056"}},
		{app.Onderdak, app.FilterIngetrokken, []string{"999990044"}},
		{"", app.FilterGeregeld, nil},
	}
	for _, c := range cases {
		if got := w.filterBSNs(c.d, c.f); !slices.Equal(got, c.want) {
			t.Errorf("%q %s: %v, want %v", c.d, c.f, got, c.want)
		}
	}
	w.checkConsentCopy()

	// A changed consent arrives as a new informatieblad: B withdraws zorg, gives onderdak.
	w.mustImport(sheet("999990020", "Bb", "2019-06-20", "B2", app.Onderdak))
	if got := w.filterBSNs(app.Onderdak, app.FilterOpen); !slices.Equal(got, []string{"999990020"}) {
		t.Errorf("after the new informatieblad: onderdak open %v", got)
	}
	w.checkConsentCopy()
}

// Prepare fills the copy for persons stored before it was kept (storage migration
// 0008 sets the marker), once.
func TestPrepareFillsConsentStates(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	w.mustImport(melding("999990019", "Aa", "2019-06-01", "2019-09-10"))
	w.mustImport(sheet("999990019", "Aa", "2019-06-03", "A", app.Onderdak))
	w.a.Exec(`DELETE FROM consent_states;
		INSERT INTO settings (key, value) VALUES ('toestemmingsstand-bijwerken', '1')`)
	if got := w.filterBSNs(app.Onderdak, app.FilterOpen); len(got) != 0 {
		t.Fatalf("the copy was not emptied: %v", got)
	}
	if need, err := w.svc.PrepareNeeded(ctx); err != nil || !need {
		t.Fatalf("PrepareNeeded before = %v, %v", need, err)
	}
	if n, err := w.svc.Prepare(ctx); err != nil || n != 1 {
		t.Fatalf("Prepare: %d persons, %v; want 1", n, err)
	}
	if got := w.filterBSNs(app.Onderdak, app.FilterOpen); !slices.Equal(got, []string{"999990019"}) {
		t.Errorf("after Prepare: %v", got)
	}
	if n, err := w.svc.Prepare(ctx); err != nil || n != 0 {
		t.Errorf("second Prepare: %d persons, %v; want 0", n, err)
	}
	if need, err := w.svc.PrepareNeeded(ctx); err != nil || need {
		t.Errorf("PrepareNeeded after = %v, %v", need, err)
	}
	w.checkConsentCopy()
	// The marker gave way to the app's data version.
	for key, want := range map[string]string{"toestemmingsstand-bijwerken": "", app.SettingDataVersie: "1"} {
		if v, err := w.svc.Setting(ctx, key); err != nil || v != want {
			t.Errorf("setting %s = %q, %v; want %q", key, v, err, want)
		}
	}
}

// The data version, not a backend's marker, decides what Prepare does: a new database
// is current without a write, and a store at an older version is brought up to date
// whatever backend it is on.
func TestPrepareFollowsTheDataVersion(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	if need, err := w.svc.PrepareNeeded(ctx); err != nil || need {
		t.Fatalf("a new database needs Prepare: %v, %v", need, err)
	}
	if n, err := w.svc.Prepare(ctx); err != nil || n != 0 {
		t.Fatalf("Prepare on a new database: %d, %v", n, err)
	}
	if v, err := w.svc.Setting(ctx, app.SettingDataVersie); err != nil || v != "" {
		t.Errorf("Prepare wrote the data version of a new database (%q, %v): a start would take the write lock", v, err)
	}
	w.mustImport(melding("999990019", "Aa", "2019-06-01", "2019-09-10"))
	w.mustImport(sheet("999990019", "Aa", "2019-06-03", "A", app.Onderdak))
	w.a.Exec(`DELETE FROM consent_states`)
	if err := w.svc.SetSetting(ctx, app.SettingDataVersie, "0"); err != nil {
		t.Fatal(err)
	}
	if n, err := w.svc.Prepare(ctx); err != nil || n != 1 {
		t.Fatalf("Prepare at data version 0: %d persons, %v; want 1", n, err)
	}
	if got := w.filterBSNs(app.Onderdak, app.FilterOpen); !slices.Equal(got, []string{"999990019"}) {
		t.Errorf("after Prepare: %v", got)
	}
	if v, _ := w.svc.Setting(ctx, app.SettingDataVersie); v != "1" {
		t.Errorf("data version after Prepare = %q", v)
	}
	if err := w.svc.SetSetting(ctx, app.SettingDataVersie, "x"); err != nil {
		t.Fatal(err)
	}
	if _, err := w.svc.PrepareNeeded(ctx); err == nil {
		t.Error("a damaged data version was accepted")
	}
}

// withSKN puts an SKN into a message's betrokkene (and drops the BSN when bsn is "").
func withSKN(msg, bsn, skn string) string {
	b := "<bsn>" + bsn + "</bsn>"
	if bsn == "" {
		msg = strings.Replace(msg, "<bsn>999990000</bsn>", "", 1)
		b = ""
	}
	return strings.Replace(msg, "<voornamen>", b[:0]+"<skn>"+skn+"</skn><voornamen>", 1)
}

// Two persons share ledger keys when an SKN-only person's SKN arrives with another
// person's BSN (the same detainee, two records). A revocation for the one then revokes
// for the other too: its data is purged from the file and audited, and the copy of both
// follows the ledger.
func TestRevocationReachesARecordSharingTheSKN(t *testing.T) {
	w := newWorld(t)
	// B: known by SKN 555 only, consented to onderdak.
	w.mustImport(withSKN(melding("999990000", "Bb", "2019-06-01", "2019-09-10"), "", "555"))
	w.mustImport(withSKN(sheet("999990000", "Bb", "2019-06-03", "MRKSKNB", app.Onderdak), "", "555"))
	// A: BSN 999990019 without SKN, consented to onderdak.
	w.mustImport(melding("999990019", "Aa", "2019-06-01", "2019-09-10"))
	w.mustImport(sheet("999990019", "Aa", "2019-06-03", "MRKBSNA", app.Onderdak))
	w.checkConsentCopy()
	w.present("MRKSKNB-onderdak", "MRKBSNA-onderdak")
	before := len(w.audit(app.ActiePurge))
	// A revocation naming A's BSN and B's SKN: matched to A on BSN, recorded under both.
	w.mustImport(withSKN(intrekking("999990019", "Aa", "2019-06-10", "onderdak"), "999990019", "555"))
	w.checkConsentCopy()
	w.absent("MRKSKNB-onderdak", "MRKBSNA-onderdak")
	if got := len(w.audit(app.ActiePurge)) - before; got != 2 {
		t.Errorf("%d purge entries, want one for each record", got)
	}
}

// A melding that gives a person an SKN under which a revocation is already known (it
// came first, for the SKN alone) purges what that revocation covers.
func TestMeldingAddingARevokedSKNPurges(t *testing.T) {
	w := newWorld(t)
	w.mustImport(melding("999990019", "Aa", "2019-06-01", "2019-09-10"))
	w.mustImport(sheet("999990019", "Aa", "2019-06-03", "MRKLATE", app.Onderdak, app.Zorg))
	w.importXML(withSKN(intrekking("999990000", "Aa", "2019-06-10", "onderdak"), "", "777")) // nobody has SKN 777 yet
	w.present("MRKLATE-onderdak")
	w.mustImport(withSKN(melding("999990019", "Aa", "2019-06-01", "2019-09-10"), "999990019", "777"))
	w.absent("MRKLATE-onderdak")
	w.present("MRKLATE-zorg")
	w.checkConsentCopy()
}
