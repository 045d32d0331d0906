package app

import (
	"slices"
	"testing"
)

func d(s string) Date { return MustDate(s) }

func TestEffective(t *testing.T) {
	cases := []struct {
		name    string
		c       DomainConsent
		revoked Date
		want    ConsentState
	}{
		{"nothing known", DomainConsent{}, Date{}, ConsentOnbekend},
		{"given", DomainConsent{Opgesteld: d("2019-06-03"), Gegeven: true}, Date{}, ConsentJa},
		{"refused", DomainConsent{Opgesteld: d("2019-06-03"), Gegeven: false}, Date{}, ConsentNee},
		{"revoked after sheet", DomainConsent{Opgesteld: d("2019-06-03"), Gegeven: true}, d("2019-07-01"), ConsentIngetrokken},
		{"revoked same day", DomainConsent{Opgesteld: d("2019-07-01"), Gegeven: true}, d("2019-07-01"), ConsentIngetrokken},
		{"new consent after revocation", DomainConsent{Opgesteld: d("2019-07-02"), Gegeven: true}, d("2019-07-01"), ConsentJa},
		{"refusal after revocation", DomainConsent{Opgesteld: d("2019-07-02"), Gegeven: false}, d("2019-07-01"), ConsentNee},
		{"revocation without sheet", DomainConsent{}, d("2019-07-01"), ConsentIngetrokken},
	}
	for _, c := range cases {
		if got := Effective(c.c, c.revoked); got != c.want {
			t.Errorf("%s: Effective = %s, want %s", c.name, got, c.want)
		}
	}
}

func exampleSheet(opgesteld string, given ...Domain) *Sheet {
	s := &Sheet{Opgesteld: d(opgesteld), Toestemming: map[Domain]bool{}, Hulpvragen: map[Domain]string{}}
	for _, g := range given {
		s.Toestemming[g] = true
	}
	s.Onderwerpen = []Answer{
		{Code: "onderdak.na-detentie", Antwoord: "nee", Toelichting: "opgezegd"},
		{Code: "schulden.aanwezig", Antwoord: "ja"},
		{Code: "zorg.medicatie", Antwoord: "ja"},
		{Code: "contact.voorkeur", Antwoord: "direct"},
	}
	s.Hulpvragen[Onderdak] = "opvang"
	s.Hulpvragen[Zorg] = "ggz"
	return s
}

func emptyView() ConsentView {
	return ConsentView{Sheets: map[Domain]DomainConsent{}, Revoked: map[Domain]Date{}}
}

// Rule 1: only consented domains are stored; the rest is counted as dropped.
func TestPlanSheetStoresOnlyConsentedDomains(t *testing.T) {
	plan := PlanSheet(exampleSheet("2019-06-03", Onderdak, Schulden), emptyView())
	if got := plan.Replace[Onderdak]; got.Items() != 2 || got.Hulpvraag != "opvang" {
		t.Errorf("onderdak content = %+v, want topic and hulpvraag", got)
	}
	if got := plan.Replace[Schulden]; got.Items() != 1 {
		t.Errorf("schulden content = %+v, want one topic", got)
	}
	if _, ok := plan.Replace[Zorg]; ok {
		t.Error("zorg was stored without consent")
	}
	if plan.Dropped != 2 { // zorg.medicatie and the zorg hulpvraag
		t.Errorf("Dropped = %d, want 2", plan.Dropped)
	}
	if !plan.ReplaceGen || len(plan.General) != 1 {
		t.Errorf("general topics not stored with consent for a domain: %+v", plan)
	}
	if len(plan.SaveSheets) != 6 {
		t.Errorf("SaveSheets has %d domains, want all 6", len(plan.SaveSheets))
	}
}

// The general contact.* topics need consent for at least one domain.
func TestPlanSheetWithoutAnyConsentDropsGeneral(t *testing.T) {
	plan := PlanSheet(exampleSheet("2019-06-03"), emptyView())
	if plan.ReplaceGen || plan.storesContent() {
		t.Errorf("a sheet without consent stores content: %+v", plan)
	}
	if plan.Dropped != 6 {
		t.Errorf("Dropped = %d, want all 6 items", plan.Dropped)
	}
}

// Rule 2: the newest sheet by opgesteld counts, not the last to arrive; a newer sheet
// that withdraws a domain purges it.
func TestPlanSheetNewestByOpgesteld(t *testing.T) {
	view := emptyView()
	for _, dom := range Domains() {
		view.Sheets[dom] = DomainConsent{Opgesteld: d("2019-07-01"), Gegeven: dom == Onderdak}
	}
	older := PlanSheet(exampleSheet("2019-06-01", Onderdak, Schulden, Zorg), view)
	if len(older.Replace) != 0 || older.ReplaceGen || len(older.Purge) != 0 {
		t.Errorf("an older sheet changed content: %+v", older)
	}
	// It only tells that consent was given before the newer sheet withheld it: schulden
	// and zorg are withdrawn (ingetrokken), not refused (nee).
	for dom, c := range older.SaveSheets {
		if (dom != Schulden && dom != Zorg) || c.Gegeven || !c.Opgesteld.Equal(d("2019-07-01")) ||
			!c.GegevenOp.Equal(d("2019-06-01")) {
			t.Errorf("older sheet saves %s: %+v", dom, c)
		}
	}
	if len(older.SaveSheets) != 2 {
		t.Errorf("older sheet saves %d domains, want schulden and zorg", len(older.SaveSheets))
	}
	if older.Dropped != 6 {
		t.Errorf("older sheet Dropped = %d, want 6", older.Dropped)
	}
	newer := PlanSheet(exampleSheet("2019-08-01", Schulden), view)
	if !slices.Equal(newer.Purge, []Domain{Onderdak}) {
		t.Errorf("withdrawn domain purge = %v, want [onderdak]", newer.Purge)
	}
	if _, ok := newer.Replace[Schulden]; !ok {
		t.Error("newly consented domain not stored")
	}
}

// Rule 3 and 6 groundwork: a revocation purges its domains and, when nothing is left,
// the general topics.
func TestPlanRevocation(t *testing.T) {
	view := emptyView()
	view.Sheets[Onderdak] = DomainConsent{Opgesteld: d("2019-06-03"), Gegeven: true}
	view.Sheets[Schulden] = DomainConsent{Opgesteld: d("2019-06-03"), Gegeven: true}
	plan := PlanRevocation(&Revocation{Ondertekend: d("2019-07-01"), Domeinen: []Domain{Schulden}}, view)
	if !slices.Equal(plan.Purge, []Domain{Schulden}) || plan.PurgeGeneral {
		t.Errorf("revoke schulden: %+v", plan)
	}
	all := PlanRevocation(&Revocation{Ondertekend: d("2019-07-01"), Domeinen: Domains(), Alle: true}, view)
	if len(all.Purge) != 2 || !all.PurgeGeneral || len(all.SaveRevoked) != 6 {
		t.Errorf("revoke alle: %+v", all)
	}
}

// Rule 4: order does not matter.
func TestRevocationOrderDoesNotMatter(t *testing.T) {
	view := emptyView()
	view.Revoked[Schulden] = d("2019-07-01")
	before := PlanSheet(exampleSheet("2019-06-03", Schulden), view)
	if _, ok := before.Replace[Schulden]; ok {
		t.Error("a sheet opgesteld before the revocation brought data back")
	}
	after := PlanSheet(exampleSheet("2019-07-02", Schulden), view)
	if _, ok := after.Replace[Schulden]; !ok {
		t.Error("a sheet opgesteld after the revocation is new consent and must be stored")
	}
	// A late-arriving revocation signed before the current consent leaves it alone.
	view = emptyView()
	view.Sheets[Schulden] = DomainConsent{Opgesteld: d("2019-08-01"), Gegeven: true}
	late := PlanRevocation(&Revocation{Ondertekend: d("2019-07-01"), Domeinen: []Domain{Schulden}}, view)
	if len(late.Purge) != 0 {
		t.Errorf("a revocation older than the current consent purged it: %+v", late)
	}
}

func TestValidBSN(t *testing.T) {
	for _, ok := range []string{"999990019", "999990032", "999990135"} {
		if !ValidBSN(ok) {
			t.Errorf("ValidBSN(%s) = false", ok)
		}
	}
	for _, bad := range []string{"999990018", "000000000", "12345678", "99999001a", "1234567890"} {
		if ValidBSN(bad) {
			t.Errorf("ValidBSN(%s) = true", bad)
		}
	}
}

func TestCatalogue(t *testing.T) {
	topics := Topics()
	if len(topics) != 20 {
		t.Fatalf("catalogue has %d topics, want 20", len(topics))
	}
	for _, tp := range topics {
		if !tp.General() && !tp.Domain.Valid() {
			t.Errorf("%s has unknown domain %s", tp.Code, tp.Domain)
		}
	}
	if AnswerLabel("5000-20000") != "€ 5.000 tot € 20.000" || AnswerLabel("n.v.t.") != "n.v.t." {
		t.Errorf("answer labels: %q, %q", AnswerLabel("5000-20000"), AnswerLabel("n.v.t."))
	}
	for code := range answerLabels {
		if !slices.ContainsFunc(Topics(), func(tp Topic) bool { return tp.Allows(code) && tp.Answers != nil }) {
			t.Errorf("label for %q, which no topic allows", code)
		}
	}
	if tp, _ := TopicByCode("schulden.omvang"); !tp.Allows("5000-20000") || tp.Allows("veel") {
		t.Error("schulden.omvang answers wrong")
	}
}

func TestDateDaysAcrossDST(t *testing.T) {
	// 2019-10-27 is the change from summer to winter time in Europe/Amsterdam.
	if n := d("2019-10-26").DaysUntil(d("2019-10-28")); n != 2 {
		t.Errorf("DaysUntil across DST = %d, want 2", n)
	}
	if _, err := ParseDate("2019-02-29"); err == nil {
		t.Error("2019-02-29 accepted")
	}
}
