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
