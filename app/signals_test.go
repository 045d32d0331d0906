package app

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func row(id int64, bsn, eind, status string) PersonRow {
	r := PersonRow{Person: Person{ID: id, BSN: bsn, Voornamen: "Piet", Achternaam: "Test" + bsn[6:]}}
	if eind != "" {
		r.Einddatum, r.EinddatumStatus = MustDate(eind), status
	}
	return r
}

// consentJa gives consent ja for the listed domains and nee for the others.
func consentJa(ds ...Domain) map[Domain]ConsentState {
	m := map[Domain]ConsentState{}
	for _, d := range Domains() {
		m[d] = ConsentNee
	}
	for _, d := range ds {
		m[d] = ConsentJa
	}
	return m
}

func ofKind(ss []Signal, k SignalKind) []Signal {
	var out []Signal
	for _, s := range ss {
		if s.Soort == k {
			out = append(out, s)
		}
	}
	return out
}

func TestSignalReleasedNotArranged(t *testing.T) {
	today := MustDate("2019-08-05")
	in := SignalInput{Releasing: []PersonSituation{
		// No follow-up recorded: onderdak counts as open; zorg has no consent.
		{Row: row(1, "999990019", "2019-08-10", EindVerwacht), Consent: consentJa(Onderdak), Contacts: 1},
		{Row: row(2, "999990020", "2019-08-12", EindDefinitief), Consent: consentJa(Onderdak, Identiteitsbewijs, Schulden, Zorg),
			Contacts: 1, Followups: map[Domain]Followup{
				Onderdak:          {Status: FollowupInBehandeling, Verantwoordelijke: "Collega"},
				Identiteitsbewijs: {Status: FollowupGeregeld},
				Schulden:          {Status: FollowupNietNodig},
				Zorg:              {Status: FollowupNietBereikbaar},
			}},
		{Row: row(3, "999990032", "2019-08-19", EindVerwacht), Consent: consentJa(Onderdak), Contacts: 1},   // day 14: inside
		{Row: row(4, "999990044", "2019-08-20", EindVerwacht), Consent: consentJa(Onderdak), Contacts: 1},   // day 15: outside
		{Row: row(5, "999990056", "2019-08-04", EindDefinitief), Consent: consentJa(Onderdak), Contacts: 1}, // released yesterday
		{Row: row(6, "999990068", "2019-08-05", EindDefinitief), Consent: consentJa(WerkEnInkomen), Contacts: 1},
	}}
	got := ofKind(Signals(in, today, 14), SignaalNietGeregeld)
	want := []struct {
		id    int64
		d     Domain
		st    FollowupStatus
		dagen int
	}{
		{6, WerkEnInkomen, FollowupOpen, 0},
		{1, Onderdak, FollowupOpen, 5},
		{2, Onderdak, FollowupInBehandeling, 7},
		{3, Onderdak, FollowupOpen, 14},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d signals, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		if g.PersonID != w.id || g.Domain != w.d || g.Status != w.st || g.Dagen != w.dagen || !slices.Equal(g.Domeinen, []Domain{w.d}) {
			t.Errorf("signal %d = %+v, want %+v", i, g, w)
		}
	}
	if got[2].Verantwoordelijke != "Collega" {
		t.Errorf("verantwoordelijke = %q", got[2].Verantwoordelijke)
	}
	if n := len(ofKind(Signals(in, today, 4), SignaalNietGeregeld)); n != 1 {
		t.Errorf("window of 4 days: %d signals, want 1 (released today)", n)
	}
}

func TestSignalActionOverdue(t *testing.T) {
	today := MustDate("2019-08-05")
	p := Person{ID: 7, BSN: "999990081", Achternaam: "Test"}
	act := func(d string, st FollowupStatus) DueAction {
		return DueAction{Person: p, Followup: Followup{PersonID: 7, Domain: Onderdak, Status: st, Actie: "Bellen", Actiedatum: MustDate(d)}}
	}
	in := SignalInput{Actions: []DueAction{
		act("2019-08-04", FollowupInBehandeling),  // yesterday: overdue
		act("2019-07-26", FollowupNietBereikbaar), // still to be done
		act("2019-08-05", FollowupOpen),           // today: not overdue yet
		act("2019-08-01", FollowupGeregeld),       // done
		act("2019-08-01", FollowupNietNodig),      // not needed
	}}
	got := ofKind(Signals(in, today, 14), SignaalActieVerlopen)
	if len(got) != 2 {
		t.Fatalf("got %+v, want 2 overdue actions", got)
	}
	if got[0].Dagen != -10 || got[0].Domain != Onderdak || !got[0].Datum.Equal(MustDate("2019-07-26")) {
		t.Errorf("first = %+v", got[0])
	}
	if got[1].Dagen != -1 || !got[1].Datum.Equal(MustDate("2019-08-04")) || got[1].Actie != "Bellen" {
		t.Errorf("second = %+v", got[1])
	}
}

func TestSignalNoContactYet(t *testing.T) {
	today := MustDate("2019-08-05")
	in := SignalInput{Releasing: []PersonSituation{
		{Row: row(1, "999990019", "2019-08-09", EindVerwacht), Consent: consentJa()},
		{Row: row(2, "999990020", "2019-08-09", EindVerwacht), Consent: consentJa(), Contacts: 1},
		{Row: row(3, "999990032", "2019-09-09", EindVerwacht), Consent: consentJa()},
	}}
	got := ofKind(Signals(in, today, 14), SignaalGeenContact)
	if len(got) != 1 || got[0].PersonID != 1 || got[0].Dagen != 4 {
		t.Errorf("got %+v", got)
	}
}

func TestSignalControleNodigAndQuarantine(t *testing.T) {
	today := MustDate("2019-08-05")
	flagged := row(1, "999990019", "", "")
	flagged.ControleNodig = true
	in := SignalInput{
		ControleNodig: []PersonRow{flagged, row(2, "999990020", "", "")},
		Quarantine: []Quarantined{{ID: 4, Reden: "het BSN voldoet niet aan de elfproef",
			Ontvangen: time.Date(2019, 8, 3, 9, 0, 0, 0, time.UTC)}},
	}
	ss := Signals(in, today, 14)
	if c := ofKind(ss, SignaalControleNodig); len(c) != 1 || c[0].PersonID != 1 {
		t.Errorf("controle nodig = %+v", c)
	}
	q := ofKind(ss, SignaalQuarantaine)
	if len(q) != 1 || q[0].QuarantineID != 4 || q[0].Dagen != -2 || q[0].Reden != "het BSN voldoet niet aan de elfproef" {
		t.Errorf("quarantaine = %+v", q)
	}
}

func TestSignalExpectedReleasePassed(t *testing.T) {
	today := MustDate("2019-08-05")
	in := SignalInput{Ended: []PersonRow{
		row(1, "999990019", "2019-08-01", EindVerwacht),   // passed, no melding einde
		row(2, "999990020", "2019-08-01", EindDefinitief), // melding einde arrived
		row(3, "999990032", "2019-08-05", EindVerwacht),   // today: not passed
	}}
	got := ofKind(Signals(in, today, 14), SignaalEinddatumVerstreken)
	if len(got) != 1 || got[0].PersonID != 1 || got[0].Dagen != -4 ||
		!got[0].Datum.Equal(MustDate("2019-08-01")) {
		t.Errorf("got %+v", got)
	}
}

// Day counts across the change to and from daylight saving time (Europe/Amsterdam,
// 2019-03-31 and 2019-10-27): today is the Amsterdam date of the instant, and the counts
// are whole calendar days although the nights in between are 23 or 25 hours long.
func TestSignalsAcrossDST(t *testing.T) {
	ams, err := LoadZone()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name           string
		instant        time.Time // UTC
		today          string
		release, actie string
		releaseDays    int
		overdueDays    int
	}{
		// 23:30 UTC on 30 March is 00:30 CET on 31 March; the night to 1 April has 23 hours.
		{"spring", time.Date(2019, 3, 30, 23, 30, 0, 0, time.UTC), "2019-03-31", "2019-04-05", "2019-03-28", 5, 3},
		// The evening before the change, so the release window spans it.
		{"spring before", time.Date(2019, 3, 29, 22, 0, 0, 0, time.UTC), "2019-03-29", "2019-04-02", "2019-03-25", 4, 4},
		// 22:30 UTC on 26 October is 00:30 CEST on 27 October; that day has 25 hours.
		{"autumn", time.Date(2019, 10, 26, 22, 30, 0, 0, time.UTC), "2019-10-27", "2019-11-01", "2019-10-20", 5, 7},
		{"autumn before", time.Date(2019, 10, 25, 23, 30, 0, 0, time.UTC), "2019-10-26", "2019-10-28", "2019-10-25", 2, 1},
	}
	for _, c := range cases {
		today := DateOf(c.instant.In(ams))
		if today.String() != c.today {
			t.Errorf("%s: today = %s, want %s", c.name, today, c.today)
			continue
		}
		in := SignalInput{
			Releasing: []PersonSituation{{Row: row(1, "999990019", c.release, EindVerwacht), Consent: consentJa(Onderdak)}},
			Actions: []DueAction{{Person: Person{ID: 1}, Followup: Followup{PersonID: 1, Domain: Onderdak,
				Status: FollowupOpen, Actie: "x", Actiedatum: MustDate(c.actie)}}},
		}
		ss := Signals(in, today, 14)
		if r := ofKind(ss, SignaalNietGeregeld); len(r) != 1 || r[0].Dagen != c.releaseDays {
			t.Errorf("%s: release signal %+v, want %d days", c.name, r, c.releaseDays)
		}
		if a := ofKind(ss, SignaalActieVerlopen); len(a) != 1 || a[0].Dagen != -c.overdueDays {
			t.Errorf("%s: overdue signal %+v, want %d days", c.name, a, c.overdueDays)
		}
	}
}

func TestParseMomentAcrossDST(t *testing.T) {
	ams, err := LoadZone()
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]time.Time{
		"2019-03-30 12:00": time.Date(2019, 3, 30, 11, 0, 0, 0, time.UTC),  // CET
		"2019-03-31T03:30": time.Date(2019, 3, 31, 1, 30, 0, 0, time.UTC),  // CEST, after the change
		"2019-10-27 12:00": time.Date(2019, 10, 27, 11, 0, 0, 0, time.UTC), // CET again
		"2019-10-26 12:00": time.Date(2019, 10, 26, 10, 0, 0, 0, time.UTC), // CEST
		"2019-08-01":       time.Date(2019, 7, 31, 22, 0, 0, 0, time.UTC),  // midnight CEST
	}
	for in, want := range cases {
		got, err := ParseMoment(in, ams)
		if err != nil || !got.Equal(want) {
			t.Errorf("ParseMoment(%q) = %v, %v; want %v", in, got.UTC(), err, want)
		}
	}
	if _, err := ParseMoment("01-08-2019", ams); err == nil {
		t.Error("a Dutch-order date was accepted")
	}
}

// A person with several domains to arrange is one signal listing them all (issue 18
// item 4), not one signal per domain.
func TestNietGeregeldOneSignalPerPerson(t *testing.T) {
	today := MustDate("2019-08-05")
	ps := PersonSituation{Row: row(1, "999990019", "2019-08-07", EindVerwacht),
		Consent: consentJa(Identiteitsbewijs, Onderdak, WerkEnInkomen, Schulden, Zorg), Contacts: 1,
		Followups: map[Domain]Followup{Onderdak: {Domain: Onderdak, Status: FollowupInBehandeling, Verantwoordelijke: "Ans"},
			Identiteitsbewijs: {Domain: Identiteitsbewijs, Status: FollowupGeregeld}}}
	got := Signals(SignalInput{Releasing: []PersonSituation{ps}}, today, 14)
	want := []Domain{Onderdak, WerkEnInkomen, Schulden, Zorg}
	if len(got) != 1 || !slices.Equal(got[0].Domeinen, want) || got[0].Domain != Onderdak ||
		got[0].Status != FollowupInBehandeling || got[0].Verantwoordelijke != "Ans" || got[0].Dagen != 2 {
		t.Errorf("signals = %+v", got)
	}
}

func TestSignalOrderIsStable(t *testing.T) {
	today := MustDate("2019-08-05")
	in := SignalInput{Releasing: []PersonSituation{
		{Row: row(2, "999990020", "2019-08-09", EindVerwacht), Consent: consentJa(Zorg, Onderdak)},
		{Row: row(1, "999990019", "2019-08-07", EindVerwacht), Consent: consentJa(Onderdak)},
	}}
	var kinds []string
	for _, s := range Signals(in, today, 14) {
		kinds = append(kinds, string(s.Soort)+":"+string(s.Domain)+":"+s.BSN)
	}
	want := "vrij-niet-geregeld:onderdak:999990019 vrij-niet-geregeld:onderdak:999990020 " +
		"geen-contact::999990019 geen-contact::999990020"
	if got := strings.Join(kinds, " "); got != want {
		t.Errorf("order:\n got %s\nwant %s", got, want)
	}
}
