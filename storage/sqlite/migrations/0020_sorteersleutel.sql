-- 0020: the dashboard's overdue actions and the gemeente's agreements from an index in
-- their own order (issue 19 item 1).
--
-- Both lists sort by (date, the person's full name byte by byte, person id, domain in
-- app.Leefgebieden order, afspraak id; app/planstore.go). The name lived only on
-- persons, so every row sharing the oldest date was joined with its person and sorted
-- (808 overdue actions at 150,000 persons), and the count walked the closed actions too.
--
-- 1. volledige_naam on followups and plan_agreements: app.Person.FullName of the row's
--    person (the non-empty voornamen, voorvoegsel and achternaam joined by one space),
--    filled here and kept by triggers: a row inserted (or moved to another person) gets
--    its person's name when it does not hold it already, and a change of a person's
--    names is written to all of its rows. PostgreSQL has the same column (its 0009), so
--    that db migreer copies it.
-- 2. Partial indexes of only the open rows in exactly the lists' order (the domain's
--    rank as the expression storage/sqlite/dashboard.go's domainRank writes), so that
--    the first 50 are an index range that stops after 50 and the overdue count walks
--    only the open actions (status last in followups_verlopen: the count, which names
--    it, reads the index alone).

ALTER TABLE followups ADD COLUMN volledige_naam TEXT NOT NULL DEFAULT '';
ALTER TABLE plan_agreements ADD COLUMN volledige_naam TEXT NOT NULL DEFAULT '';

UPDATE followups SET volledige_naam = (SELECT concat_ws(' ', NULLIF(p.voornamen, ''), NULLIF(p.voorvoegsel, ''),
	NULLIF(p.achternaam, '')) FROM persons p WHERE p.id = followups.person_id);
UPDATE plan_agreements SET volledige_naam = (SELECT concat_ws(' ', NULLIF(p.voornamen, ''), NULLIF(p.voorvoegsel, ''),
	NULLIF(p.achternaam, '')) FROM persons p WHERE p.id = plan_agreements.person_id);

CREATE TRIGGER followups_volledige_naam AFTER INSERT ON followups
	WHEN NEW.volledige_naam IS NOT (SELECT concat_ws(' ', NULLIF(p.voornamen, ''), NULLIF(p.voorvoegsel, ''),
		NULLIF(p.achternaam, '')) FROM persons p WHERE p.id = NEW.person_id) BEGIN
	UPDATE followups SET volledige_naam = (SELECT concat_ws(' ', NULLIF(p.voornamen, ''), NULLIF(p.voorvoegsel, ''),
		NULLIF(p.achternaam, '')) FROM persons p WHERE p.id = NEW.person_id)
	WHERE person_id = NEW.person_id AND domain = NEW.domain;
END;

CREATE TRIGGER followups_volledige_naam_update AFTER UPDATE OF person_id, volledige_naam ON followups
	WHEN NEW.volledige_naam IS NOT (SELECT concat_ws(' ', NULLIF(p.voornamen, ''), NULLIF(p.voorvoegsel, ''),
		NULLIF(p.achternaam, '')) FROM persons p WHERE p.id = NEW.person_id) BEGIN
	UPDATE followups SET volledige_naam = (SELECT concat_ws(' ', NULLIF(p.voornamen, ''), NULLIF(p.voorvoegsel, ''),
		NULLIF(p.achternaam, '')) FROM persons p WHERE p.id = NEW.person_id)
	WHERE person_id = NEW.person_id AND domain = NEW.domain;
END;

CREATE TRIGGER plan_agreements_volledige_naam AFTER INSERT ON plan_agreements
	WHEN NEW.volledige_naam IS NOT (SELECT concat_ws(' ', NULLIF(p.voornamen, ''), NULLIF(p.voorvoegsel, ''),
		NULLIF(p.achternaam, '')) FROM persons p WHERE p.id = NEW.person_id) BEGIN
	UPDATE plan_agreements SET volledige_naam = (SELECT concat_ws(' ', NULLIF(p.voornamen, ''), NULLIF(p.voorvoegsel, ''),
		NULLIF(p.achternaam, '')) FROM persons p WHERE p.id = NEW.person_id)
	WHERE person_id = NEW.person_id AND afspraak_id = NEW.afspraak_id;
END;

CREATE TRIGGER plan_agreements_volledige_naam_update AFTER UPDATE OF person_id, volledige_naam ON plan_agreements
	WHEN NEW.volledige_naam IS NOT (SELECT concat_ws(' ', NULLIF(p.voornamen, ''), NULLIF(p.voorvoegsel, ''),
		NULLIF(p.achternaam, '')) FROM persons p WHERE p.id = NEW.person_id) BEGIN
	UPDATE plan_agreements SET volledige_naam = (SELECT concat_ws(' ', NULLIF(p.voornamen, ''), NULLIF(p.voorvoegsel, ''),
		NULLIF(p.achternaam, '')) FROM persons p WHERE p.id = NEW.person_id)
	WHERE person_id = NEW.person_id AND afspraak_id = NEW.afspraak_id;
END;

CREATE TRIGGER persons_volledige_naam AFTER UPDATE OF voornamen, voorvoegsel, achternaam ON persons
	WHEN OLD.voornamen IS NOT NEW.voornamen OR OLD.voorvoegsel IS NOT NEW.voorvoegsel
		OR OLD.achternaam IS NOT NEW.achternaam BEGIN
	UPDATE followups SET volledige_naam = concat_ws(' ', NULLIF(NEW.voornamen, ''), NULLIF(NEW.voorvoegsel, ''),
		NULLIF(NEW.achternaam, '')) WHERE person_id = NEW.id;
	UPDATE plan_agreements SET volledige_naam = concat_ws(' ', NULLIF(NEW.voornamen, ''), NULLIF(NEW.voorvoegsel, ''),
		NULLIF(NEW.achternaam, '')) WHERE person_id = NEW.id;
END;

CREATE INDEX followups_verlopen ON followups (actiedatum, volledige_naam, person_id,
	CASE domain WHEN 'identiteitsbewijs' THEN 0 WHEN 'onderdak' THEN 1 WHEN 'werk-en-inkomen' THEN 2
		WHEN 'schulden' THEN 3 WHEN 'zorg' THEN 4 WHEN 'zorg-voor-thuis' THEN 5 WHEN 'sociaal-netwerk' THEN 6 ELSE 0 END,
	status)
	WHERE actiedatum IS NOT NULL AND status NOT IN ('geregeld', 'niet-nodig');

CREATE INDEX plan_agreements_gemeente_naam ON plan_agreements (datum, volledige_naam, person_id,
	CASE domain WHEN 'identiteitsbewijs' THEN 0 WHEN 'onderdak' THEN 1 WHEN 'werk-en-inkomen' THEN 2
		WHEN 'schulden' THEN 3 WHEN 'zorg' THEN 4 WHEN 'zorg-voor-thuis' THEN 5 WHEN 'sociaal-netwerk' THEN 6 ELSE 0 END,
	afspraak_id)
	WHERE wie = 'gemeente' AND status IN ('open', 'lopend');

-- The undated ones, probed for each person released in the window: the person first,
-- and every column the probe reads (the name and domain for the order, the conditions),
-- so that it reads neither the table nor the wider plan_agreements_gemeente_datum (two
-- probes a person there, one per status). 5,964 entries at 150,000 persons.
CREATE INDEX plan_agreements_gemeente_zonder_datum ON plan_agreements (person_id, volledige_naam, domain, datum, wie, status)
	WHERE datum IS NULL AND wie = 'gemeente' AND status IN ('open', 'lopend');
