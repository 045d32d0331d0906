package app

import (
	"context"
	"slices"
)

// A purge takes the server copies of the purged data with it: the mails in the team's
// mailbox (every folder the mailbox import uses) that carried a message whose data is
// gone. The rule of which mails must go is here; the store records them, by Message-ID
// only, in the purge's own transaction; the mailbox import deletes them at its next run
// and retries what it could not reach.

// MailDeletionReadTx lists the mails still to be deleted from the mail server.
type MailDeletionReadTx interface {
	// PendingMailDeletions returns the Message-IDs whose server copies are still to be
	// deleted, sorted.
	PendingMailDeletions() ([]string, error)
}

// MailDeletionTx records and completes mail deletions. Only Message-IDs are stored.
type MailDeletionTx interface {
	// QueueMailDeletions records Message-IDs whose mails must be deleted; "" and IDs
	// already queued are ignored.
	QueueMailDeletions(messageIDs []string) error
	// MailDeletionsDone forgets Message-IDs whose mails are gone from every folder.
	MailDeletionsDone(messageIDs []string) error
}

// consentKinds are the messages whose mails hold data under consent: a revocation
// purges it from the database, so their server copies go too. A D&R-plan rests on
// art. 18a Pbw and stays after a revocation, and so does its mail.
var consentKinds = []Kind{Informatieblad}

// queuePersonMails queues the mails of a person's messages of the given kinds, or of
// all their messages when no kind is given. The message being imported is not among
// them: it is recorded after its purges.
func queuePersonMails(tx Tx, personID int64, kinds ...Kind) error {
	msgs, err := tx.Messages(personID)
	if err != nil {
		return err
	}
	var ids []string
	for _, m := range msgs {
		if m.MessageID != "" && (len(kinds) == 0 || slices.Contains(kinds, m.Soort)) {
			ids = append(ids, m.MessageID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	return tx.QueueMailDeletions(ids)
}

// deletePerson removes a person and queues the deletion of all their mails, those of
// their messages held for controle included (the held rows go with the person).
func deletePerson(tx Tx, id int64) error {
	if err := queuePersonMails(tx, id); err != nil {
		return err
	}
	if _, err := heldMails(tx, id); err != nil {
		return err
	}
	return tx.DeletePerson(id)
}

// deleteQuarantine removes a quarantine entry and queues the deletion of its mail.
func deleteQuarantine(tx Tx, q *Quarantined) error {
	if q.MessageID != "" {
		if err := tx.QueueMailDeletions([]string{q.MessageID}); err != nil {
			return err
		}
	}
	return tx.DeleteQuarantine(q.ID)
}

// purgedKinds returns the kinds of a person's earlier messages whose data a message's
// consent purges removed: a revocation takes consent data away; a newer informatieblad
// replaces the earlier sheets. (A newer D&R-plan's purge is in drPlan.)
func purgedKinds(m *Message) []Kind {
	switch m.Soort {
	case Intrekking:
		return consentKinds
	case Informatieblad:
		return []Kind{Informatieblad}
	}
	return nil
}

// PendingMailDeletions returns the Message-IDs whose mails the mailbox import must
// still delete from the server.
func (s *Service) PendingMailDeletions(ctx context.Context) ([]string, error) {
	return read(ctx, s.store, func(tx ReadTx) ([]string, error) { return tx.PendingMailDeletions() })
}

// MailDeletionsDone records that these mails are gone from the server.
func (s *Service) MailDeletionsDone(ctx context.Context, messageIDs []string) error {
	if len(messageIDs) == 0 {
		return nil
	}
	return s.store.Update(ctx, func(tx Tx) error { return tx.MailDeletionsDone(messageIDs) })
}
