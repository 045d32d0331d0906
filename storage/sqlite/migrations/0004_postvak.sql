-- 0004: import from the team's mailbox over IMAP (the settings live in settings, keys imap.*;
-- the password never in the database).

-- One row per mailbox read (app.MailboxSettings.Sleutel): its last seen UIDVALIDITY.
CREATE TABLE imap_mailboxes (
	sleutel     TEXT PRIMARY KEY NOT NULL,
	uidvalidity INTEGER NOT NULL CHECK (uidvalidity >= 0)
) STRICT;

-- Mails of the current UIDVALIDITY that stay in the mailbox after their import (a
-- notification without a message) and are not fetched again. Mail that is moved needs no
-- row: it left the mailbox. Rows of mails that left the mailbox otherwise are pruned at
-- the next run. Message-ID and size recognise a notification after a UIDVALIDITY change.
CREATE TABLE imap_uids (
	sleutel    TEXT NOT NULL REFERENCES imap_mailboxes (sleutel) ON DELETE CASCADE,
	uid        INTEGER NOT NULL CHECK (uid > 0),
	message_id TEXT NOT NULL DEFAULT '',
	grootte    INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (sleutel, uid)
) STRICT, WITHOUT ROWID;

-- Identical raw bytes are quarantined once (storage.AddQuarantine returns the existing
-- entry): a mail fetched again after an interrupted run must not add a second entry.
-- Rows from before this step have no hash; AddQuarantine compares their bytes.
ALTER TABLE quarantine ADD COLUMN sha256 TEXT;
CREATE INDEX quarantine_sha256 ON quarantine (sha256);
