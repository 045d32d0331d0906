-- 0011: no personal data left on the mail server (issue 17 item 3).

-- Mails to delete from the team's mailbox because a purge removed the data they carry
-- (a revocation, a newer informatieblad, a removal, retention, a quarantine entry
-- discarded, retried or expired). Written in the purge's own transaction, so the
-- deletion survives a crash and a mailbox that is offline; the mailbox import deletes
-- the mails from every folder it uses and then removes the row. Only the Message-ID is
-- kept: no personal data.
CREATE TABLE imap_verwijderen (
	message_id TEXT PRIMARY KEY NOT NULL CHECK (message_id <> '')
) STRICT, WITHOUT ROWID;

-- The Message-ID of the mail a quarantined message came in, so that discarding the
-- entry can take the mail in the quarantine folder with it.
ALTER TABLE quarantine ADD COLUMN message_id TEXT NOT NULL DEFAULT '';
