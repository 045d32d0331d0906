package app

import "context"

// StartTrajectForTest runs startTraject in its own transaction, for app_test.
func (s *Service) StartTrajectForTest(ctx context.Context, personID int64) error {
	return s.store.Update(ctx, func(tx Tx) error { return s.startTraject(tx, personID) })
}
