-- 0018: every column of the Personen list sorts both ways from an index (issue 18 item 7).
--
-- 1. The latest detention's inrichting and einddatum_status join laatste_detentie and
--    vrijlating on the person (NULL where there is none or it is empty), kept by the
--    detention triggers of 0006, replaced here, so that the sorts by inrichting and by
--    status walk an index instead of sorting all persons.
-- 2. opvolging_<domain> holds the list status of each of the six domains as a rank
--    (app.DomainSortRank: where follow-up is allowed, consent ja or a D&R-plan, the
--    follow-up status in app.FollowupStatuses order, open 0 ... niet-bereikbaar 4, open
--    when none is recorded; NULL where follow-up is not allowed), kept by triggers on
--    consent_states, followups and plans.
-- 3. Each nullable sort key has two indexes, as vrijlating has since 0006: (key IS NULL,
--    key, sorteernaam, id) serves ascending with the persons without a value last, and
--    (key, sorteernaam, id) read backwards serves descending (NULL is smallest, so last).

ALTER TABLE persons ADD COLUMN inrichting TEXT;       -- of laatste_detentie; NULL when none or ''
ALTER TABLE persons ADD COLUMN einddatum_status TEXT; -- of laatste_detentie; NULL when none or ''
ALTER TABLE persons ADD COLUMN opvolging_identiteitsbewijs INTEGER;
ALTER TABLE persons ADD COLUMN opvolging_onderdak INTEGER;
ALTER TABLE persons ADD COLUMN opvolging_werk_en_inkomen INTEGER;
ALTER TABLE persons ADD COLUMN opvolging_schulden INTEGER;
ALTER TABLE persons ADD COLUMN opvolging_zorg INTEGER;
ALTER TABLE persons ADD COLUMN opvolging_zorg_voor_thuis INTEGER;

UPDATE persons SET (inrichting, einddatum_status) = (
	SELECT NULLIF(d.inrichting, ''), NULLIF(d.einddatum_status, '') FROM detentions d WHERE d.id = persons.laatste_detentie);

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
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg-voor-thuis') END;

DROP TRIGGER detentions_laatste_insert;
DROP TRIGGER detentions_laatste_update;
DROP TRIGGER detentions_laatste_delete;

CREATE TRIGGER detentions_laatste_insert AFTER INSERT ON detentions BEGIN
	UPDATE persons SET (laatste_detentie, vrijlating, inrichting, einddatum_status) = (
		SELECT x.id, x.einddatum, NULLIF(x.inrichting, ''), NULLIF(x.einddatum_status, '')
		FROM detentions x WHERE x.person_id = persons.id
		ORDER BY x.begindatum DESC, x.id DESC LIMIT 1)
	WHERE id = NEW.person_id;
END;

CREATE TRIGGER detentions_laatste_update AFTER UPDATE ON detentions BEGIN
	UPDATE persons SET (laatste_detentie, vrijlating, inrichting, einddatum_status) = (
		SELECT x.id, x.einddatum, NULLIF(x.inrichting, ''), NULLIF(x.einddatum_status, '')
		FROM detentions x WHERE x.person_id = persons.id
		ORDER BY x.begindatum DESC, x.id DESC LIMIT 1)
	WHERE id IN (OLD.person_id, NEW.person_id);
END;

CREATE TRIGGER detentions_laatste_delete AFTER DELETE ON detentions BEGIN
	UPDATE persons SET (laatste_detentie, vrijlating, inrichting, einddatum_status) = (
		SELECT x.id, x.einddatum, NULLIF(x.inrichting, ''), NULLIF(x.einddatum_status, '')
		FROM detentions x WHERE x.person_id = persons.id
		ORDER BY x.begindatum DESC, x.id DESC LIMIT 1)
	WHERE id = OLD.person_id;
END;

CREATE TRIGGER consent_states_opvolging_insert AFTER INSERT ON consent_states BEGIN
	UPDATE persons SET opvolging_identiteitsbewijs = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'identiteitsbewijs' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'identiteitsbewijs') END
	WHERE NEW.domain = 'identiteitsbewijs' AND id = NEW.person_id;
	UPDATE persons SET opvolging_onderdak = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'onderdak' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'onderdak') END
	WHERE NEW.domain = 'onderdak' AND id = NEW.person_id;
	UPDATE persons SET opvolging_werk_en_inkomen = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'werk-en-inkomen' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'werk-en-inkomen') END
	WHERE NEW.domain = 'werk-en-inkomen' AND id = NEW.person_id;
	UPDATE persons SET opvolging_schulden = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'schulden' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'schulden') END
	WHERE NEW.domain = 'schulden' AND id = NEW.person_id;
	UPDATE persons SET opvolging_zorg = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg') END
	WHERE NEW.domain = 'zorg' AND id = NEW.person_id;
	UPDATE persons SET opvolging_zorg_voor_thuis = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg-voor-thuis' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg-voor-thuis') END
	WHERE NEW.domain = 'zorg-voor-thuis' AND id = NEW.person_id;
END;

CREATE TRIGGER consent_states_opvolging_update AFTER UPDATE ON consent_states BEGIN
	UPDATE persons SET opvolging_identiteitsbewijs = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'identiteitsbewijs' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'identiteitsbewijs') END
	WHERE OLD.domain = 'identiteitsbewijs' AND id = OLD.person_id;
	UPDATE persons SET opvolging_onderdak = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'onderdak' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'onderdak') END
	WHERE OLD.domain = 'onderdak' AND id = OLD.person_id;
	UPDATE persons SET opvolging_werk_en_inkomen = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'werk-en-inkomen' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'werk-en-inkomen') END
	WHERE OLD.domain = 'werk-en-inkomen' AND id = OLD.person_id;
	UPDATE persons SET opvolging_schulden = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'schulden' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'schulden') END
	WHERE OLD.domain = 'schulden' AND id = OLD.person_id;
	UPDATE persons SET opvolging_zorg = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg') END
	WHERE OLD.domain = 'zorg' AND id = OLD.person_id;
	UPDATE persons SET opvolging_zorg_voor_thuis = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg-voor-thuis' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg-voor-thuis') END
	WHERE OLD.domain = 'zorg-voor-thuis' AND id = OLD.person_id;
	UPDATE persons SET opvolging_identiteitsbewijs = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'identiteitsbewijs' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'identiteitsbewijs') END
	WHERE NEW.domain = 'identiteitsbewijs' AND id = NEW.person_id;
	UPDATE persons SET opvolging_onderdak = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'onderdak' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'onderdak') END
	WHERE NEW.domain = 'onderdak' AND id = NEW.person_id;
	UPDATE persons SET opvolging_werk_en_inkomen = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'werk-en-inkomen' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'werk-en-inkomen') END
	WHERE NEW.domain = 'werk-en-inkomen' AND id = NEW.person_id;
	UPDATE persons SET opvolging_schulden = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'schulden' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'schulden') END
	WHERE NEW.domain = 'schulden' AND id = NEW.person_id;
	UPDATE persons SET opvolging_zorg = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg') END
	WHERE NEW.domain = 'zorg' AND id = NEW.person_id;
	UPDATE persons SET opvolging_zorg_voor_thuis = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg-voor-thuis' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg-voor-thuis') END
	WHERE NEW.domain = 'zorg-voor-thuis' AND id = NEW.person_id;
END;

CREATE TRIGGER consent_states_opvolging_delete AFTER DELETE ON consent_states BEGIN
	UPDATE persons SET opvolging_identiteitsbewijs = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'identiteitsbewijs' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'identiteitsbewijs') END
	WHERE OLD.domain = 'identiteitsbewijs' AND id = OLD.person_id;
	UPDATE persons SET opvolging_onderdak = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'onderdak' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'onderdak') END
	WHERE OLD.domain = 'onderdak' AND id = OLD.person_id;
	UPDATE persons SET opvolging_werk_en_inkomen = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'werk-en-inkomen' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'werk-en-inkomen') END
	WHERE OLD.domain = 'werk-en-inkomen' AND id = OLD.person_id;
	UPDATE persons SET opvolging_schulden = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'schulden' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'schulden') END
	WHERE OLD.domain = 'schulden' AND id = OLD.person_id;
	UPDATE persons SET opvolging_zorg = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg') END
	WHERE OLD.domain = 'zorg' AND id = OLD.person_id;
	UPDATE persons SET opvolging_zorg_voor_thuis = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg-voor-thuis' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg-voor-thuis') END
	WHERE OLD.domain = 'zorg-voor-thuis' AND id = OLD.person_id;
END;

CREATE TRIGGER followups_opvolging_insert AFTER INSERT ON followups BEGIN
	UPDATE persons SET opvolging_identiteitsbewijs = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'identiteitsbewijs' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'identiteitsbewijs') END
	WHERE NEW.domain = 'identiteitsbewijs' AND id = NEW.person_id;
	UPDATE persons SET opvolging_onderdak = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'onderdak' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'onderdak') END
	WHERE NEW.domain = 'onderdak' AND id = NEW.person_id;
	UPDATE persons SET opvolging_werk_en_inkomen = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'werk-en-inkomen' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'werk-en-inkomen') END
	WHERE NEW.domain = 'werk-en-inkomen' AND id = NEW.person_id;
	UPDATE persons SET opvolging_schulden = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'schulden' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'schulden') END
	WHERE NEW.domain = 'schulden' AND id = NEW.person_id;
	UPDATE persons SET opvolging_zorg = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg') END
	WHERE NEW.domain = 'zorg' AND id = NEW.person_id;
	UPDATE persons SET opvolging_zorg_voor_thuis = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg-voor-thuis' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg-voor-thuis') END
	WHERE NEW.domain = 'zorg-voor-thuis' AND id = NEW.person_id;
END;

CREATE TRIGGER followups_opvolging_update AFTER UPDATE OF status ON followups BEGIN
	UPDATE persons SET opvolging_identiteitsbewijs = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'identiteitsbewijs' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'identiteitsbewijs') END
	WHERE OLD.domain = 'identiteitsbewijs' AND id = OLD.person_id;
	UPDATE persons SET opvolging_onderdak = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'onderdak' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'onderdak') END
	WHERE OLD.domain = 'onderdak' AND id = OLD.person_id;
	UPDATE persons SET opvolging_werk_en_inkomen = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'werk-en-inkomen' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'werk-en-inkomen') END
	WHERE OLD.domain = 'werk-en-inkomen' AND id = OLD.person_id;
	UPDATE persons SET opvolging_schulden = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'schulden' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'schulden') END
	WHERE OLD.domain = 'schulden' AND id = OLD.person_id;
	UPDATE persons SET opvolging_zorg = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg') END
	WHERE OLD.domain = 'zorg' AND id = OLD.person_id;
	UPDATE persons SET opvolging_zorg_voor_thuis = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg-voor-thuis' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg-voor-thuis') END
	WHERE OLD.domain = 'zorg-voor-thuis' AND id = OLD.person_id;
	UPDATE persons SET opvolging_identiteitsbewijs = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'identiteitsbewijs' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'identiteitsbewijs') END
	WHERE NEW.domain = 'identiteitsbewijs' AND id = NEW.person_id;
	UPDATE persons SET opvolging_onderdak = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'onderdak' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'onderdak') END
	WHERE NEW.domain = 'onderdak' AND id = NEW.person_id;
	UPDATE persons SET opvolging_werk_en_inkomen = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'werk-en-inkomen' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'werk-en-inkomen') END
	WHERE NEW.domain = 'werk-en-inkomen' AND id = NEW.person_id;
	UPDATE persons SET opvolging_schulden = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'schulden' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'schulden') END
	WHERE NEW.domain = 'schulden' AND id = NEW.person_id;
	UPDATE persons SET opvolging_zorg = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg') END
	WHERE NEW.domain = 'zorg' AND id = NEW.person_id;
	UPDATE persons SET opvolging_zorg_voor_thuis = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg-voor-thuis' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg-voor-thuis') END
	WHERE NEW.domain = 'zorg-voor-thuis' AND id = NEW.person_id;
END;

CREATE TRIGGER followups_opvolging_delete AFTER DELETE ON followups BEGIN
	UPDATE persons SET opvolging_identiteitsbewijs = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'identiteitsbewijs' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'identiteitsbewijs') END
	WHERE OLD.domain = 'identiteitsbewijs' AND id = OLD.person_id;
	UPDATE persons SET opvolging_onderdak = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'onderdak' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'onderdak') END
	WHERE OLD.domain = 'onderdak' AND id = OLD.person_id;
	UPDATE persons SET opvolging_werk_en_inkomen = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'werk-en-inkomen' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'werk-en-inkomen') END
	WHERE OLD.domain = 'werk-en-inkomen' AND id = OLD.person_id;
	UPDATE persons SET opvolging_schulden = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'schulden' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'schulden') END
	WHERE OLD.domain = 'schulden' AND id = OLD.person_id;
	UPDATE persons SET opvolging_zorg = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg') END
	WHERE OLD.domain = 'zorg' AND id = OLD.person_id;
	UPDATE persons SET opvolging_zorg_voor_thuis = CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = persons.id)
			OR EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.domain = 'zorg-voor-thuis' AND c.state = 'ja')
		THEN (SELECT CASE COALESCE(max(f.status), 'open') WHEN 'open' THEN 0 WHEN 'in-behandeling' THEN 1
			WHEN 'geregeld' THEN 2 WHEN 'niet-nodig' THEN 3 WHEN 'niet-bereikbaar' THEN 4 END
			FROM followups f WHERE f.person_id = persons.id AND f.domain = 'zorg-voor-thuis') END
	WHERE OLD.domain = 'zorg-voor-thuis' AND id = OLD.person_id;
END;

CREATE TRIGGER plans_opvolging_insert AFTER INSERT ON plans BEGIN
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
	WHERE id = NEW.person_id;
END;

CREATE TRIGGER plans_opvolging_delete AFTER DELETE ON plans BEGIN
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
	WHERE id = OLD.person_id;
END;

CREATE TRIGGER plans_opvolging_update AFTER UPDATE OF person_id ON plans BEGIN
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
	WHERE id IN (OLD.person_id, NEW.person_id);
END;

CREATE INDEX persons_geboortedatum ON persons (geboortedatum, sorteernaam, id);
CREATE INDEX persons_geboortedatum_eerst ON persons ((geboortedatum IS NULL), geboortedatum, sorteernaam, id);
CREATE INDEX persons_inrichting ON persons (inrichting, sorteernaam, id);
CREATE INDEX persons_inrichting_eerst ON persons ((inrichting IS NULL), inrichting, sorteernaam, id);
CREATE INDEX persons_status ON persons (einddatum_status, vrijlating, sorteernaam, id);
CREATE INDEX persons_status_eerst ON persons ((einddatum_status IS NULL), einddatum_status, vrijlating, sorteernaam, id);
CREATE INDEX persons_identiteitsbewijs ON persons (opvolging_identiteitsbewijs, sorteernaam, id);
CREATE INDEX persons_identiteitsbewijs_eerst ON persons ((opvolging_identiteitsbewijs IS NULL), opvolging_identiteitsbewijs, sorteernaam, id);
CREATE INDEX persons_onderdak ON persons (opvolging_onderdak, sorteernaam, id);
CREATE INDEX persons_onderdak_eerst ON persons ((opvolging_onderdak IS NULL), opvolging_onderdak, sorteernaam, id);
CREATE INDEX persons_werk_en_inkomen ON persons (opvolging_werk_en_inkomen, sorteernaam, id);
CREATE INDEX persons_werk_en_inkomen_eerst ON persons ((opvolging_werk_en_inkomen IS NULL), opvolging_werk_en_inkomen, sorteernaam, id);
CREATE INDEX persons_schulden ON persons (opvolging_schulden, sorteernaam, id);
CREATE INDEX persons_schulden_eerst ON persons ((opvolging_schulden IS NULL), opvolging_schulden, sorteernaam, id);
CREATE INDEX persons_zorg ON persons (opvolging_zorg, sorteernaam, id);
CREATE INDEX persons_zorg_eerst ON persons ((opvolging_zorg IS NULL), opvolging_zorg, sorteernaam, id);
CREATE INDEX persons_zorg_voor_thuis ON persons (opvolging_zorg_voor_thuis, sorteernaam, id);
CREATE INDEX persons_zorg_voor_thuis_eerst ON persons ((opvolging_zorg_voor_thuis IS NULL), opvolging_zorg_voor_thuis, sorteernaam, id);
