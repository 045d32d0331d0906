package app

import (
	"context"
	"reflect"
)

// ChangeCounter is a store that counts its committed changes, so that an open window can
// show what another casemanager (or the CLI, another process on the same file) changed.
// Changes returns a number that moves after every committed write transaction that
// changed more than the audit log; the same number means nothing a window shows changed.
// Looking at a file writes an audit entry only and does not move it.
type ChangeCounter interface {
	Changes(ctx context.Context) (int64, error)
}

// Changes returns the store's change counter; always 0 on a store that keeps none.
func (s *Service) Changes(ctx context.Context) (int64, error) {
	if c, ok := s.store.(ChangeCounter); ok {
		return c.Changes(ctx)
	}
	return 0, nil
}

// RefreshPersonFile reads person id's file again for a window that shows shown (after
// the change counter moved). When the file is what shown holds, it returns nil and
// records nothing: nothing new is seen, and the read takes no write lock. Otherwise it
// returns the file as PersonFile does, inzage recorded. ErrNotFound when the person is
// gone.
func (s *Service) RefreshPersonFile(ctx context.Context, id int64, shown *PersonFile) (*PersonFile, error) {
	if shown != nil {
		var now *PersonFile
		err := s.dryRun(ctx, func(tx Tx) error {
			var err error
			now, err = s.readPersonFile(tx, id)
			return err
		})
		if err != nil {
			return nil, err
		}
		if reflect.DeepEqual(now, shown) {
			return nil, nil
		}
	}
	return s.PersonFile(ctx, id)
}
