-- 0019: the import no longer pays for the Personen sorts of 0018 on every write (issue 19
-- item 2).
--
-- 1. The triggers of 0018 that keep the sort columns (the latest detention's inrichting
--    and status, the rank of each domain's list status) rewrote the person's row, and
--    the entries of every index holding a column they SET, for every row written to
--    consent_states, followups, plans or detentions, changed or not. Here each writes the
--    person only when a value differs ("IS NOT", as 0017's triggers do): a consent or
--    follow-up row its domain's rank alone, a plan (which moves all six) the six in one
--    statement; and an UPDATE fires them only for the columns the values depend on
--    (AFTER UPDATE OF).
--    The values are the ones 0018 computes; the conditions are the same.
-- 2. Each nullable sort key had two indexes: (key IS NULL, key, sorteernaam, id) for
--    ascending with the persons without a value last, and (key, sorteernaam, id), read
--    backwards, for descending. The first of each pair goes: a new person entered both.
--    Ascending now reads two ranges of the one index, the persons with a value (key >
--    NULL) and then those without (key IS NULL), as a UNION ALL of two ordered subqueries
--    (storage/sqlite/search.go, orderedPersons).

DROP INDEX persons_vrijlating_eerst;
DROP INDEX persons_geboortedatum_eerst;
DROP INDEX persons_inrichting_eerst;
DROP INDEX persons_status_eerst;
DROP INDEX persons_identiteitsbewijs_eerst;
DROP INDEX persons_onderdak_eerst;
DROP INDEX persons_werk_en_inkomen_eerst;
DROP INDEX persons_schulden_eerst;
DROP INDEX persons_zorg_eerst;
DROP INDEX persons_zorg_voor_thuis_eerst;

DROP TRIGGER consent_states_opvolging_insert;
DROP TRIGGER consent_states_opvolging_update;
DROP TRIGGER consent_states_opvolging_delete;
DROP TRIGGER followups_opvolging_insert;
DROP TRIGGER followups_opvolging_update;
DROP TRIGGER followups_opvolging_delete;
DROP TRIGGER plans_opvolging_insert;
DROP TRIGGER plans_opvolging_update;
DROP TRIGGER plans_opvolging_delete;
DROP TRIGGER detentions_laatste_insert;
DROP TRIGGER detentions_laatste_update;
DROP TRIGGER detentions_laatste_delete;

CREATE TRIGGER consent_states_opvolging_insert AFTER INSERT ON consent_states BEGIN
	UPDATE persons SET opvolging_identiteitsbewijs = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'identiteitsbewijs' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'identiteitsbewijs') END
	WHERE NEW.domain = 'identiteitsbewijs' AND id = NEW.person_id AND opvolging_identiteitsbewijs IS NOT CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'identiteitsbewijs' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'identiteitsbewijs') END;
	UPDATE persons SET opvolging_onderdak = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'onderdak' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'onderdak') END
	WHERE NEW.domain = 'onderdak' AND id = NEW.person_id AND opvolging_onderdak IS NOT CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'onderdak' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'onderdak') END;
	UPDATE persons SET opvolging_werk_en_inkomen = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'werk-en-inkomen' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'werk-en-inkomen') END
	WHERE NEW.domain = 'werk-en-inkomen' AND id = NEW.person_id AND opvolging_werk_en_inkomen IS NOT CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'werk-en-inkomen' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'werk-en-inkomen') END;
	UPDATE persons SET opvolging_schulden = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'schulden' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'schulden') END
	WHERE NEW.domain = 'schulden' AND id = NEW.person_id AND opvolging_schulden IS NOT CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'schulden' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'schulden') END;
	UPDATE persons SET opvolging_zorg = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg') END
	WHERE NEW.domain = 'zorg' AND id = NEW.person_id AND opvolging_zorg IS NOT CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg') END;
	UPDATE persons SET opvolging_zorg_voor_thuis = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg-voor-thuis' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg-voor-thuis') END
	WHERE NEW.domain = 'zorg-voor-thuis' AND id = NEW.person_id AND opvolging_zorg_voor_thuis IS NOT CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg-voor-thuis' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg-voor-thuis') END;
END;

CREATE TRIGGER consent_states_opvolging_update AFTER UPDATE OF person_id, domain, state ON consent_states BEGIN
	UPDATE persons SET opvolging_identiteitsbewijs = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'identiteitsbewijs' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'identiteitsbewijs') END
	WHERE OLD.domain = 'identiteitsbewijs' AND id = OLD.person_id AND opvolging_identiteitsbewijs IS NOT CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'identiteitsbewijs' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'identiteitsbewijs') END;
	UPDATE persons SET opvolging_identiteitsbewijs = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'identiteitsbewijs' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'identiteitsbewijs') END
	WHERE NEW.domain = 'identiteitsbewijs' AND id = NEW.person_id AND opvolging_identiteitsbewijs IS NOT CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'identiteitsbewijs' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'identiteitsbewijs') END;
	UPDATE persons SET opvolging_onderdak = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'onderdak' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'onderdak') END
	WHERE OLD.domain = 'onderdak' AND id = OLD.person_id AND opvolging_onderdak IS NOT CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'onderdak' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'onderdak') END;
	UPDATE persons SET opvolging_onderdak = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'onderdak' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'onderdak') END
	WHERE NEW.domain = 'onderdak' AND id = NEW.person_id AND opvolging_onderdak IS NOT CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'onderdak' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'onderdak') END;
	UPDATE persons SET opvolging_werk_en_inkomen = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'werk-en-inkomen' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'werk-en-inkomen') END
	WHERE OLD.domain = 'werk-en-inkomen' AND id = OLD.person_id AND opvolging_werk_en_inkomen IS NOT CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'werk-en-inkomen' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'werk-en-inkomen') END;
	UPDATE persons SET opvolging_werk_en_inkomen = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'werk-en-inkomen' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'werk-en-inkomen') END
	WHERE NEW.domain = 'werk-en-inkomen' AND id = NEW.person_id AND opvolging_werk_en_inkomen IS NOT CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'werk-en-inkomen' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'werk-en-inkomen') END;
	UPDATE persons SET opvolging_schulden = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'schulden' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'schulden') END
	WHERE OLD.domain = 'schulden' AND id = OLD.person_id AND opvolging_schulden IS NOT CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'schulden' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'schulden') END;
	UPDATE persons SET opvolging_schulden = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'schulden' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'schulden') END
	WHERE NEW.domain = 'schulden' AND id = NEW.person_id AND opvolging_schulden IS NOT CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'schulden' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'schulden') END;
	UPDATE persons SET opvolging_zorg = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg') END
	WHERE OLD.domain = 'zorg' AND id = OLD.person_id AND opvolging_zorg IS NOT CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg') END;
	UPDATE persons SET opvolging_zorg = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg') END
	WHERE NEW.domain = 'zorg' AND id = NEW.person_id AND opvolging_zorg IS NOT CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg') END;
	UPDATE persons SET opvolging_zorg_voor_thuis = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg-voor-thuis' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg-voor-thuis') END
	WHERE OLD.domain = 'zorg-voor-thuis' AND id = OLD.person_id AND opvolging_zorg_voor_thuis IS NOT CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg-voor-thuis' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg-voor-thuis') END;
	UPDATE persons SET opvolging_zorg_voor_thuis = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg-voor-thuis' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg-voor-thuis') END
	WHERE NEW.domain = 'zorg-voor-thuis' AND id = NEW.person_id AND opvolging_zorg_voor_thuis IS NOT CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg-voor-thuis' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg-voor-thuis') END;
END;

CREATE TRIGGER consent_states_opvolging_delete AFTER DELETE ON consent_states BEGIN
	UPDATE persons SET opvolging_identiteitsbewijs = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'identiteitsbewijs' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'identiteitsbewijs') END
	WHERE OLD.domain = 'identiteitsbewijs' AND id = OLD.person_id AND opvolging_identiteitsbewijs IS NOT CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'identiteitsbewijs' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'identiteitsbewijs') END;
	UPDATE persons SET opvolging_onderdak = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'onderdak' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'onderdak') END
	WHERE OLD.domain = 'onderdak' AND id = OLD.person_id AND opvolging_onderdak IS NOT CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'onderdak' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'onderdak') END;
	UPDATE persons SET opvolging_werk_en_inkomen = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'werk-en-inkomen' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'werk-en-inkomen') END
	WHERE OLD.domain = 'werk-en-inkomen' AND id = OLD.person_id AND opvolging_werk_en_inkomen IS NOT CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'werk-en-inkomen' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'werk-en-inkomen') END;
	UPDATE persons SET opvolging_schulden = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'schulden' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'schulden') END
	WHERE OLD.domain = 'schulden' AND id = OLD.person_id AND opvolging_schulden IS NOT CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'schulden' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'schulden') END;
	UPDATE persons SET opvolging_zorg = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg') END
	WHERE OLD.domain = 'zorg' AND id = OLD.person_id AND opvolging_zorg IS NOT CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg') END;
	UPDATE persons SET opvolging_zorg_voor_thuis = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg-voor-thuis' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg-voor-thuis') END
	WHERE OLD.domain = 'zorg-voor-thuis' AND id = OLD.person_id AND opvolging_zorg_voor_thuis IS NOT CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg-voor-thuis' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg-voor-thuis') END;
END;

CREATE TRIGGER followups_opvolging_insert AFTER INSERT ON followups BEGIN
	UPDATE persons SET opvolging_identiteitsbewijs = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'identiteitsbewijs' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'identiteitsbewijs') END
	WHERE NEW.domain = 'identiteitsbewijs' AND id = NEW.person_id AND opvolging_identiteitsbewijs IS NOT CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'identiteitsbewijs' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'identiteitsbewijs') END;
	UPDATE persons SET opvolging_onderdak = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'onderdak' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'onderdak') END
	WHERE NEW.domain = 'onderdak' AND id = NEW.person_id AND opvolging_onderdak IS NOT CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'onderdak' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'onderdak') END;
	UPDATE persons SET opvolging_werk_en_inkomen = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'werk-en-inkomen' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'werk-en-inkomen') END
	WHERE NEW.domain = 'werk-en-inkomen' AND id = NEW.person_id AND opvolging_werk_en_inkomen IS NOT CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'werk-en-inkomen' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'werk-en-inkomen') END;
	UPDATE persons SET opvolging_schulden = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'schulden' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'schulden') END
	WHERE NEW.domain = 'schulden' AND id = NEW.person_id AND opvolging_schulden IS NOT CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'schulden' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'schulden') END;
	UPDATE persons SET opvolging_zorg = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg') END
	WHERE NEW.domain = 'zorg' AND id = NEW.person_id AND opvolging_zorg IS NOT CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg') END;
	UPDATE persons SET opvolging_zorg_voor_thuis = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg-voor-thuis' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg-voor-thuis') END
	WHERE NEW.domain = 'zorg-voor-thuis' AND id = NEW.person_id AND opvolging_zorg_voor_thuis IS NOT CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg-voor-thuis' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg-voor-thuis') END;
END;

CREATE TRIGGER followups_opvolging_update AFTER UPDATE OF person_id, domain, status ON followups BEGIN
	UPDATE persons SET opvolging_identiteitsbewijs = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'identiteitsbewijs' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'identiteitsbewijs') END
	WHERE OLD.domain = 'identiteitsbewijs' AND id = OLD.person_id AND opvolging_identiteitsbewijs IS NOT CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'identiteitsbewijs' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'identiteitsbewijs') END;
	UPDATE persons SET opvolging_identiteitsbewijs = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'identiteitsbewijs' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'identiteitsbewijs') END
	WHERE NEW.domain = 'identiteitsbewijs' AND id = NEW.person_id AND opvolging_identiteitsbewijs IS NOT CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'identiteitsbewijs' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'identiteitsbewijs') END;
	UPDATE persons SET opvolging_onderdak = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'onderdak' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'onderdak') END
	WHERE OLD.domain = 'onderdak' AND id = OLD.person_id AND opvolging_onderdak IS NOT CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'onderdak' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'onderdak') END;
	UPDATE persons SET opvolging_onderdak = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'onderdak' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'onderdak') END
	WHERE NEW.domain = 'onderdak' AND id = NEW.person_id AND opvolging_onderdak IS NOT CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'onderdak' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'onderdak') END;
	UPDATE persons SET opvolging_werk_en_inkomen = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'werk-en-inkomen' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'werk-en-inkomen') END
	WHERE OLD.domain = 'werk-en-inkomen' AND id = OLD.person_id AND opvolging_werk_en_inkomen IS NOT CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'werk-en-inkomen' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'werk-en-inkomen') END;
	UPDATE persons SET opvolging_werk_en_inkomen = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'werk-en-inkomen' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'werk-en-inkomen') END
	WHERE NEW.domain = 'werk-en-inkomen' AND id = NEW.person_id AND opvolging_werk_en_inkomen IS NOT CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'werk-en-inkomen' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'werk-en-inkomen') END;
	UPDATE persons SET opvolging_schulden = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'schulden' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'schulden') END
	WHERE OLD.domain = 'schulden' AND id = OLD.person_id AND opvolging_schulden IS NOT CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'schulden' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'schulden') END;
	UPDATE persons SET opvolging_schulden = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'schulden' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'schulden') END
	WHERE NEW.domain = 'schulden' AND id = NEW.person_id AND opvolging_schulden IS NOT CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'schulden' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'schulden') END;
	UPDATE persons SET opvolging_zorg = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg') END
	WHERE OLD.domain = 'zorg' AND id = OLD.person_id AND opvolging_zorg IS NOT CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg') END;
	UPDATE persons SET opvolging_zorg = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg') END
	WHERE NEW.domain = 'zorg' AND id = NEW.person_id AND opvolging_zorg IS NOT CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg') END;
	UPDATE persons SET opvolging_zorg_voor_thuis = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg-voor-thuis' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg-voor-thuis') END
	WHERE OLD.domain = 'zorg-voor-thuis' AND id = OLD.person_id AND opvolging_zorg_voor_thuis IS NOT CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg-voor-thuis' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg-voor-thuis') END;
	UPDATE persons SET opvolging_zorg_voor_thuis = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg-voor-thuis' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg-voor-thuis') END
	WHERE NEW.domain = 'zorg-voor-thuis' AND id = NEW.person_id AND opvolging_zorg_voor_thuis IS NOT CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg-voor-thuis' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg-voor-thuis') END;
END;

CREATE TRIGGER followups_opvolging_delete AFTER DELETE ON followups BEGIN
	UPDATE persons SET opvolging_identiteitsbewijs = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'identiteitsbewijs' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'identiteitsbewijs') END
	WHERE OLD.domain = 'identiteitsbewijs' AND id = OLD.person_id AND opvolging_identiteitsbewijs IS NOT CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'identiteitsbewijs' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'identiteitsbewijs') END;
	UPDATE persons SET opvolging_onderdak = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'onderdak' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'onderdak') END
	WHERE OLD.domain = 'onderdak' AND id = OLD.person_id AND opvolging_onderdak IS NOT CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'onderdak' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'onderdak') END;
	UPDATE persons SET opvolging_werk_en_inkomen = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'werk-en-inkomen' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'werk-en-inkomen') END
	WHERE OLD.domain = 'werk-en-inkomen' AND id = OLD.person_id AND opvolging_werk_en_inkomen IS NOT CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'werk-en-inkomen' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'werk-en-inkomen') END;
	UPDATE persons SET opvolging_schulden = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'schulden' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'schulden') END
	WHERE OLD.domain = 'schulden' AND id = OLD.person_id AND opvolging_schulden IS NOT CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'schulden' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'schulden') END;
	UPDATE persons SET opvolging_zorg = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg') END
	WHERE OLD.domain = 'zorg' AND id = OLD.person_id AND opvolging_zorg IS NOT CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg') END;
	UPDATE persons SET opvolging_zorg_voor_thuis = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg-voor-thuis' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg-voor-thuis') END
	WHERE OLD.domain = 'zorg-voor-thuis' AND id = OLD.person_id AND opvolging_zorg_voor_thuis IS NOT CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg-voor-thuis' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg-voor-thuis') END;
END;

CREATE TRIGGER plans_opvolging_insert AFTER INSERT ON plans BEGIN
	UPDATE persons SET (opvolging_identiteitsbewijs, opvolging_onderdak, opvolging_werk_en_inkomen, opvolging_schulden, opvolging_zorg, opvolging_zorg_voor_thuis) = (CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'identiteitsbewijs' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'identiteitsbewijs') END,
	CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'onderdak' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'onderdak') END,
	CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'werk-en-inkomen' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'werk-en-inkomen') END,
	CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'schulden' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'schulden') END,
	CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg') END,
	CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg-voor-thuis' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg-voor-thuis') END)
	WHERE id = NEW.person_id AND (opvolging_identiteitsbewijs, opvolging_onderdak, opvolging_werk_en_inkomen, opvolging_schulden, opvolging_zorg, opvolging_zorg_voor_thuis) IS NOT (CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'identiteitsbewijs' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'identiteitsbewijs') END,
	CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'onderdak' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'onderdak') END,
	CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'werk-en-inkomen' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'werk-en-inkomen') END,
	CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'schulden' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'schulden') END,
	CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg') END,
	CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg-voor-thuis' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg-voor-thuis') END);
END;

CREATE TRIGGER plans_opvolging_delete AFTER DELETE ON plans BEGIN
	UPDATE persons SET (opvolging_identiteitsbewijs, opvolging_onderdak, opvolging_werk_en_inkomen, opvolging_schulden, opvolging_zorg, opvolging_zorg_voor_thuis) = (CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'identiteitsbewijs' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'identiteitsbewijs') END,
	CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'onderdak' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'onderdak') END,
	CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'werk-en-inkomen' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'werk-en-inkomen') END,
	CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'schulden' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'schulden') END,
	CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg') END,
	CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg-voor-thuis' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg-voor-thuis') END)
	WHERE id = OLD.person_id AND (opvolging_identiteitsbewijs, opvolging_onderdak, opvolging_werk_en_inkomen, opvolging_schulden, opvolging_zorg, opvolging_zorg_voor_thuis) IS NOT (CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'identiteitsbewijs' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'identiteitsbewijs') END,
	CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'onderdak' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'onderdak') END,
	CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'werk-en-inkomen' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'werk-en-inkomen') END,
	CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'schulden' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'schulden') END,
	CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg') END,
	CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg-voor-thuis' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg-voor-thuis') END);
END;

CREATE TRIGGER plans_opvolging_update AFTER UPDATE OF person_id ON plans BEGIN
	UPDATE persons SET (opvolging_identiteitsbewijs, opvolging_onderdak, opvolging_werk_en_inkomen, opvolging_schulden, opvolging_zorg, opvolging_zorg_voor_thuis) = (CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'identiteitsbewijs' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'identiteitsbewijs') END,
	CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'onderdak' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'onderdak') END,
	CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'werk-en-inkomen' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'werk-en-inkomen') END,
	CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'schulden' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'schulden') END,
	CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg') END,
	CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg-voor-thuis' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg-voor-thuis') END)
	WHERE id IN (OLD.person_id, NEW.person_id) AND (opvolging_identiteitsbewijs, opvolging_onderdak, opvolging_werk_en_inkomen, opvolging_schulden, opvolging_zorg, opvolging_zorg_voor_thuis) IS NOT (CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'identiteitsbewijs' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'identiteitsbewijs') END,
	CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'onderdak' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'onderdak') END,
	CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'werk-en-inkomen' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'werk-en-inkomen') END,
	CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'schulden' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'schulden') END,
	CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg') END,
	CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg-voor-thuis' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg-voor-thuis') END);
END;

CREATE TRIGGER detentions_laatste_insert AFTER INSERT ON detentions BEGIN
	UPDATE persons SET (laatste_detentie, vrijlating, inrichting, einddatum_status) = (SELECT x.id, x.einddatum, NULLIF(x.inrichting, ''), NULLIF(x.einddatum_status, '')
		FROM detentions x WHERE x.person_id = persons.id
		ORDER BY x.begindatum DESC, x.id DESC LIMIT 1)
	WHERE id = NEW.person_id AND (laatste_detentie, vrijlating, inrichting, einddatum_status) IS NOT (SELECT x.id, x.einddatum, NULLIF(x.inrichting, ''), NULLIF(x.einddatum_status, '')
		FROM detentions x WHERE x.person_id = persons.id
		ORDER BY x.begindatum DESC, x.id DESC LIMIT 1);
END;

CREATE TRIGGER detentions_laatste_update AFTER UPDATE OF id, person_id, begindatum, einddatum, inrichting, einddatum_status ON detentions BEGIN
	UPDATE persons SET (laatste_detentie, vrijlating, inrichting, einddatum_status) = (SELECT x.id, x.einddatum, NULLIF(x.inrichting, ''), NULLIF(x.einddatum_status, '')
		FROM detentions x WHERE x.person_id = persons.id
		ORDER BY x.begindatum DESC, x.id DESC LIMIT 1)
	WHERE id IN (OLD.person_id, NEW.person_id) AND (laatste_detentie, vrijlating, inrichting, einddatum_status) IS NOT (SELECT x.id, x.einddatum, NULLIF(x.inrichting, ''), NULLIF(x.einddatum_status, '')
		FROM detentions x WHERE x.person_id = persons.id
		ORDER BY x.begindatum DESC, x.id DESC LIMIT 1);
END;

CREATE TRIGGER detentions_laatste_delete AFTER DELETE ON detentions BEGIN
	UPDATE persons SET (laatste_detentie, vrijlating, inrichting, einddatum_status) = (SELECT x.id, x.einddatum, NULLIF(x.inrichting, ''), NULLIF(x.einddatum_status, '')
		FROM detentions x WHERE x.person_id = persons.id
		ORDER BY x.begindatum DESC, x.id DESC LIMIT 1)
	WHERE id = OLD.person_id AND (laatste_detentie, vrijlating, inrichting, einddatum_status) IS NOT (SELECT x.id, x.einddatum, NULLIF(x.inrichting, ''), NULLIF(x.einddatum_status, '')
		FROM detentions x WHERE x.person_id = persons.id
		ORDER BY x.begindatum DESC, x.id DESC LIMIT 1);
END;

