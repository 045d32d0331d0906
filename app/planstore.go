package app

// PlanReadTx reads the persons' current D&R-plans.
type PlanReadTx interface {
	// Plan returns the person's current plan; nil (and no error) when there is none.
	Plan(personID int64) (*StoredPlan, error)
	// HasPlan reports whether the person has a plan.
	HasPlan(personID int64) (bool, error)
	// ReleasePlanDomains returns, by person id, the leefgebieden of the current plan of
	// every person whose latest detention ends in [from, to]; persons without a plan are
	// absent.
	ReleasePlanDomains(from, to Date) (map[int64][]Domain, error)
	// GemeenteAgreementsDue returns the agreements that are open work for the gemeente
	// (wie gemeente, status open or lopend) with a datum on or before last, or without a
	// datum of a person whose latest detention ends in [today, last], with their persons:
	// not bounded with ties, but the first limit in the signals' order (datum, undated
	// first; the person's FullName byte by byte, person id, domain in Leefgebieden order,
	// afspraak id). The int is the number of all of them.
	GemeenteAgreementsDue(today, last Date, limit int) ([]DueAgreement, int, error)
}

// PlanTx writes them.
type PlanTx interface {
	// ReplacePlan makes p the person's plan: the previous plan's content is removed
	// entirely (irreversibly, as every purge) and p's stored in its place.
	ReplacePlan(personID int64, p StoredPlan) error
	// PurgeSheetData removes a domain's informatieblad content (topics and hulpvraag)
	// irreversibly and returns the number of items removed; unlike PurgeDomainData it
	// leaves the domain's follow-up, which rests on the D&R-plan (v2 rule 3).
	PurgeSheetData(personID int64, d Domain) (int, error)
}

// DueAgreement is an agreement of a person's current plan, with the person and the
// latest detention's einddatum.
type DueAgreement struct {
	Person    PersonRow
	Domain    Domain
	Agreement Agreement
}
