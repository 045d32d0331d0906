-- 0007: the dashboard at national scale (150,000 persons; docs/performance.md).
--
-- Each signal and the arrivals are an index range that stops after the rows shown,
-- plus a count(*) over the same range; none reads every person or message.
-- 1. "verwachte einddatum verstreken": the detentions whose einddatum is still
--    verwacht, by einddatum; the query keeps those that are their person's latest
--    (persons.laatste_detentie, migration 0006).
-- 2. "actie verlopen": actions by date with their status, so that counting the open
--    ones reads the index only. It replaces 0003's index on actiedatum alone.
-- 3. The newest messages since the user last looked, and their number.
-- 4. "controle nodig": the few flagged persons, in name order.

CREATE INDEX detentions_verwacht ON detentions (einddatum) WHERE einddatum_status = 'verwacht';

CREATE INDEX followups_actie ON followups (actiedatum, status) WHERE actiedatum IS NOT NULL;
DROP INDEX followups_actiedatum;

CREATE INDEX messages_ontvangen ON messages (ontvangen DESC, kenmerk);

CREATE INDEX persons_controle ON persons (sorteernaam, id) WHERE controle_nodig = 1;
