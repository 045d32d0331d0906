-- The schema at version 8 (migrations 0001-0008 as released), frozen for
-- TestMigrateFromFrozenSchema8: never edit this file.

-- ==== 0001_schema.sql as released
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

-- ==== 0002_audit.sql as released
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

-- ==== 0003_opvolging.sql as released
-- 0003: follow-up per domain (basisvoorwaarde) and the contact log.
--
-- Everything here rests on consent, except contacts of domain 'algemeen': PurgeDomainData
-- deletes a domain's rows from all three tables, and every row goes with its person
-- (ON DELETE CASCADE). Free text (actie, met, notitie, verantwoordelijke, door) is
-- personal data and never copied into the audit log.

-- One row per person and domain once follow-up was recorded; without a row a consented
-- domain counts as 'open'. actie and actiedatum are set together or not at all.
CREATE TABLE followups (
	person_id         INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
	domain            TEXT NOT NULL CHECK (domain IN ('identiteitsbewijs', 'onderdak',
	                      'werk-en-inkomen', 'schulden', 'zorg', 'zorg-voor-thuis')),
	status            TEXT NOT NULL CHECK (status IN ('open', 'in-behandeling', 'geregeld',
	                      'niet-nodig', 'niet-bereikbaar')),
	verantwoordelijke TEXT NOT NULL DEFAULT '',
	actie             TEXT NOT NULL DEFAULT '',
	actiedatum        TEXT,
	gewijzigd         TEXT NOT NULL,
	PRIMARY KEY (person_id, domain),
	CHECK ((actie = '') = (actiedatum IS NULL))
) STRICT, WITHOUT ROWID;

-- Serves the dashboard's overdue actions.
CREATE INDEX followups_actiedatum ON followups (actiedatum) WHERE actiedatum IS NOT NULL;

-- Status changes: who (the configured user name), when, from and to.
CREATE TABLE followup_history (
	id        INTEGER PRIMARY KEY AUTOINCREMENT,
	person_id INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
	domain    TEXT NOT NULL CHECK (domain IN ('identiteitsbewijs', 'onderdak',
	              'werk-en-inkomen', 'schulden', 'zorg', 'zorg-voor-thuis')),
	tijd      TEXT NOT NULL,
	door      TEXT NOT NULL DEFAULT '',
	van       TEXT NOT NULL,
	naar      TEXT NOT NULL
) STRICT;

CREATE INDEX followup_history_person ON followup_history (person_id, domain);

-- The contact log: tijd is when the contact took place (UTC), vastgelegd when it was
-- recorded.
CREATE TABLE contacts (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	person_id  INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
	domain     TEXT NOT NULL CHECK (domain IN ('identiteitsbewijs', 'onderdak',
	               'werk-en-inkomen', 'schulden', 'zorg', 'zorg-voor-thuis', 'algemeen')),
	tijd       TEXT NOT NULL,
	kanaal     TEXT NOT NULL CHECK (kanaal IN ('telefoon', 'e-mail', 'brief', 'bezoek-pi',
	               'huisbezoek', 'via-casemanager-dji', 'overleg-ketenpartner')),
	met        TEXT NOT NULL DEFAULT '',
	notitie    TEXT NOT NULL DEFAULT '',
	vastgelegd TEXT NOT NULL,
	door       TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX contacts_person ON contacts (person_id, domain);

-- ==== 0004_postvak.sql as released
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

-- ==== 0005_traject.sql as released
-- 0005: the case lifecycle (traject) per person, needed for the retention terms of the
-- Selectielijst gemeenten. A person without a row is 'aangemeld'. The row goes with
-- the person (ON DELETE CASCADE). No free text: status, outcome and dates only.
CREATE TABLE trajecten (
	person_id  INTEGER PRIMARY KEY REFERENCES persons (id) ON DELETE CASCADE,
	status     TEXT NOT NULL CHECK (status IN ('aangemeld', 'in-behandeling', 'afgesloten')),
	uitkomst   TEXT NOT NULL DEFAULT '' CHECK (uitkomst IN ('', 'met-maatregelen', 'zonder-maatregelen')),
	afgesloten TEXT,
	CHECK ((status = 'afgesloten') = (uitkomst <> '' AND afgesloten IS NOT NULL))
) STRICT;

-- ==== 0006_schaal.sql as released
-- 0006: person lists at national scale (150,000 persons; docs/performance.md).
--
-- 1. The latest detention (greatest begindatum, then greatest id: the last of
--    Detentions) is kept on the person by triggers, so that lists join it by id and
--    sort and filter on its einddatum through an index, instead of a correlated
--    subquery per person and a sort of every row.
-- 2. A trigram full-text index over persons.zoek (the folded names, BSN and SKN) lets
--    a search word of three or more letters find its persons without reading them
--    all. secure-delete removes a deleted person's entries from the index itself, not
--    just from its view, so rule 5 (nothing left in the file) holds for it too.

ALTER TABLE persons ADD COLUMN laatste_detentie INTEGER; -- detentions.id; NULL without one
ALTER TABLE persons ADD COLUMN vrijlating TEXT;          -- its einddatum; NULL when unknown

UPDATE persons SET (laatste_detentie, vrijlating) = (
	SELECT x.id, x.einddatum FROM detentions x WHERE x.person_id = persons.id
	ORDER BY x.begindatum DESC, x.id DESC LIMIT 1);

CREATE TRIGGER detentions_laatste_insert AFTER INSERT ON detentions BEGIN
	UPDATE persons SET (laatste_detentie, vrijlating) = (
		SELECT x.id, x.einddatum FROM detentions x WHERE x.person_id = persons.id
		ORDER BY x.begindatum DESC, x.id DESC LIMIT 1)
	WHERE id = NEW.person_id;
END;

CREATE TRIGGER detentions_laatste_update AFTER UPDATE ON detentions BEGIN
	UPDATE persons SET (laatste_detentie, vrijlating) = (
		SELECT x.id, x.einddatum FROM detentions x WHERE x.person_id = persons.id
		ORDER BY x.begindatum DESC, x.id DESC LIMIT 1)
	WHERE id IN (OLD.person_id, NEW.person_id);
END;

CREATE TRIGGER detentions_laatste_delete AFTER DELETE ON detentions BEGIN
	UPDATE persons SET (laatste_detentie, vrijlating) = (
		SELECT x.id, x.einddatum FROM detentions x WHERE x.person_id = persons.id
		ORDER BY x.begindatum DESC, x.id DESC LIMIT 1)
	WHERE id = OLD.person_id;
END;

-- The release window (ReleaseFrom/ReleaseTo, sorted by date) and the unfiltered sort
-- by release (persons without a date last).
CREATE INDEX persons_vrijlating ON persons (vrijlating, sorteernaam, id);
CREATE INDEX persons_vrijlating_eerst ON persons ((vrijlating IS NULL), vrijlating, sorteernaam, id);

CREATE VIRTUAL TABLE persons_zoek USING fts5(zoek, content = 'persons', content_rowid = 'id',
	tokenize = 'trigram');
INSERT INTO persons_zoek (persons_zoek, rank) VALUES ('secure-delete', 1);
INSERT INTO persons_zoek (persons_zoek) VALUES ('rebuild');

CREATE TRIGGER persons_zoek_insert AFTER INSERT ON persons BEGIN
	INSERT INTO persons_zoek (rowid, zoek) VALUES (NEW.id, NEW.zoek);
END;

CREATE TRIGGER persons_zoek_delete AFTER DELETE ON persons BEGIN
	INSERT INTO persons_zoek (persons_zoek, rowid, zoek) VALUES ('delete', OLD.id, OLD.zoek);
END;

CREATE TRIGGER persons_zoek_update AFTER UPDATE OF zoek ON persons WHEN OLD.zoek IS NOT NEW.zoek BEGIN
	INSERT INTO persons_zoek (persons_zoek, rowid, zoek) VALUES ('delete', OLD.id, OLD.zoek);
	INSERT INTO persons_zoek (rowid, zoek) VALUES (NEW.id, NEW.zoek);
END;

-- ==== 0007_dashboard.sql as released
-- 0007: the dashboard at national scale (150,000 persons; docs/performance.md).
--
-- Each signal and the arrivals are an index range that stops after the rows shown,
-- plus a count(*) over the same range; none reads every person or message.
-- 1. "verwachte einddatum verstreken": the detentions whose einddatum is still
--    verwacht, by einddatum; the query keeps those that are their person's latest
--    (persons.laatste_detentie, migration 0006).
-- 2. "actie verlopen": actions by date with their status, so that counting the open
--    ones reads the index only. It replaces 0003's index on actiedatum alone.
-- 3. The newest messages since the user last looked, and their number.
-- 4. "controle nodig": the few flagged persons, in name order.

CREATE INDEX detentions_verwacht ON detentions (einddatum) WHERE einddatum_status = 'verwacht';

CREATE INDEX followups_actie ON followups (actiedatum, status) WHERE actiedatum IS NOT NULL;
DROP INDEX followups_actiedatum;

CREATE INDEX messages_ontvangen ON messages (ontvangen DESC, kenmerk);

CREATE INDEX persons_controle ON persons (sorteernaam, id) WHERE controle_nodig = 1;

-- ==== 0008_toestemmingsstand.sql as released
-- 0008: the effective consent per person and domain, for filters and the dashboard.
--
-- The consent ledger (consents, revocations) is keyed by pseudonymous HMAC keys, so SQL
-- cannot join it to persons. The application writes here, after every message it
-- applies, the effective state (app.Effective) of each domain of the person that is
-- ja, nee or ingetrokken; a domain without a row is onbekend. The rows go with their
-- person (ON DELETE CASCADE). They hold no content: the same states show --json and the
-- person screen show.
CREATE TABLE consent_states (
	person_id INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
	domain    TEXT NOT NULL CHECK (domain IN ('identiteitsbewijs', 'onderdak',
	              'werk-en-inkomen', 'schulden', 'zorg', 'zorg-voor-thuis')),
	state     TEXT NOT NULL CHECK (state IN ('ja', 'nee', 'ingetrokken')),
	PRIMARY KEY (person_id, domain)
) STRICT, WITHOUT ROWID;

-- Serves "every person whose <domain> is <state>" in the person filters.
CREATE INDEX consent_states_domain ON consent_states (domain, state, person_id);

-- Persons stored before this step get their rows from the application at its next
-- start (app.Service.Prepare), which then deletes this marker. A new, empty database
-- needs nothing.
INSERT INTO settings (key, value)
	SELECT 'toestemmingsstand-bijwerken', '1' WHERE EXISTS (SELECT 1 FROM persons);

