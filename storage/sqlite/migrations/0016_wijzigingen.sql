-- 0016: the change counter (issue 16 item 4). Every write transaction that changed more
-- than the audit log (and its seal and the wipe record) raises teller by one just before
-- its commit (writer.bump), whichever process wrote: the desktop app, the CLI. An open
-- window polls it (DB.Changes) and shows again what another process changed. Looking at
-- a file writes only the audit log, so it does not count: two windows on the same person
-- do not refresh each other forever.
CREATE TABLE wijzigingen (
	id     INTEGER PRIMARY KEY CHECK (id = 1),
	teller INTEGER NOT NULL
) STRICT;

INSERT INTO wijzigingen (id, teller) VALUES (1, 0);
