package sqlite

import (
	"time"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/storage/sqlstore"
)

// Followups runs sqlstore.Followups in this transaction.
func (r *reader) Followups(personID int64) (map[app.Domain]app.Followup, error) {
	return sqlstore.Followups(r, personID)
}

// ActionsDueBefore runs sqlstore.ActionsDueBefore in this transaction.
func (r *reader) ActionsDueBefore(d app.Date) ([]app.Followup, error) {
	return sqlstore.ActionsDueBefore(r, d)
}

// SaveFollowup runs sqlstore.SaveFollowup in this transaction.
func (w *writer) SaveFollowup(f app.Followup) error { return sqlstore.SaveFollowup(w, f) }

// FollowupHistory runs sqlstore.FollowupHistory in this transaction.
func (r *reader) FollowupHistory(personID int64) ([]app.StatusChange, error) {
	return sqlstore.FollowupHistory(r, personID)
}

// AddStatusChange runs sqlstore.AddStatusChange in this transaction.
func (w *writer) AddStatusChange(c app.StatusChange) error { return sqlstore.AddStatusChange(w, c) }

// MessagesSince runs sqlstore.MessagesSince in this transaction.
func (r *reader) MessagesSince(t time.Time) ([]app.MessageRecord, error) {
	return sqlstore.MessagesSince(r, t)
}
