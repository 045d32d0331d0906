-- 0017: "vrijgelaten, niet geregeld" and "nog geen contact" from an index (issue 19
-- item 1).
--
-- persons.nog_te_regelen is 1 when the person has a domain to arrange (consent ja, or a
-- leefgebied of the current D&R-plan: app.PersonSituation.ToArrange) whose follow-up is
-- absent, open or in behandeling (app.FollowupStatus.Pending); else 0. It depends on
-- consent_states, plan_leefgebieden and followups only (not on the detentions or the
-- date), and the triggers below keep it in the same transaction as every change of those
-- three tables, whichever write path made it (import, purge, follow-up, plan, traject,
-- removal, retention, copy). The dashboard counted it for every person released in the
-- window (952 at 150,000 persons, each with its consent, plan and follow-up read); with
-- the partial index the count and the first 50 are one index range.
--
-- The condition in the triggers is the one the dashboard evaluated before (kept as
-- pendingToArrange in storage/sqlite/nogteregelen_test.go, which the conformance suite
-- compares with). A trigger only writes the person when the value changes. A later
-- migration that rebuilds one of the tables with triggers here must create them again.

ALTER TABLE persons ADD COLUMN nog_te_regelen INTEGER NOT NULL DEFAULT 0 CHECK (nog_te_regelen IN (0, 1));

UPDATE persons SET nog_te_regelen = 1 WHERE
	EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.state = 'ja'
		AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.person_id = persons.id AND f.domain = c.domain
			AND f.status NOT IN ('open', 'in-behandeling')))
	OR EXISTS (SELECT 1 FROM plan_leefgebieden l WHERE l.person_id = persons.id
		AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.person_id = persons.id AND f.domain = l.domain
			AND f.status NOT IN ('open', 'in-behandeling')));

-- The persons released in a window with a domain still to arrange, in the signal's order.
CREATE INDEX persons_nog_te_regelen ON persons (vrijlating, sorteernaam, id) WHERE nog_te_regelen = 1;

-- Each trigger sets the value of the persons whose rows changed: "nog_te_regelen <> x"
-- finds the person only when x differs, and the flip sets x.

CREATE TRIGGER consent_states_nog_te_regelen_insert AFTER INSERT ON consent_states BEGIN
	UPDATE persons SET nog_te_regelen = 1 - nog_te_regelen WHERE id = NEW.person_id AND nog_te_regelen <> (
		EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.state = 'ja'
			AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.person_id = persons.id AND f.domain = c.domain
				AND f.status NOT IN ('open', 'in-behandeling')))
		OR EXISTS (SELECT 1 FROM plan_leefgebieden l WHERE l.person_id = persons.id
			AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.person_id = persons.id AND f.domain = l.domain
				AND f.status NOT IN ('open', 'in-behandeling'))));
END;

CREATE TRIGGER consent_states_nog_te_regelen_update AFTER UPDATE OF person_id, domain, state ON consent_states BEGIN
	UPDATE persons SET nog_te_regelen = 1 - nog_te_regelen WHERE id IN (OLD.person_id, NEW.person_id) AND nog_te_regelen <> (
		EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.state = 'ja'
			AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.person_id = persons.id AND f.domain = c.domain
				AND f.status NOT IN ('open', 'in-behandeling')))
		OR EXISTS (SELECT 1 FROM plan_leefgebieden l WHERE l.person_id = persons.id
			AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.person_id = persons.id AND f.domain = l.domain
				AND f.status NOT IN ('open', 'in-behandeling'))));
END;

CREATE TRIGGER consent_states_nog_te_regelen_delete AFTER DELETE ON consent_states BEGIN
	UPDATE persons SET nog_te_regelen = 1 - nog_te_regelen WHERE id = OLD.person_id AND nog_te_regelen <> (
		EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.state = 'ja'
			AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.person_id = persons.id AND f.domain = c.domain
				AND f.status NOT IN ('open', 'in-behandeling')))
		OR EXISTS (SELECT 1 FROM plan_leefgebieden l WHERE l.person_id = persons.id
			AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.person_id = persons.id AND f.domain = l.domain
				AND f.status NOT IN ('open', 'in-behandeling'))));
END;

CREATE TRIGGER plan_leefgebieden_nog_te_regelen_insert AFTER INSERT ON plan_leefgebieden BEGIN
	UPDATE persons SET nog_te_regelen = 1 - nog_te_regelen WHERE id = NEW.person_id AND nog_te_regelen <> (
		EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.state = 'ja'
			AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.person_id = persons.id AND f.domain = c.domain
				AND f.status NOT IN ('open', 'in-behandeling')))
		OR EXISTS (SELECT 1 FROM plan_leefgebieden l WHERE l.person_id = persons.id
			AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.person_id = persons.id AND f.domain = l.domain
				AND f.status NOT IN ('open', 'in-behandeling'))));
END;

CREATE TRIGGER plan_leefgebieden_nog_te_regelen_update AFTER UPDATE OF person_id, domain ON plan_leefgebieden BEGIN
	UPDATE persons SET nog_te_regelen = 1 - nog_te_regelen WHERE id IN (OLD.person_id, NEW.person_id) AND nog_te_regelen <> (
		EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.state = 'ja'
			AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.person_id = persons.id AND f.domain = c.domain
				AND f.status NOT IN ('open', 'in-behandeling')))
		OR EXISTS (SELECT 1 FROM plan_leefgebieden l WHERE l.person_id = persons.id
			AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.person_id = persons.id AND f.domain = l.domain
				AND f.status NOT IN ('open', 'in-behandeling'))));
END;

CREATE TRIGGER plan_leefgebieden_nog_te_regelen_delete AFTER DELETE ON plan_leefgebieden BEGIN
	UPDATE persons SET nog_te_regelen = 1 - nog_te_regelen WHERE id = OLD.person_id AND nog_te_regelen <> (
		EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.state = 'ja'
			AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.person_id = persons.id AND f.domain = c.domain
				AND f.status NOT IN ('open', 'in-behandeling')))
		OR EXISTS (SELECT 1 FROM plan_leefgebieden l WHERE l.person_id = persons.id
			AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.person_id = persons.id AND f.domain = l.domain
				AND f.status NOT IN ('open', 'in-behandeling'))));
END;

CREATE TRIGGER followups_nog_te_regelen_insert AFTER INSERT ON followups BEGIN
	UPDATE persons SET nog_te_regelen = 1 - nog_te_regelen WHERE id = NEW.person_id AND nog_te_regelen <> (
		EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.state = 'ja'
			AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.person_id = persons.id AND f.domain = c.domain
				AND f.status NOT IN ('open', 'in-behandeling')))
		OR EXISTS (SELECT 1 FROM plan_leefgebieden l WHERE l.person_id = persons.id
			AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.person_id = persons.id AND f.domain = l.domain
				AND f.status NOT IN ('open', 'in-behandeling'))));
END;

CREATE TRIGGER followups_nog_te_regelen_update AFTER UPDATE OF person_id, domain, status ON followups BEGIN
	UPDATE persons SET nog_te_regelen = 1 - nog_te_regelen WHERE id IN (OLD.person_id, NEW.person_id) AND nog_te_regelen <> (
		EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.state = 'ja'
			AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.person_id = persons.id AND f.domain = c.domain
				AND f.status NOT IN ('open', 'in-behandeling')))
		OR EXISTS (SELECT 1 FROM plan_leefgebieden l WHERE l.person_id = persons.id
			AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.person_id = persons.id AND f.domain = l.domain
				AND f.status NOT IN ('open', 'in-behandeling'))));
END;

CREATE TRIGGER followups_nog_te_regelen_delete AFTER DELETE ON followups BEGIN
	UPDATE persons SET nog_te_regelen = 1 - nog_te_regelen WHERE id = OLD.person_id AND nog_te_regelen <> (
		EXISTS (SELECT 1 FROM consent_states c WHERE c.person_id = persons.id AND c.state = 'ja'
			AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.person_id = persons.id AND f.domain = c.domain
				AND f.status NOT IN ('open', 'in-behandeling')))
		OR EXISTS (SELECT 1 FROM plan_leefgebieden l WHERE l.person_id = persons.id
			AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.person_id = persons.id AND f.domain = l.domain
				AND f.status NOT IN ('open', 'in-behandeling'))));
END;

-- persons.heeft_contact is 1 when the person has a contact recorded (any domain or
-- algemeen), kept by the triggers on contacts below: "binnenkort vrij, nog geen contact"
-- is then the index range of persons_geen_contact instead of a look into contacts for
-- every person released in the window.

ALTER TABLE persons ADD COLUMN heeft_contact INTEGER NOT NULL DEFAULT 0 CHECK (heeft_contact IN (0, 1));

UPDATE persons SET heeft_contact = 1 WHERE EXISTS (SELECT 1 FROM contacts k WHERE k.person_id = persons.id);

CREATE INDEX persons_geen_contact ON persons (vrijlating, sorteernaam, id) WHERE heeft_contact = 0;

CREATE TRIGGER contacts_heeft_contact_insert AFTER INSERT ON contacts BEGIN
	UPDATE persons SET heeft_contact = 1 WHERE id = NEW.person_id AND heeft_contact = 0;
END;

CREATE TRIGGER contacts_heeft_contact_update AFTER UPDATE OF person_id ON contacts BEGIN
	UPDATE persons SET heeft_contact = EXISTS (SELECT 1 FROM contacts k WHERE k.person_id = persons.id)
	WHERE id IN (OLD.person_id, NEW.person_id);
END;

CREATE TRIGGER contacts_heeft_contact_delete AFTER DELETE ON contacts BEGIN
	UPDATE persons SET heeft_contact = 0 WHERE id = OLD.person_id AND heeft_contact = 1
		AND NOT EXISTS (SELECT 1 FROM contacts k WHERE k.person_id = OLD.person_id);
END;
