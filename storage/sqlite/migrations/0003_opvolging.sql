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
