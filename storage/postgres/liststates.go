package postgres

import (
	"fmt"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/storage/sqlstore"
)

// ListDomainStates returns what the person list shows per domain of each of ids: the
// consent states (the copy of consent_states), the recorded follow-up statuses and
// whether the person has a D&R-plan, as on SQLite. The ids go in as one array.
func (r *reader) ListDomainStates(ids []int64) (map[int64]app.ListStates, error) {
	out := map[int64]app.ListStates{}
	if len(ids) == 0 {
		return out, nil
	}
	for _, id := range ids {
		out[id] = app.ListStates{Consent: map[app.Domain]app.ConsentState{}, Followups: map[app.Domain]app.FollowupStatus{},
			Verantwoordelijken: map[app.Domain]string{}}
	}
	const in = ` = ANY(?::bigint[])`
	err := sqlstore.EachRow(r, `SELECT person_id, domain, state FROM consent_states WHERE person_id`+in, ids,
		func(id int64, d, v string) { out[id].Consent[app.Domain(d)] = app.ConsentState(v) })
	if err == nil {
		err = sqlstore.EachRow(r, `SELECT person_id, domain, status FROM followups WHERE person_id`+in, ids,
			func(id int64, d, v string) { out[id].Followups[app.Domain(d)] = app.FollowupStatus(v) })
	}
	if err == nil {
		err = sqlstore.EachRow(r, `SELECT person_id, domain, verantwoordelijke FROM followups WHERE verantwoordelijke <> '' AND person_id`+in, ids,
			func(id int64, d, v string) { out[id].Verantwoordelijken[app.Domain(d)] = v })
	}
	if err == nil {
		err = sqlstore.EachRow(r, `SELECT person_id, '', '' FROM plans WHERE person_id`+in, ids,
			func(id int64, _, _ string) { st := out[id]; st.Plan = true; out[id] = st })
	}
	if err != nil {
		return nil, fmt.Errorf("domeinstand lezen: %w", err)
	}
	return out, nil
}
