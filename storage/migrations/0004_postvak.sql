-- 0004: import from the team's mailbox over IMAP (the settings live in settings, keys imap.*;
-- the password never in the database).

-- One row per mailbox read (app.MailboxSettings.Sleutel): its last seen UIDVALIDITY.
CREATE TABLE imap_mailboxes (
	sleutel     TEXT PRIMARY KEY NOT NULL,
	uidvalidity INTEGER NOT NULL CHECK (uidvalidity >= 0)
) STRICT;

-- What became of a mail of the current UIDVALIDITY that is still in the mailbox: doel is
-- the folder it is being moved to after its import committed ('' : a notification without
-- a message, which stays and is not fetched again). Rows of mails that left the mailbox
-- are pruned at the next run.
CREATE TABLE imap_uids (
	sleutel    TEXT NOT NULL REFERENCES imap_mailboxes (sleutel) ON DELETE CASCADE,
	uid        INTEGER NOT NULL CHECK (uid > 0),
	doel       TEXT NOT NULL DEFAULT '',
	message_id TEXT NOT NULL DEFAULT '',
	grootte    INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (sleutel, uid)
) STRICT, WITHOUT ROWID;

-- Identical raw bytes are quarantined once (storage.AddQuarantine returns the existing
-- entry): a mail fetched again after an interrupted run must not add a second entry.
-- Rows from before this step have no hash; AddQuarantine compares their bytes.
ALTER TABLE quarantine ADD COLUMN sha256 TEXT;
CREATE INDEX quarantine_sha256 ON quarantine (sha256);
