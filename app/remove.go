package app

import (
	"context"
	"slices"
)

// RemovePerson removes a person and everything held about them, irreversibly (the store
// wipes its write-ahead log afterwards), and audits the removal by internal id with the
// domains and the number of items removed. The consent ledger keeps its pseudonymous
// rows until the register term ends, so that a late informatieblad cannot bring
// revoked data back (rule 4).
func (s *Service) RemovePerson(ctx context.Context, id int64) error {
	return s.store.Update(ctx, func(tx Tx) error {
		if _, err := tx.PersonByID(id); err != nil {
			return err
		}
		n, doms, err := personItems(tx, id)
		if err != nil {
			return err
		}
		if err := tx.DeletePerson(id); err != nil {
			return err
		}
		return s.audit(tx, AuditEntry{Actie: ActiePurge, Object: ObjectPersoon, ObjectID: id,
			Resultaat: "verwijderd", Domeinen: doms, Aantal: n})
	})
}

// personItems counts what removing a person takes away: detentions, consent-based
// topics and hulpvragen, and general topics; and the domains that held content.
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
	n := len(dets) + len(gen)
	var doms []Domain
	for _, d := range Domains() {
		if k := data[d].Items(); k > 0 {
			n += k
			doms = append(doms, d)
		}
	}
	return n, slices.Clip(doms), nil
}
