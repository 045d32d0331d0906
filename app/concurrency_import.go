package app

import (
	"context"
	"errors"
)

// ImportLocker is a store that can make the mailbox import run in one process at a
// time for everyone who shares it (a team database). TryImportLock takes the lock
// without waiting: ok is false when another process holds it. release gives it back;
// the lock also goes when the process or its connection dies.
type ImportLocker interface {
	TryImportLock(ctx context.Context) (release func(), ok bool, err error)
}

// ErrImportBusy says another process (a colleague) is fetching the mailbox right now;
// nothing was fetched. Worded as the edges say it.
var ErrImportBusy = errors.New("een collega haalt het postvak al op; probeer het over een paar minuten opnieuw")

// LockImport takes the team-wide import lock for the length of a mailbox fetch, or
// fails with ErrImportBusy while another process holds it. A store without the
// capability (a SQLite file: one user at a time) locks nothing. Call release when the
// fetch is done.
func (s *Service) LockImport(ctx context.Context) (release func(), err error) {
	l, ok := s.store.(ImportLocker)
	if !ok {
		return func() {}, nil
	}
	release, ok, err = l.TryImportLock(ctx)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, ErrImportBusy
	}
	return release, nil
}
