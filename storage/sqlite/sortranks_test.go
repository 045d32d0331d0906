package sqlite

import (
	"fmt"
	"strings"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/storage/sqlstore"
)

// sortRanksFromScratch is a condition true for a person whose kept sort columns
// (migrations 0006, 0018 and 0019: the latest detention's id, einddatum, inrichting and
// status, and each domain's rank) differ from their computation from detentions, plans,
// consent_states and followups. The rank is the follow-up status's place in
// app.FollowupStatuses (open when none is recorded) where follow-up is allowed (consent
// ja or a D&R-plan), else NULL: app.DomainSortRank.
func sortRanksFromScratch() string {
	var rank strings.Builder
	for i, s := range app.FollowupStatuses() {
		fmt.Fprintf(&rank, " WHEN '%s' THEN %d", s, i)
	}
	conds := []string{`(p.laatste_detentie, p.vrijlating, p.inrichting, p.einddatum_status) IS NOT
		(SELECT x.id, x.einddatum, NULLIF(x.inrichting, ''), NULLIF(x.einddatum_status, '') FROM detentions x
			WHERE x.person_id = p.id ORDER BY x.begindatum DESC, x.id DESC LIMIT 1)`}
	for _, d := range app.Domains() {
		conds = append(conds, fmt.Sprintf(`%s IS NOT (CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = p.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = p.id AND c.domain = '%s' AND c.state = 'ja')
			THEN CASE COALESCE((SELECT f.status FROM followups f WHERE f.person_id = p.id AND f.domain = '%[2]s'), 'open')%s END END)`,
			sqlstore.DomainSortColumn(d), d, rank.String()))
	}
	return strings.Join(conds, " OR ")
}

// StaleSortRanks returns the persons whose kept sort columns differ from their
// computation (storetest.SortRankInspector).
func (s *inspected) StaleSortRanks() ([]int64, error) {
	return s.personsWhere("sorteerkolommen", sortRanksFromScratch())
}
