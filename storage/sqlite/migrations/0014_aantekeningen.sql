-- 0014: notes (aantekeningen) per domain, beside the contacts (issue 18).
--
-- A note rests on what the domain's follow-up rests on: the domain's consent, or the
-- person's D&R-plan (art. 18a Pbw). PurgeDomainData deletes a domain's notes with its
-- follow-up and contacts (counted in the purge), and every note goes with its person
-- (ON DELETE CASCADE). The text (tekst) and the name (door) are personal data and never
-- copied into the audit log. gewijzigd is set when the note was corrected.
CREATE TABLE aantekeningen (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	person_id  INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
	domain     TEXT NOT NULL CHECK (domain IN ('identiteitsbewijs', 'onderdak',
	               'werk-en-inkomen', 'schulden', 'zorg', 'zorg-voor-thuis', 'sociaal-netwerk')),
	tekst      TEXT NOT NULL CHECK (tekst <> ''),
	vastgelegd TEXT NOT NULL,
	door       TEXT NOT NULL DEFAULT '',
	gewijzigd  TEXT
) STRICT;

CREATE INDEX aantekeningen_person ON aantekeningen (person_id, domain);
