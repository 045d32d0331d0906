-- Verwerkingenlogging: one row per verwerkingsactie, chained by SHA-256 (app.AuditEntry.Seal).
-- No personal data: objects by internal id, sources by message kenmerk, no free text.
CREATE TABLE audit (
	id        INTEGER PRIMARY KEY AUTOINCREMENT,
	tijd      TEXT    NOT NULL,
	actie     TEXT    NOT NULL,
	object    TEXT    NOT NULL DEFAULT '',
	object_id INTEGER NOT NULL DEFAULT 0,
	resultaat TEXT    NOT NULL DEFAULT '',
	grondslag TEXT    NOT NULL DEFAULT '',
	actor     TEXT    NOT NULL DEFAULT '',
	bron      TEXT    NOT NULL DEFAULT '',
	domeinen  TEXT    NOT NULL DEFAULT '',
	aantal    INTEGER NOT NULL DEFAULT 0,
	prev_hash TEXT    NOT NULL,
	hash      TEXT    NOT NULL
) STRICT;
CREATE INDEX audit_tijd ON audit (tijd);
CREATE INDEX audit_object ON audit (object_id);
