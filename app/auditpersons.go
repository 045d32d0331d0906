package app

import (
	"context"
	"errors"
)

// AuditPerson is how the Logboek names a person its entries refer to: the name and the
// masked BSN, read from the file as it is now. The log itself holds only the number.
type AuditPerson struct {
	Naam string
	BSN  string // masked: *****0019
}

// AuditPersons names the persons behind the log's person numbers. A removed person has
// no entry in the result (the log outlives the file). Reading names for the log is not an
// inzage of the file: it writes no audit entry.
func (s *Service) AuditPersons(ctx context.Context, ids []int64) (map[int64]AuditPerson, error) {
	return read(ctx, s.store, func(tx ReadTx) (map[int64]AuditPerson, error) {
		out := map[int64]AuditPerson{}
		for _, id := range ids {
			if _, done := out[id]; done {
				continue
			}
			p, err := tx.PersonByID(id)
			if errors.Is(err, ErrNotFound) {
				continue
			}
			if err != nil {
				return nil, err
			}
			out[id] = AuditPerson{Naam: p.FullName(), BSN: MaskBSN(p.BSN)}
		}
		return out, nil
	})
}
