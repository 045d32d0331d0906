package sqlite

import "github.com/terugkeer/terugkeer/storage/sqlstore"

// PendingMailDeletions runs sqlstore.PendingMailDeletions in this transaction.
func (r *reader) PendingMailDeletions() ([]string, error) { return sqlstore.PendingMailDeletions(r) }

// QueueMailDeletions runs sqlstore.QueueMailDeletions in this transaction.
func (w *writer) QueueMailDeletions(ids []string) error { return sqlstore.QueueMailDeletions(w, ids) }

// MailDeletionsDone runs sqlstore.MailDeletionsDone in this transaction.
func (w *writer) MailDeletionsDone(ids []string) error { return sqlstore.MailDeletionsDone(w, ids) }
