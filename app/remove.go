package app

import (
	"context"
	"slices"
)

// RemovePerson removes a person (on a team database only a beheerder may: ErrAdminOnly) and everything held about them, irreversibly (the store
// wipes its write-ahead log afterwards), and audits the removal by internal id with the
// domains and the number of items removed. The consent ledger keeps its pseudonymous
// rows until the register term ends, so that a late informatieblad cannot bring
// revoked data back (rule 4).
func (s *Service) RemovePerson(ctx context.Context, id int64) error {
	if !s.mayAdminister() {
		return ErrAdminOnly
	}
	return s.store.Update(ctx, func(tx Tx) error {
		if _, err := tx.PersonByID(id); err != nil {
			return err
		}
		n, doms, err := personItems(tx, id)
		if err != nil {
			return err
		}
		if err := deletePerson(tx, id); err != nil {
			return err
		}
		return s.audit(tx, AuditEntry{Actie: ActiePurge, Object: ObjectPersoon, ObjectID: id,
			Resultaat: "verwijderd", Domeinen: doms, Aantal: n})
	})
}

// personItems counts what removing a person takes away: detentions, consent-based
// topics and hulpvragen, general topics and the items of the D&R-plan; and the domains
// that held content.
func personItems(tx ReadTx, id int64) (int, []Domain, error) {
	dets, err := tx.Detentions(id)
	if err != nil {
		return 0, nil, err
	}
	data, err := tx.DomainData(id)
	if err != nil {
		return 0, nil, err
	}
	gen, err := tx.General(id)
	if err != nil {
		return 0, nil, err
	}
	plan, err := tx.Plan(id)
	if err != nil {
		return 0, nil, err
	}
	n := len(dets) + len(gen)
	var doms []Domain
	for _, d := range Leefgebieden() {
		k := data[d].Items()
		if plan != nil {
			if l, ok := plan.Plan.LifeArea(d); ok {
				k += l.Items()
			}
		}
		if k > 0 {
			n += k
			doms = append(doms, d)
		}
	}
	if plan != nil {
		n += len(plan.Plan.Algemeen)
	}
	held, err := tx.HeldList(id) // messages held for controle go with the person
	if err != nil {
		return 0, nil, err
	}
	n += len(held)
	return n, slices.Clip(doms), nil
}
