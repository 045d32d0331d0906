-- 0021: the dashboard's two largest counts from a count per date (issue 19 item 1).
--
-- The dashboard counts the overdue actions (the open follow-ups with an actiedatum
-- before today) and the gemeente's dated agreements due (open or lopend, datum on or
-- before the window's end) exactly. Each count walked its partial index entry by entry:
-- 8,156 and 7,893 entries at 150,000 persons, 1.1 and 0.6 ms of a dashboard. Here each is
-- kept per date, so that a count is the sum of the rows before the date: 41 and 2,096
-- rows at 150,000 persons. The triggers keep the counts in the statement that changes a
-- follow-up or an agreement, whichever write path made it (import, follow-up, correction,
-- plan, purge, removal, retention, copy); a date's row goes when its count reaches zero.
-- The conditions are those of storage/sqlite/signalfilter.go (overdueAction) and
-- plan.go (gemeenteWork), without the date; the counts hold dates and numbers only.
--
-- Each trigger body updates an existing row before it inserts a missing one (no INSERT
-- OR IGNORE or UPSERT: an outer statement's conflict clause would override it).

CREATE TABLE followups_open_per_datum (
	actiedatum TEXT PRIMARY KEY,
	n          INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

INSERT INTO followups_open_per_datum (actiedatum, n)
	SELECT actiedatum, count(*) FROM followups
	WHERE actiedatum IS NOT NULL AND status NOT IN ('geregeld', 'niet-nodig') GROUP BY actiedatum;

CREATE TRIGGER followups_open_per_datum_insert AFTER INSERT ON followups
	WHEN NEW.actiedatum IS NOT NULL AND NEW.status NOT IN ('geregeld', 'niet-nodig') BEGIN
	UPDATE followups_open_per_datum SET n = n + 1 WHERE actiedatum = NEW.actiedatum;
	INSERT INTO followups_open_per_datum (actiedatum, n) SELECT NEW.actiedatum, 1
		WHERE NOT EXISTS (SELECT 1 FROM followups_open_per_datum WHERE actiedatum = NEW.actiedatum);
END;

CREATE TRIGGER followups_open_per_datum_delete AFTER DELETE ON followups
	WHEN OLD.actiedatum IS NOT NULL AND OLD.status NOT IN ('geregeld', 'niet-nodig') BEGIN
	DELETE FROM followups_open_per_datum WHERE actiedatum = OLD.actiedatum AND n = 1;
	UPDATE followups_open_per_datum SET n = n - 1 WHERE actiedatum = OLD.actiedatum;
END;

CREATE TRIGGER followups_open_per_datum_update_old AFTER UPDATE OF actiedatum, status ON followups
	WHEN OLD.actiedatum IS NOT NULL AND OLD.status NOT IN ('geregeld', 'niet-nodig') BEGIN
	DELETE FROM followups_open_per_datum WHERE actiedatum = OLD.actiedatum AND n = 1;
	UPDATE followups_open_per_datum SET n = n - 1 WHERE actiedatum = OLD.actiedatum;
END;

CREATE TRIGGER followups_open_per_datum_update_new AFTER UPDATE OF actiedatum, status ON followups
	WHEN NEW.actiedatum IS NOT NULL AND NEW.status NOT IN ('geregeld', 'niet-nodig') BEGIN
	UPDATE followups_open_per_datum SET n = n + 1 WHERE actiedatum = NEW.actiedatum;
	INSERT INTO followups_open_per_datum (actiedatum, n) SELECT NEW.actiedatum, 1
		WHERE NOT EXISTS (SELECT 1 FROM followups_open_per_datum WHERE actiedatum = NEW.actiedatum);
END;

CREATE TABLE agreements_gemeente_per_datum (
	datum TEXT PRIMARY KEY,
	n     INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

INSERT INTO agreements_gemeente_per_datum (datum, n)
	SELECT datum, count(*) FROM plan_agreements
	WHERE datum IS NOT NULL AND wie = 'gemeente' AND status IN ('open', 'lopend') GROUP BY datum;

CREATE TRIGGER agreements_gemeente_per_datum_insert AFTER INSERT ON plan_agreements
	WHEN NEW.datum IS NOT NULL AND NEW.wie = 'gemeente' AND NEW.status IN ('open', 'lopend') BEGIN
	UPDATE agreements_gemeente_per_datum SET n = n + 1 WHERE datum = NEW.datum;
	INSERT INTO agreements_gemeente_per_datum (datum, n) SELECT NEW.datum, 1
		WHERE NOT EXISTS (SELECT 1 FROM agreements_gemeente_per_datum WHERE datum = NEW.datum);
END;

CREATE TRIGGER agreements_gemeente_per_datum_delete AFTER DELETE ON plan_agreements
	WHEN OLD.datum IS NOT NULL AND OLD.wie = 'gemeente' AND OLD.status IN ('open', 'lopend') BEGIN
	DELETE FROM agreements_gemeente_per_datum WHERE datum = OLD.datum AND n = 1;
	UPDATE agreements_gemeente_per_datum SET n = n - 1 WHERE datum = OLD.datum;
END;

CREATE TRIGGER agreements_gemeente_per_datum_update_old AFTER UPDATE OF datum, wie, status ON plan_agreements
	WHEN OLD.datum IS NOT NULL AND OLD.wie = 'gemeente' AND OLD.status IN ('open', 'lopend') BEGIN
	DELETE FROM agreements_gemeente_per_datum WHERE datum = OLD.datum AND n = 1;
	UPDATE agreements_gemeente_per_datum SET n = n - 1 WHERE datum = OLD.datum;
END;

CREATE TRIGGER agreements_gemeente_per_datum_update_new AFTER UPDATE OF datum, wie, status ON plan_agreements
	WHEN NEW.datum IS NOT NULL AND NEW.wie = 'gemeente' AND NEW.status IN ('open', 'lopend') BEGIN
	UPDATE agreements_gemeente_per_datum SET n = n + 1 WHERE datum = NEW.datum;
	INSERT INTO agreements_gemeente_per_datum (datum, n) SELECT NEW.datum, 1
		WHERE NOT EXISTS (SELECT 1 FROM agreements_gemeente_per_datum WHERE datum = NEW.datum);
END;
