-- 0013: messages held for controle (issue 18 item 5).
--
-- A message whose BSN belongs to a stored person with another date of birth may be of
-- another person: its content is not applied but held here, with the raw bytes it was
-- parsed from, until a casemanager decides "zelfde persoon" (it is then applied as the
-- import would have) or "andere persoon" (a file of its own). It is personal data: it
-- goes with its person (ON DELETE CASCADE; the application counts it and queues its
-- mail first), with a revocation that reaches it, and at the quarantine term after
-- ontvangen. inhoud is the content hash (app.Message.ContentHash), so that the same
-- message arriving again is 'dubbel' and a reused kenmerk is recognised.
CREATE TABLE controle (
	id         INTEGER PRIMARY KEY,
	person_id  INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
	kenmerk    TEXT NOT NULL,
	soort      TEXT NOT NULL,
	bron       TEXT NOT NULL DEFAULT '',
	message_id TEXT NOT NULL DEFAULT '',
	verzonden  TEXT,
	ontvangen  TEXT NOT NULL,
	inhoud     TEXT NOT NULL DEFAULT '',
	raw        BLOB NOT NULL
) STRICT;

CREATE INDEX controle_person ON controle (person_id);
CREATE INDEX controle_kenmerk ON controle (kenmerk);
