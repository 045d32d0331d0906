package postgres

import "github.com/terugkeer/terugkeer/app"

// The conditions of the dashboard's signals (as on SQLite, storage/sqlite/signalfilter.go) on a person p (persons; with its latest
// detention d where latestDetentionJoin is joined), the same rules as app.Signals: used
// by PersonQuery.Signaal (Personen opened from the Overzicht) and by the dashboard's
// counts and bounded lists, so that the Overzicht's numbers and the Personen list agree.

// overdueAction is the condition of a follow-up f with a next action before ? (today)
// in a domain not geregeld or niet nodig (index followups_actie).
const overdueAction = `f.actiedatum IS NOT NULL AND f.actiedatum < ? AND f.status NOT IN ('geregeld', 'niet-nodig')`

// signalCond is the condition of PersonQuery.Signaal: p has a signal of kind k on
// today with a release window of days days.
func signalCond(k app.SignalKind, today app.Date, days int) (string, []any) {
	if days <= 0 {
		days = app.DefaultSignalDays
	}
	t, last := today.String(), today.AddDays(days).String()
	switch k {
	case app.SignaalNietGeregeld:
		// nog_te_regelen: a domain to arrange still pending, kept by triggers (migration 0006).
		return `p.vrijlating >= ? AND p.vrijlating <= ? AND p.nog_te_regelen`, []any{t, last}
	case app.SignaalGeenContact:
		// heeft_contact: a contact recorded, kept by triggers (migration 0006).
		return `p.vrijlating >= ? AND p.vrijlating <= ? AND NOT p.heeft_contact`, []any{t, last}
	case app.SignaalActieVerlopen:
		return `p.id IN (SELECT f.person_id FROM followups f WHERE ` + overdueAction + `)`, []any{t}
	case app.SignaalAfspraakGemeente:
		return `p.id IN (SELECT a.person_id FROM plan_agreements a WHERE ` + gemeenteWork + ` AND a.datum <= ?
			UNION SELECT a.person_id FROM plan_agreements a JOIN persons q ON q.id = a.person_id
			WHERE ` + gemeenteWork + ` AND a.datum IS NULL AND q.vrijlating >= ? AND q.vrijlating <= ?)`,
			[]any{last, t, last}
	case app.SignaalControleNodig:
		return `p.controle_nodig`, nil
	case app.SignaalEinddatumVerstreken:
		// From the verwacht detentions (index detentions_verwacht) that are their person's
		// latest: not a scan of every person's laatste_detentie. The latest is looked up
		// per detention (a correlated subquery, never flattened into a join): the
		// planner cannot estimate how few verwacht detentions lie in the past (it
		// multiplies the two selectivities, 3,135 rows for 20 at 31,711 persons) and
		// hash-joined every person for a join (EXPLAIN ANALYZE: 2,333 buffers, now 123).
		return `p.id IN (` + endedPersons + `)`, []any{t}
	case app.SignaalQuarantaine:
		return `false`, nil // a quarantined message has no person
	}
	return `false`, nil // SearchPersons refuses an unknown kind before
}

// endedPersons are the persons of einddatum-verstreken on ? (today): those whose latest
// detention is verwacht and ended before today (signalCond; endedQuery).
const endedPersons = `SELECT e.person_id FROM detentions e WHERE e.einddatum_status = 'verwacht' AND e.einddatum < ?
			AND e.id = (SELECT q.laatste_detentie FROM persons q WHERE q.id = e.person_id)`
