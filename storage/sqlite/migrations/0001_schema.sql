-- 0001: the first schema of Terugkeer.
--
-- Never edit this file once released: add a new numbered file instead. Dates are
-- YYYY-MM-DD text and times RFC 3339 UTC text with nine fraction digits (so that they
-- sort as text); NULL means unknown.

CREATE TABLE settings (
	key   TEXT PRIMARY KEY NOT NULL,
	value TEXT NOT NULL
) STRICT;

-- persons holds legal-basis data. zoek and sorteernaam are folded copies (lower case,
-- no diacritics) of the names and identifiers of the same row, for search and sorting.
CREATE TABLE persons (
	id                    INTEGER PRIMARY KEY AUTOINCREMENT,
	bsn                   TEXT UNIQUE CHECK (bsn IS NULL OR (length(bsn) = 9 AND bsn NOT GLOB '*[^0-9]*')),
	skn                   TEXT CHECK (skn IS NULL OR (skn <> '' AND skn NOT GLOB '*[^0-9]*')),
	voornamen             TEXT NOT NULL DEFAULT '',
	voorvoegsel           TEXT NOT NULL DEFAULT '',
	achternaam            TEXT NOT NULL DEFAULT '',
	geboortedatum         TEXT,
	controle_nodig        INTEGER NOT NULL DEFAULT 0 CHECK (controle_nodig IN (0, 1)),
	casemanager_naam      TEXT NOT NULL DEFAULT '',
	casemanager_telefoon  TEXT NOT NULL DEFAULT '',
	casemanager_email     TEXT NOT NULL DEFAULT '',
	casemanager_verzonden TEXT,
	aangemaakt            TEXT,
	zoek                  TEXT NOT NULL DEFAULT '',
	sorteernaam           TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX persons_skn ON persons (skn);
CREATE INDEX persons_sorteernaam ON persons (sorteernaam, id);

CREATE TABLE detentions (
	id               INTEGER PRIMARY KEY,
	person_id        INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
	inrichting_code  TEXT NOT NULL DEFAULT '',
	inrichting       TEXT NOT NULL DEFAULT '',
	begindatum       TEXT,
	einddatum        TEXT,
	einddatum_status TEXT NOT NULL DEFAULT '',
	verzonden        TEXT
) STRICT;

-- Serves Detentions (ordered by begindatum) and the latest detention per person.
CREATE INDEX detentions_person_begindatum ON detentions (person_id, begindatum, id);

-- Consent-based content: one row per answered topic of a domain, and the domain's
-- hulpvraag. A purge deletes rows here and nothing else holds a copy.
CREATE TABLE topics (
	person_id   INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
	domain      TEXT NOT NULL CHECK (domain <> ''),
	code        TEXT NOT NULL,
	antwoord    TEXT NOT NULL DEFAULT '',
	toelichting TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (person_id, code)
) STRICT;

CREATE INDEX topics_person_domain ON topics (person_id, domain);

CREATE TABLE hulpvragen (
	person_id INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
	domain    TEXT NOT NULL CHECK (domain <> ''),
	tekst     TEXT NOT NULL CHECK (tekst <> ''),
	PRIMARY KEY (person_id, domain)
) STRICT;

-- The general contact.* topics, held while at least one domain holds consent.
CREATE TABLE general_topics (
	person_id   INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
	code        TEXT NOT NULL,
	antwoord    TEXT NOT NULL DEFAULT '',
	toelichting TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (person_id, code)
) STRICT;

-- The consent ledger, keyed by pseudonymous person keys (app.PersonKeys), not by
-- person id, so that it outlives a removed person. Only the newest informatieblad
-- (by opgesteld) per key and domain is kept.
CREATE TABLE consents (
	key       TEXT NOT NULL,
	domain    TEXT NOT NULL CHECK (domain <> ''),
	opgesteld TEXT NOT NULL,
	gegeven   INTEGER NOT NULL CHECK (gegeven IN (0, 1)),
	PRIMARY KEY (key, domain)
) STRICT, WITHOUT ROWID;

-- The latest ondertekend date of a revocation per key and domain.
CREATE TABLE revocations (
	key         TEXT NOT NULL,
	domain      TEXT NOT NULL CHECK (domain <> ''),
	ondertekend TEXT NOT NULL,
	PRIMARY KEY (key, domain)
) STRICT, WITHOUT ROWID;

-- Every imported message, without content: deduplication and the timeline.
CREATE TABLE messages (
	kenmerk    TEXT PRIMARY KEY NOT NULL,
	soort      TEXT NOT NULL,
	verzonden  TEXT,
	ontvangen  TEXT,
	person_id  INTEGER REFERENCES persons (id) ON DELETE SET NULL,
	message_id TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX messages_person ON messages (person_id, verzonden);

-- Messages that could not be imported, with their raw bytes.
CREATE TABLE quarantine (
	id        INTEGER PRIMARY KEY AUTOINCREMENT,
	bron      TEXT NOT NULL,
	reden     TEXT NOT NULL,
	ontvangen TEXT,
	raw       BLOB NOT NULL
) STRICT;

CREATE INDEX quarantine_ontvangen ON quarantine (ontvangen, id);
