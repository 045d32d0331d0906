-- 0015: the dashboard counts the gemeente's agreements from an index alone (issue 19
-- item 1).
--
-- plan_agreements_gemeente (datum, person_id) did not hold the columns of its own
-- condition, so counting the dated agreements up to the end of the signal window read
-- each of them from the table as well (7,875 at 150,000 persons, a third of the
-- dashboard's time). With wie and status in the index the count is one index range. The
-- primary key (person_id, afspraak_id) is part of every index of this WITHOUT ROWID
-- table, so the person filter on open agreements is served as before.
CREATE INDEX plan_agreements_gemeente_datum ON plan_agreements (datum, wie, status)
	WHERE wie = 'gemeente' AND status IN ('open', 'lopend');
DROP INDEX plan_agreements_gemeente;
