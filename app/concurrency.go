package app

import (
	"errors"
	"time"
)

// ErrChangedUnderneath says that what a form read has changed since: a colleague saved
// the same record meanwhile. Nothing was saved; the edge reads the record again and
// lets the user decide. A *ChangedError carries the record as it is now.
var ErrChangedUnderneath = errors.New("een collega heeft dit intussen gewijzigd; bekijk de nieuwe stand en sla zo nodig opnieuw op")

// ChangedError is ErrChangedUnderneath for a follow-up, with the follow-up as it is now
// (Current.Gewijzigd is the version to pass on a next attempt).
type ChangedError struct {
	Current Followup
}

func (e *ChangedError) Error() string { return ErrChangedUnderneath.Error() }

// Is makes errors.Is(err, ErrChangedUnderneath) hold.
func (e *ChangedError) Is(target error) bool { return target == ErrChangedUnderneath }

// Version is the version of a follow-up a form read: its Gewijzigd, the zero time for a
// domain without a recorded follow-up. Every save moves Gewijzigd forward (see
// nextGewijzigd), so an equal Gewijzigd means an unchanged record.
func (f Followup) Version() *time.Time {
	v := f.Gewijzigd
	return &v
}

// checkVersion refuses the save when the caller read another version of cur than the
// one stored now; a nil version skips the check (last writer wins, as the CLI does).
func checkVersion(cur Followup, version *time.Time) error {
	if version == nil || version.Equal(cur.Gewijzigd) {
		return nil
	}
	return &ChangedError{Current: cur}
}

// nextGewijzigd is the Gewijzigd of a save at now of a follow-up last saved at prev:
// now, or just after prev when the clock has not moved past it (a coarse or frozen
// clock), so that every save yields a new version.
func nextGewijzigd(now, prev time.Time) time.Time {
	now = now.UTC()
	if !now.After(prev) {
		return prev.UTC().Add(time.Microsecond)
	}
	return now
}
