-- 0009: the dashboard's overdue actions and the gemeente's agreements from an index in
-- their own order (issue 16 item 9, issue 19 item 1); SQLite's 0020.
--
-- Both lists sort by (date, the person's full name byte by byte, person id, domain in
-- app.Leefgebieden order, afspraak id; app/planstore.go). The name lived only on
-- persons, so every row sharing the oldest date was joined with its person and sorted
-- (808 overdue actions at 150,000 persons: 4,727 buffers, 6-7 ms), and the count walked
-- the closed actions too.
--
-- 1. volledige_naam on followups and plan_agreements: app.Person.FullName of the row's
--    person (the non-empty voornamen, voorvoegsel and achternaam joined by one space),
--    filled here and kept by triggers in the same transaction as every write, whichever
--    path made it (import, follow-up, plan, corrections, db migreer's COPY): a row
--    inserted or moved to another person takes its person's name (BEFORE: no second
--    write), and a change of a person's names is written to all of its rows.
-- 2. Partial indexes of only the open rows in exactly the lists' order (the domain's
--    rank as the expression storage/postgres/dashboard.go's domainRank writes), so that
--    the first 50 are an index range that stops after 50 and the overdue count is an
--    index-only scan of the open actions (followups_verlopen_datum).

ALTER TABLE followups ADD COLUMN volledige_naam text COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE plan_agreements ADD COLUMN volledige_naam text COLLATE "C" NOT NULL DEFAULT '';

-- volledige_naam_van is app.Person.FullName of person pid ('' when there is none: the
-- foreign key then refuses the row as before).
CREATE FUNCTION volledige_naam_van(pid bigint) RETURNS text LANGUAGE sql STABLE AS $$
	SELECT COALESCE((SELECT concat_ws(' ', NULLIF(p.voornamen, ''), NULLIF(p.voorvoegsel, ''), NULLIF(p.achternaam, ''))
		FROM persons p WHERE p.id = pid), '')
$$;

UPDATE followups f SET volledige_naam = concat_ws(' ', NULLIF(p.voornamen, ''), NULLIF(p.voorvoegsel, ''), NULLIF(p.achternaam, ''))
	FROM persons p WHERE p.id = f.person_id;
UPDATE plan_agreements a SET volledige_naam = concat_ws(' ', NULLIF(p.voornamen, ''), NULLIF(p.voorvoegsel, ''), NULLIF(p.achternaam, ''))
	FROM persons p WHERE p.id = a.person_id;

CREATE FUNCTION volledige_naam_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	NEW.volledige_naam := volledige_naam_van(NEW.person_id);
	RETURN NEW;
END;
$$;

CREATE TRIGGER followups_volledige_naam BEFORE INSERT OR UPDATE OF person_id, volledige_naam
	ON followups FOR EACH ROW EXECUTE FUNCTION volledige_naam_trigger();
CREATE TRIGGER plan_agreements_volledige_naam BEFORE INSERT OR UPDATE OF person_id, volledige_naam
	ON plan_agreements FOR EACH ROW EXECUTE FUNCTION volledige_naam_trigger();

CREATE FUNCTION persons_volledige_naam_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	naam text := concat_ws(' ', NULLIF(NEW.voornamen, ''), NULLIF(NEW.voorvoegsel, ''), NULLIF(NEW.achternaam, ''));
BEGIN
	UPDATE followups SET volledige_naam = naam WHERE person_id = NEW.id AND volledige_naam <> naam;
	UPDATE plan_agreements SET volledige_naam = naam WHERE person_id = NEW.id AND volledige_naam <> naam;
	RETURN NULL;
END;
$$;

CREATE TRIGGER persons_volledige_naam AFTER UPDATE OF voornamen, voorvoegsel, achternaam ON persons
	FOR EACH ROW WHEN (OLD.voornamen IS DISTINCT FROM NEW.voornamen OR OLD.voorvoegsel IS DISTINCT FROM NEW.voorvoegsel
		OR OLD.achternaam IS DISTINCT FROM NEW.achternaam)
	EXECUTE FUNCTION persons_volledige_naam_trigger();

CREATE INDEX followups_verlopen ON followups (actiedatum, volledige_naam, person_id,
	(CASE domain WHEN 'identiteitsbewijs' THEN 0 WHEN 'onderdak' THEN 1 WHEN 'werk-en-inkomen' THEN 2
		WHEN 'schulden' THEN 3 WHEN 'zorg' THEN 4 WHEN 'zorg-voor-thuis' THEN 5 WHEN 'sociaal-netwerk' THEN 6 ELSE 0 END))
	WHERE actiedatum IS NOT NULL AND status NOT IN ('geregeld', 'niet-nodig');

-- The overdue count: the open actions' dates alone (264 kB at 150,000 persons), which the
-- planner takes over followups_actie (which holds the closed ones too, 1 MB) where it
-- would not take followups_verlopen (3.8 MB with the names).
CREATE INDEX followups_verlopen_datum ON followups (actiedatum)
	WHERE actiedatum IS NOT NULL AND status NOT IN ('geregeld', 'niet-nodig');

CREATE INDEX plan_agreements_gemeente_naam ON plan_agreements (datum, volledige_naam, person_id,
	(CASE domain WHEN 'identiteitsbewijs' THEN 0 WHEN 'onderdak' THEN 1 WHEN 'werk-en-inkomen' THEN 2
		WHEN 'schulden' THEN 3 WHEN 'zorg' THEN 4 WHEN 'zorg-voor-thuis' THEN 5 WHEN 'sociaal-netwerk' THEN 6 ELSE 0 END),
	afspraak_id)
	WHERE wie = 'gemeente' AND status IN ('open', 'lopend');
