-- 0005: the change counter (issue 16 item 4); the meaning of SQLite's 0016. Every write
-- transaction that changed more than the audit log and its seal raises teller by one as
-- its last statement before the commit (writer.bump), under the write lock: a window
-- that polls it (DB.Changes) sees the new value together with what was committed, and
-- shows again what a colleague changed. Looking at a file writes only the audit log, so
-- it does not count. The group roles get their rights on it as on every table (the
-- owner's default privileges, or the GRANT ... ON ALL TABLES of RolesSQL).
CREATE TABLE wijzigingen (
	id     integer PRIMARY KEY CHECK (id = 1),
	teller bigint NOT NULL
);

INSERT INTO wijzigingen (id, teller) VALUES (1, 0);
