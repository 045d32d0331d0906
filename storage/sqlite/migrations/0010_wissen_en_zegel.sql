-- 0010: two facts kept in the database itself, so that they outlive the process that
-- wrote them and are seen by every other process.

-- A purge whose write-ahead log could not yet be emptied because another connection was
-- reading (storage.DB.Update). Written in the purge's own transaction; the next process
-- or command that opens the database, and the desktop app periodically, completes the
-- checkpoint and removes the row. volgnummer grows with every purge, so a process
-- removes the row only when no purge committed after its checkpoint started.
CREATE TABLE wisopdracht (
	id         INTEGER PRIMARY KEY CHECK (id = 1),
	volgnummer INTEGER NOT NULL CHECK (volgnummer > 0),
	sinds      TEXT NOT NULL
) STRICT;

-- The seal of the audit log: the number of entries, the anchor (the PrevHash of the
-- oldest remaining entry) and the hash of the newest, with an HMAC-SHA256 under the
-- installation key over the three (app.AuditSeal). Rewritten in every transaction that
-- appends to or prunes the log, so that removing entries at either end, or all of them,
-- no longer fits the seal, and a hand-made seal does not fit the MAC. The row is written
-- by the application right after this step (storage: sealAuditLog); a database without
-- it has been tampered with.
CREATE TABLE logboek_zegel (
	id      INTEGER PRIMARY KEY CHECK (id = 1),
	aantal  INTEGER NOT NULL CHECK (aantal >= 0),
	anker   TEXT NOT NULL,
	laatste TEXT NOT NULL,
	mac     TEXT NOT NULL
) STRICT;
