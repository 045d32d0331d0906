package app

import (
	"context"
	"fmt"
)

// QuarantineList lists quarantined messages, newest first, without their bytes.
func (s *Service) QuarantineList(ctx context.Context) ([]Quarantined, error) {
	return read(ctx, s.store, func(tx ReadTx) ([]Quarantined, error) { return tx.QuarantineList() })
}

// QuarantineItem returns one quarantined message with its raw bytes.
func (s *Service) QuarantineItem(ctx context.Context, id int64) (*Quarantined, error) {
	return read(ctx, s.store, func(tx ReadTx) (*Quarantined, error) { return tx.QuarantineByID(id) })
}

// Retry imports a quarantined message again (after a settings change, say). When every
// message in it is imported or recognised as duplicate, the quarantine entry is removed;
// otherwise it stays, and the results say why.
func (s *Service) Retry(ctx context.Context, id int64) ([]Result, error) {
	q, err := s.QuarantineItem(ctx, id)
	if err != nil {
		return nil, err
	}
	items, err := s.dec.Extract(q.Bron, q.Raw)
	if ie, ok := AsInvalid(err); ok {
		return []Result{{Bron: q.Bron, Resultaat: Quarantaine, Reden: ie.Reden, QuarantineID: id}}, nil
	}
	if err != nil {
		return nil, err
	}
	results, ok, err := s.retryItems(ctx, q, items)
	if err != nil {
		return results, err
	}
	if !ok {
		return results, s.store.Update(ctx, func(tx Tx) error { return s.auditQuarantine(tx, id, "opnieuw-mislukt") })
	}
	return results, s.removeQuarantine(ctx, id, "opnieuw-geimporteerd")
}

func (s *Service) retryItems(ctx context.Context, q *Quarantined, items []Item) ([]Result, bool, error) {
	var results []Result
	allOK := true
	for _, it := range items {
		it.quarantineID = q.ID
		r, msg, err := s.tryImport(ctx, it)
		if ie, ok := AsInvalid(err); ok {
			r = Result{Bron: it.Bron, Resultaat: Quarantaine, Reden: ie.Reden, QuarantineID: q.ID}
			if msg != nil {
				r.Kenmerk, r.Soort = msg.Kenmerk, msg.Soort
			}
			allOK, err = false, nil
		}
		if err != nil {
			return results, false, fmt.Errorf("opnieuw importeren: %w", err)
		}
		results = append(results, r)
	}
	return results, allOK, nil
}

// Discard removes a quarantined message and its bytes irreversibly.
func (s *Service) Discard(ctx context.Context, id int64) error {
	return s.removeQuarantine(ctx, id, "verwijderd")
}

func (s *Service) removeQuarantine(ctx context.Context, id int64, resultaat string) error {
	return s.store.Update(ctx, func(tx Tx) error {
		q, err := tx.QuarantineByID(id)
		if err != nil {
			return err
		}
		if err := deleteQuarantine(tx, q); err != nil {
			return err
		}
		return s.auditQuarantine(tx, id, resultaat)
	})
}
