-- 0022: the persons an import adds enter small sort indexes of their own, and move into
-- the large ones once per run (issue 19 item 2).
--
-- Nine of the Personen list's sort indexes (migrations 0018 and 0019: birth date,
-- inrichting, status and the six domains) end in sorteernaam, so a new person's entry
-- lands on a random leaf page of each. A group commit of 500 messages wrote some 2,800
-- pages, most of them leaves of these indexes, and the wipes copied them again
-- (docs/performance.md, sessions 22 and 27).
--
-- Each of those indexes is now two partial ones over the same columns: the large one
-- holds the persons with gesorteerd = 1, the small one ("_nieuw") those with
-- gesorteerd = 0. A batch (storage/sqlite/batch.go) creates its persons with
-- gesorteerd = 0: their entries land on the few, cached pages of the small indexes,
-- however often a run moves them. DB.SettleSortOrder sets gesorteerd = 1 for all of them
-- in one statement, so that each leaf page of a large index is written once per run
-- instead of once per group commit. A sort reads the two indexes side by side and merges
-- them (search.go, orderedPersons), and only the large one when the small ones are
-- empty. The column says nothing about the person: it is bookkeeping of this store
-- (PostgreSQL has no such column; db migreer leaves it).
--
-- Every person stored so far is in the large indexes (DEFAULT 1); only the batch's insert
-- names the column.

ALTER TABLE persons ADD COLUMN gesorteerd INTEGER NOT NULL DEFAULT 1 CHECK (gesorteerd IN (0, 1));

DROP INDEX persons_geboortedatum;
DROP INDEX persons_inrichting;
DROP INDEX persons_status;
DROP INDEX persons_identiteitsbewijs;
DROP INDEX persons_onderdak;
DROP INDEX persons_werk_en_inkomen;
DROP INDEX persons_schulden;
DROP INDEX persons_zorg;
DROP INDEX persons_zorg_voor_thuis;

CREATE INDEX persons_geboortedatum ON persons (geboortedatum, sorteernaam, id) WHERE gesorteerd = 1;
CREATE INDEX persons_inrichting ON persons (inrichting, sorteernaam, id) WHERE gesorteerd = 1;
CREATE INDEX persons_status ON persons (einddatum_status, vrijlating, sorteernaam, id) WHERE gesorteerd = 1;
CREATE INDEX persons_identiteitsbewijs ON persons (opvolging_identiteitsbewijs, sorteernaam, id) WHERE gesorteerd = 1;
CREATE INDEX persons_onderdak ON persons (opvolging_onderdak, sorteernaam, id) WHERE gesorteerd = 1;
CREATE INDEX persons_werk_en_inkomen ON persons (opvolging_werk_en_inkomen, sorteernaam, id) WHERE gesorteerd = 1;
CREATE INDEX persons_schulden ON persons (opvolging_schulden, sorteernaam, id) WHERE gesorteerd = 1;
CREATE INDEX persons_zorg ON persons (opvolging_zorg, sorteernaam, id) WHERE gesorteerd = 1;
CREATE INDEX persons_zorg_voor_thuis ON persons (opvolging_zorg_voor_thuis, sorteernaam, id) WHERE gesorteerd = 1;

CREATE INDEX persons_geboortedatum_nieuw ON persons (geboortedatum, sorteernaam, id) WHERE gesorteerd = 0;
CREATE INDEX persons_inrichting_nieuw ON persons (inrichting, sorteernaam, id) WHERE gesorteerd = 0;
CREATE INDEX persons_status_nieuw ON persons (einddatum_status, vrijlating, sorteernaam, id) WHERE gesorteerd = 0;
CREATE INDEX persons_identiteitsbewijs_nieuw ON persons (opvolging_identiteitsbewijs, sorteernaam, id) WHERE gesorteerd = 0;
CREATE INDEX persons_onderdak_nieuw ON persons (opvolging_onderdak, sorteernaam, id) WHERE gesorteerd = 0;
CREATE INDEX persons_werk_en_inkomen_nieuw ON persons (opvolging_werk_en_inkomen, sorteernaam, id) WHERE gesorteerd = 0;
CREATE INDEX persons_schulden_nieuw ON persons (opvolging_schulden, sorteernaam, id) WHERE gesorteerd = 0;
CREATE INDEX persons_zorg_nieuw ON persons (opvolging_zorg, sorteernaam, id) WHERE gesorteerd = 0;
CREATE INDEX persons_zorg_voor_thuis_nieuw ON persons (opvolging_zorg_voor_thuis, sorteernaam, id) WHERE gesorteerd = 0;
