-- 0006: person lists at national scale (150,000 persons; docs/performance.md).
--
-- 1. The latest detention (greatest begindatum, then greatest id: the last of
--    Detentions) is kept on the person by triggers, so that lists join it by id and
--    sort and filter on its einddatum through an index, instead of a correlated
--    subquery per person and a sort of every row.
-- 2. A trigram full-text index over persons.zoek (the folded names, BSN and SKN) lets
--    a search word of three or more letters find its persons without reading them
--    all. secure-delete removes a deleted person's entries from the index itself, not
--    just from its view, so rule 5 (nothing left in the file) holds for it too.

ALTER TABLE persons ADD COLUMN laatste_detentie INTEGER; -- detentions.id; NULL without one
ALTER TABLE persons ADD COLUMN vrijlating TEXT;          -- its einddatum; NULL when unknown

UPDATE persons SET (laatste_detentie, vrijlating) = (
	SELECT x.id, x.einddatum FROM detentions x WHERE x.person_id = persons.id
	ORDER BY x.begindatum DESC, x.id DESC LIMIT 1);

CREATE TRIGGER detentions_laatste_insert AFTER INSERT ON detentions BEGIN
	UPDATE persons SET (laatste_detentie, vrijlating) = (
		SELECT x.id, x.einddatum FROM detentions x WHERE x.person_id = persons.id
		ORDER BY x.begindatum DESC, x.id DESC LIMIT 1)
	WHERE id = NEW.person_id;
END;

CREATE TRIGGER detentions_laatste_update AFTER UPDATE ON detentions BEGIN
	UPDATE persons SET (laatste_detentie, vrijlating) = (
		SELECT x.id, x.einddatum FROM detentions x WHERE x.person_id = persons.id
		ORDER BY x.begindatum DESC, x.id DESC LIMIT 1)
	WHERE id IN (OLD.person_id, NEW.person_id);
END;

CREATE TRIGGER detentions_laatste_delete AFTER DELETE ON detentions BEGIN
	UPDATE persons SET (laatste_detentie, vrijlating) = (
		SELECT x.id, x.einddatum FROM detentions x WHERE x.person_id = persons.id
		ORDER BY x.begindatum DESC, x.id DESC LIMIT 1)
	WHERE id = OLD.person_id;
END;

-- The release window (ReleaseFrom/ReleaseTo, sorted by date) and the unfiltered sort
-- by release (persons without a date last).
CREATE INDEX persons_vrijlating ON persons (vrijlating, sorteernaam, id);
CREATE INDEX persons_vrijlating_eerst ON persons ((vrijlating IS NULL), vrijlating, sorteernaam, id);

CREATE VIRTUAL TABLE persons_zoek USING fts5(zoek, content = 'persons', content_rowid = 'id',
	tokenize = 'trigram');
INSERT INTO persons_zoek (persons_zoek, rank) VALUES ('secure-delete', 1);
INSERT INTO persons_zoek (persons_zoek) VALUES ('rebuild');

CREATE TRIGGER persons_zoek_insert AFTER INSERT ON persons BEGIN
	INSERT INTO persons_zoek (rowid, zoek) VALUES (NEW.id, NEW.zoek);
END;

CREATE TRIGGER persons_zoek_delete AFTER DELETE ON persons BEGIN
	INSERT INTO persons_zoek (persons_zoek, rowid, zoek) VALUES ('delete', OLD.id, OLD.zoek);
END;

CREATE TRIGGER persons_zoek_update AFTER UPDATE OF zoek ON persons WHEN OLD.zoek IS NOT NEW.zoek BEGIN
	INSERT INTO persons_zoek (persons_zoek, rowid, zoek) VALUES ('delete', OLD.id, OLD.zoek);
	INSERT INTO persons_zoek (rowid, zoek) VALUES (NEW.id, NEW.zoek);
END;
