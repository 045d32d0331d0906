package app

// What the person overview prints of the D&R-plan and of the grondslag of every block
// (berichtformaat-v2.md, rule 5: every PDF says on which basis its data is held).

// MeldingBasis is the printed basis of detention data.
const MeldingBasis = "art. 51c Wjsg"

// PlanBasis is the printed basis of a D&R-plan: "art. 18a Pbw, D&R-plan van 28-05-2024".
func PlanBasis(opgesteld Date) string { return "art. 18a Pbw, D&R-plan van " + opgesteld.Dutch() }

// SheetBasis is the printed basis of informatieblad data: "toestemming, informatieblad
// van 03-06-2019" (without a date when none is known).
func SheetBasis(opgesteld Date) string {
	if opgesteld.IsZero() {
		return "toestemming, informatieblad"
	}
	return "toestemming, informatieblad van " + opgesteld.Dutch()
}

// ReportPlan is the current D&R-plan as printed: its basis and its contact.* topics; the
// leefgebieden are printed with their domain (ReportDomain.Plan).
type ReportPlan struct {
	Grondslag string // PlanBasis of the plan
	Kenmerk   string
	Opgesteld Date
	Algemeen  []ReportItem
}

// ReportLifeArea is one leefgebied of the plan as printed.
type ReportLifeArea struct {
	Situatie    string
	Onderwerpen []ReportItem
	Doelen      []string
	Afspraken   []ReportAgreement
}

// ReportAgreement is one afspraak as printed; Wie and Status are Dutch labels.
type ReportAgreement struct {
	ID     string
	Wie    string
	Status string
	Datum  Date
	Tekst  string
}

// AgreementWhoLabel is the Dutch label of an afspraak's wie.
func AgreementWhoLabel(w string) string {
	if w == WieDJI {
		return "DJI"
	}
	return w
}

func reportPlan(p *StoredPlan) *ReportPlan {
	if p == nil {
		return nil
	}
	return &ReportPlan{Grondslag: PlanBasis(p.Opgesteld), Kenmerk: p.Kenmerk, Opgesteld: p.Opgesteld,
		Algemeen: reportItems(p.Plan.Algemeen)}
}

func reportLifeArea(p *StoredPlan, d Domain) *ReportLifeArea {
	if p == nil {
		return nil
	}
	l, ok := p.Plan.LifeArea(d)
	if !ok {
		return nil
	}
	out := &ReportLifeArea{Situatie: l.Situatie, Onderwerpen: reportItems(l.Onderwerpen), Doelen: l.Doelen}
	for _, a := range l.Afspraken {
		out.Afspraken = append(out.Afspraken, ReportAgreement{ID: a.ID, Wie: AgreementWhoLabel(a.Wie),
			Status: a.Status, Datum: a.Datum, Tekst: a.Tekst})
	}
	return out
}

// reportDomains are the domains a person overview prints: the six of version 1, and
// sociaal-netwerk while the person has a plan.
func reportDomains(f *PersonFile) []Domain {
	if f.Plan != nil {
		return Leefgebieden()
	}
	return Domains()
}
