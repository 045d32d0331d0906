-- 0007: every column of the Personen list sorts both ways from an index (issue 18 item 7),
-- as SQLite's 0018.
--
-- 1. The latest detention's inrichting and einddatum_status join laatste_detentie and
--    vrijlating on the person (NULL where there is none or it is empty), kept by
--    laatste_detentie_bijwerken (0001), replaced here.
-- 2. opvolging_<domain> holds the list status of each of the six domains as a rank
--    (app.DomainSortRank: where follow-up is allowed, consent ja or a D&R-plan, the
--    follow-up status in app.FollowupStatuses order, open 0 ... niet-bereikbaar 4, open
--    when none is recorded; NULL where follow-up is not allowed), kept by triggers on
--    consent_states, followups and plans.
-- 3. Each nullable sort key has two indexes: (key, sorteernaam, id) serves ascending
--    (PostgreSQL puts NULLs last), and (key NULLS FIRST, sorteernaam, id) read backwards
--    serves descending with NULLS LAST. vrijlating gets the second one too.

ALTER TABLE persons ADD COLUMN inrichting text COLLATE "C", ADD COLUMN einddatum_status text COLLATE "C",
	ADD COLUMN opvolging_identiteitsbewijs smallint,
	ADD COLUMN opvolging_onderdak smallint,
	ADD COLUMN opvolging_werk_en_inkomen smallint,
	ADD COLUMN opvolging_schulden smallint,
	ADD COLUMN opvolging_zorg smallint,
	ADD COLUMN opvolging_zorg_voor_thuis smallint;

CREATE OR REPLACE FUNCTION laatste_detentie_bijwerken(pid bigint) RETURNS void LANGUAGE sql AS $$
	UPDATE persons SET (laatste_detentie, vrijlating, inrichting, einddatum_status) = (
		SELECT x.id, x.einddatum, NULLIF(x.inrichting, ''), NULLIF(x.einddatum_status, '')
		FROM detentions x WHERE x.person_id = persons.id
		ORDER BY x.begindatum DESC NULLS LAST, x.id DESC LIMIT 1)
	WHERE id = pid;
$$;

UPDATE persons SET (inrichting, einddatum_status) = (
	SELECT NULLIF(d.inrichting, ''), NULLIF(d.einddatum_status, '') FROM detentions d WHERE d.id = persons.laatste_detentie)
WHERE laatste_detentie IS NOT NULL;

-- opvolging_bijwerken sets the six ranks of a person.
CREATE FUNCTION opvolging_bijwerken(pid bigint) RETURNS void LANGUAGE sql AS $$
	UPDATE persons SET
		opvolging_identiteitsbewijs = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
				OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'identiteitsbewijs' AND c.state = 'ja')
			THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
				WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
				FROM followups f WHERE f.person_id = persons.id AND f.domain = 'identiteitsbewijs') END,
		opvolging_onderdak = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
				OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'onderdak' AND c.state = 'ja')
			THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
				WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
				FROM followups f WHERE f.person_id = persons.id AND f.domain = 'onderdak') END,
		opvolging_werk_en_inkomen = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
				OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'werk-en-inkomen' AND c.state = 'ja')
			THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
				WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
				FROM followups f WHERE f.person_id = persons.id AND f.domain = 'werk-en-inkomen') END,
		opvolging_schulden = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
				OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'schulden' AND c.state = 'ja')
			THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
				WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
				FROM followups f WHERE f.person_id = persons.id AND f.domain = 'schulden') END,
		opvolging_zorg = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
				OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg' AND c.state = 'ja')
			THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
				WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
				FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg') END,
		opvolging_zorg_voor_thuis = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
				OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg-voor-thuis' AND c.state = 'ja')
			THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
				WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
				FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg-voor-thuis') END
	WHERE id = pid;
$$;

CREATE FUNCTION opvolging_rij() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP IN ('UPDATE', 'DELETE') THEN
		PERFORM opvolging_bijwerken(OLD.person_id);
	END IF;
	IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.person_id <> OLD.person_id) THEN
		PERFORM opvolging_bijwerken(NEW.person_id);
	END IF;
	RETURN NULL;
END;
$$;

CREATE TRIGGER consent_states_opvolging AFTER INSERT OR UPDATE OR DELETE ON consent_states
	FOR EACH ROW EXECUTE FUNCTION opvolging_rij();
CREATE TRIGGER followups_opvolging AFTER INSERT OR DELETE OR UPDATE OF status ON followups
	FOR EACH ROW EXECUTE FUNCTION opvolging_rij();
CREATE TRIGGER plans_opvolging AFTER INSERT OR UPDATE OR DELETE ON plans
	FOR EACH ROW EXECUTE FUNCTION opvolging_rij();

SELECT opvolging_bijwerken(id) FROM persons;

CREATE INDEX persons_vrijlating_aflopend ON persons (vrijlating NULLS FIRST, sorteernaam, id);
CREATE INDEX persons_geboortedatum ON persons (geboortedatum, sorteernaam, id);
CREATE INDEX persons_geboortedatum_aflopend ON persons (geboortedatum NULLS FIRST, sorteernaam, id);
CREATE INDEX persons_inrichting ON persons (inrichting, sorteernaam, id);
CREATE INDEX persons_inrichting_aflopend ON persons (inrichting NULLS FIRST, sorteernaam, id);
CREATE INDEX persons_status ON persons (einddatum_status, vrijlating, sorteernaam, id);
CREATE INDEX persons_status_aflopend ON persons (einddatum_status NULLS FIRST, vrijlating, sorteernaam, id);
CREATE INDEX persons_identiteitsbewijs ON persons (opvolging_identiteitsbewijs, sorteernaam, id);
CREATE INDEX persons_identiteitsbewijs_aflopend ON persons (opvolging_identiteitsbewijs NULLS FIRST, sorteernaam, id);
CREATE INDEX persons_onderdak ON persons (opvolging_onderdak, sorteernaam, id);
CREATE INDEX persons_onderdak_aflopend ON persons (opvolging_onderdak NULLS FIRST, sorteernaam, id);
CREATE INDEX persons_werk_en_inkomen ON persons (opvolging_werk_en_inkomen, sorteernaam, id);
CREATE INDEX persons_werk_en_inkomen_aflopend ON persons (opvolging_werk_en_inkomen NULLS FIRST, sorteernaam, id);
CREATE INDEX persons_schulden ON persons (opvolging_schulden, sorteernaam, id);
CREATE INDEX persons_schulden_aflopend ON persons (opvolging_schulden NULLS FIRST, sorteernaam, id);
CREATE INDEX persons_zorg ON persons (opvolging_zorg, sorteernaam, id);
CREATE INDEX persons_zorg_aflopend ON persons (opvolging_zorg NULLS FIRST, sorteernaam, id);
CREATE INDEX persons_zorg_voor_thuis ON persons (opvolging_zorg_voor_thuis, sorteernaam, id);
CREATE INDEX persons_zorg_voor_thuis_aflopend ON persons (opvolging_zorg_voor_thuis NULLS FIRST, sorteernaam, id);

ANALYZE persons;
