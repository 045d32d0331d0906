-- 0009: format v2 (berichtformaat-v2.md): the D&R-plan under art. 18a Pbw, follow-up on
-- the seventh domain, and the date consent was last given.
--
-- 1. Each person's current D&R-plan (v2 rule 2: one current plan, the newest by opgesteld,
--    on the same day by verzonden) with its leefgebieden, topics, goals and agreements.
--    A newer plan replaces every row of the previous one (storage.ReplacePlan: a purge,
--    with secure-delete and the WAL checkpoint). The rows go with their person
--    (ON DELETE CASCADE). Everything here rests on art. 18a Pbw, never on consent: no
--    intrekking touches it. volgorde keeps the plan's document order.

CREATE TABLE plans (
	person_id INTEGER PRIMARY KEY REFERENCES persons (id) ON DELETE CASCADE,
	kenmerk   TEXT NOT NULL CHECK (kenmerk <> ''),
	opgesteld TEXT NOT NULL,
	verzonden TEXT NOT NULL,
	grondslag TEXT NOT NULL CHECK (grondslag = 'art-18a-pbw')
) STRICT;

CREATE TABLE plan_leefgebieden (
	person_id INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
	domain    TEXT NOT NULL CHECK (domain IN ('identiteitsbewijs', 'onderdak', 'werk-en-inkomen',
	              'schulden', 'zorg', 'zorg-voor-thuis', 'sociaal-netwerk')),
	volgorde  INTEGER NOT NULL,
	situatie  TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (person_id, domain)
) STRICT, WITHOUT ROWID;

-- Topics per leefgebied; domain '' holds the plan's general contact.* topics.
CREATE TABLE plan_topics (
	person_id   INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
	domain      TEXT NOT NULL CHECK (domain IN ('', 'identiteitsbewijs', 'onderdak', 'werk-en-inkomen',
	                'schulden', 'zorg', 'zorg-voor-thuis')),
	code        TEXT NOT NULL,
	volgorde    INTEGER NOT NULL,
	antwoord    TEXT NOT NULL DEFAULT '',
	toelichting TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (person_id, code)
) STRICT, WITHOUT ROWID;

CREATE TABLE plan_goals (
	person_id INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
	domain    TEXT NOT NULL CHECK (domain IN ('identiteitsbewijs', 'onderdak', 'werk-en-inkomen',
	              'schulden', 'zorg', 'zorg-voor-thuis', 'sociaal-netwerk')),
	volgorde  INTEGER NOT NULL,
	tekst     TEXT NOT NULL CHECK (tekst <> ''),
	PRIMARY KEY (person_id, domain, volgorde)
) STRICT, WITHOUT ROWID;

-- Agreements: afspraak_id is unique within the plan and stable across its versions.
CREATE TABLE plan_agreements (
	person_id   INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
	afspraak_id TEXT NOT NULL CHECK (afspraak_id <> ''),
	domain      TEXT NOT NULL CHECK (domain IN ('identiteitsbewijs', 'onderdak', 'werk-en-inkomen',
	                'schulden', 'zorg', 'zorg-voor-thuis', 'sociaal-netwerk')),
	volgorde    INTEGER NOT NULL,
	wie         TEXT NOT NULL CHECK (wie IN ('gemeente', 'dji', 'gedetineerde', 'reclassering', 'ketenpartner')),
	status      TEXT NOT NULL CHECK (status IN ('open', 'lopend', 'afgerond', 'vervallen')),
	datum       TEXT,
	tekst       TEXT NOT NULL CHECK (tekst <> ''),
	PRIMARY KEY (person_id, afspraak_id)
) STRICT, WITHOUT ROWID;

-- Serves the dashboard's afspraak-gemeente signal (v2 rule 4) by datum, undated first.
CREATE INDEX plan_agreements_gemeente ON plan_agreements (datum, person_id)
	WHERE wie = 'gemeente' AND status IN ('open', 'lopend');

-- 2. Follow-up on every leefgebied while a person has a plan (v2 rule 3): the three
--    follow-up tables of 0003 accept sociaal-netwerk. SQLite cannot change a CHECK, so
--    each table is rebuilt (migrate runs with foreign keys off; nothing refers to these
--    tables) and keeps its AUTOINCREMENT counter, so that no id is handed out twice.

CREATE TABLE followups_0009 (
	person_id         INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
	domain            TEXT NOT NULL CHECK (domain IN ('identiteitsbewijs', 'onderdak',
	                      'werk-en-inkomen', 'schulden', 'zorg', 'zorg-voor-thuis', 'sociaal-netwerk')),
	status            TEXT NOT NULL CHECK (status IN ('open', 'in-behandeling', 'geregeld',
	                      'niet-nodig', 'niet-bereikbaar')),
	verantwoordelijke TEXT NOT NULL DEFAULT '',
	actie             TEXT NOT NULL DEFAULT '',
	actiedatum        TEXT,
	gewijzigd         TEXT NOT NULL,
	PRIMARY KEY (person_id, domain),
	CHECK ((actie = '') = (actiedatum IS NULL))
) STRICT, WITHOUT ROWID;
INSERT INTO followups_0009 SELECT person_id, domain, status, verantwoordelijke, actie, actiedatum, gewijzigd
	FROM followups;
DROP TABLE followups;
ALTER TABLE followups_0009 RENAME TO followups;
CREATE INDEX followups_actie ON followups (actiedatum, status) WHERE actiedatum IS NOT NULL;

CREATE TABLE followup_history_0009 (
	id        INTEGER PRIMARY KEY AUTOINCREMENT,
	person_id INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
	domain    TEXT NOT NULL CHECK (domain IN ('identiteitsbewijs', 'onderdak',
	              'werk-en-inkomen', 'schulden', 'zorg', 'zorg-voor-thuis', 'sociaal-netwerk')),
	tijd      TEXT NOT NULL,
	door      TEXT NOT NULL DEFAULT '',
	van       TEXT NOT NULL,
	naar      TEXT NOT NULL
) STRICT;
INSERT INTO followup_history_0009 SELECT id, person_id, domain, tijd, door, van, naar FROM followup_history;
DELETE FROM sqlite_sequence WHERE name = 'followup_history_0009';
INSERT INTO sqlite_sequence (name, seq)
	SELECT 'followup_history_0009', seq FROM sqlite_sequence WHERE name = 'followup_history';
DROP TABLE followup_history;
ALTER TABLE followup_history_0009 RENAME TO followup_history;
CREATE INDEX followup_history_person ON followup_history (person_id, domain);

CREATE TABLE contacts_0009 (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	person_id  INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
	domain     TEXT NOT NULL CHECK (domain IN ('identiteitsbewijs', 'onderdak',
	               'werk-en-inkomen', 'schulden', 'zorg', 'zorg-voor-thuis', 'sociaal-netwerk', 'algemeen')),
	tijd       TEXT NOT NULL,
	kanaal     TEXT NOT NULL CHECK (kanaal IN ('telefoon', 'e-mail', 'brief', 'bezoek-pi',
	               'huisbezoek', 'via-casemanager-dji', 'overleg-ketenpartner')),
	met        TEXT NOT NULL DEFAULT '',
	notitie    TEXT NOT NULL DEFAULT '',
	vastgelegd TEXT NOT NULL,
	door       TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO contacts_0009 SELECT id, person_id, domain, tijd, kanaal, met, notitie, vastgelegd, door FROM contacts;
DELETE FROM sqlite_sequence WHERE name = 'contacts_0009';
INSERT INTO sqlite_sequence (name, seq)
	SELECT 'contacts_0009', seq FROM sqlite_sequence WHERE name = 'contacts';
DROP TABLE contacts;
ALTER TABLE contacts_0009 RENAME TO contacts;
CREATE INDEX contacts_person ON contacts (person_id, domain);

-- 3. The v1 precision (berichtformaat-v2.md, "Version 1, made precise"): a domain that an
--    informatieblad consented to and a newer one no longer does is ingetrokken, not nee,
--    in any arrival order. The ledger keeps, beside the newest sheet's consent, the
--    opgesteld of the newest sheet that gave consent (NULL: none did). Rows from before
--    this step know only their newest sheet: gegeven_op is that sheet's date when it gave
--    consent.
ALTER TABLE consents ADD COLUMN gegeven_op TEXT;
UPDATE consents SET gegeven_op = opgesteld WHERE gegeven = 1;
