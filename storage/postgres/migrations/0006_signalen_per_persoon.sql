-- 0006: "vrijgelaten, niet geregeld" and "nog geen contact" from an index (issue 19
-- item 1); SQLite's 0017.
--
-- persons.nog_te_regelen holds when the person has a domain to arrange (consent ja, or a
-- leefgebied of the current D&R-plan: app.PersonSituation.ToArrange) whose follow-up is
-- absent, open or in behandeling (app.FollowupStatus.Pending). It depends on
-- consent_states, plan_leefgebieden and followups only (not on the detentions or the
-- date), and the trigger below keeps it in the same transaction as every change of those
-- three tables, whichever write path made it (import, purge, follow-up, plan, traject,
-- removal, retention, db migreer). With the partial index the dashboard's count and first
-- 50 are one index range instead of the consent, plan and follow-up of every person
-- released in the window.
--
-- The condition is the one the dashboard evaluated before (kept as pendingToArrange in
-- storage/postgres/nogteregelen_test.go, which the conformance suite compares with). The
-- person is written only when the value changes.

ALTER TABLE persons ADD COLUMN nog_te_regelen boolean NOT NULL DEFAULT false;

-- nog_te_regelen_waarde is the value for person pid from the three tables.
CREATE FUNCTION nog_te_regelen_waarde(pid bigint) RETURNS boolean LANGUAGE sql STABLE AS $$
	SELECT EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = pid AND c.state = 'ja'
			AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.person_id = pid AND f.domain = c.domain
				AND f.status NOT IN ('open', 'in-behandeling')))
		OR EXISTS (SELECT 1 FROM plan_leefgebieden l WHERE l.person_id = pid
			AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.person_id = pid AND f.domain = l.domain
				AND f.status NOT IN ('open', 'in-behandeling')))
$$;

UPDATE persons SET nog_te_regelen = true WHERE nog_te_regelen_waarde(id);

-- The persons released in a window with a domain still to arrange, in the signal's order.
CREATE INDEX persons_nog_te_regelen ON persons (vrijlating, sorteernaam, id) WHERE nog_te_regelen;

CREATE FUNCTION nog_te_regelen_bijwerken(pid bigint) RETURNS void LANGUAGE sql AS $$
	UPDATE persons SET nog_te_regelen = NOT nog_te_regelen
	WHERE id = pid AND nog_te_regelen <> nog_te_regelen_waarde(pid);
$$;

CREATE FUNCTION nog_te_regelen_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP IN ('UPDATE', 'DELETE') THEN
		PERFORM nog_te_regelen_bijwerken(OLD.person_id);
	END IF;
	IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.person_id <> OLD.person_id) THEN
		PERFORM nog_te_regelen_bijwerken(NEW.person_id);
	END IF;
	RETURN NULL;
END;
$$;

CREATE TRIGGER consent_states_nog_te_regelen AFTER INSERT OR DELETE OR UPDATE OF person_id, domain, state
	ON consent_states FOR EACH ROW EXECUTE FUNCTION nog_te_regelen_trigger();
CREATE TRIGGER plan_leefgebieden_nog_te_regelen AFTER INSERT OR DELETE OR UPDATE OF person_id, domain
	ON plan_leefgebieden FOR EACH ROW EXECUTE FUNCTION nog_te_regelen_trigger();
CREATE TRIGGER followups_nog_te_regelen AFTER INSERT OR DELETE OR UPDATE OF person_id, domain, status
	ON followups FOR EACH ROW EXECUTE FUNCTION nog_te_regelen_trigger();

-- persons.heeft_contact holds when the person has a contact recorded (any domain or
-- algemeen), kept by the trigger on contacts below: "binnenkort vrij, nog geen contact"
-- is then the index range of persons_geen_contact instead of a look into contacts for
-- every person released in the window.

ALTER TABLE persons ADD COLUMN heeft_contact boolean NOT NULL DEFAULT false;

UPDATE persons SET heeft_contact = true WHERE EXISTS (SELECT 1 FROM contacts k WHERE k.person_id = persons.id);

CREATE INDEX persons_geen_contact ON persons (vrijlating, sorteernaam, id) WHERE NOT heeft_contact;

CREATE FUNCTION heeft_contact_bijwerken(pid bigint) RETURNS void LANGUAGE sql AS $$
	UPDATE persons SET heeft_contact = NOT heeft_contact
	WHERE id = pid AND heeft_contact <> EXISTS (SELECT 1 FROM contacts k WHERE k.person_id = pid);
$$;

CREATE FUNCTION heeft_contact_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP IN ('UPDATE', 'DELETE') THEN
		PERFORM heeft_contact_bijwerken(OLD.person_id);
	END IF;
	IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.person_id <> OLD.person_id) THEN
		PERFORM heeft_contact_bijwerken(NEW.person_id);
	END IF;
	RETURN NULL;
END;
$$;

CREATE TRIGGER contacts_heeft_contact AFTER INSERT OR DELETE OR UPDATE OF person_id
	ON contacts FOR EACH ROW EXECUTE FUNCTION heeft_contact_trigger();
