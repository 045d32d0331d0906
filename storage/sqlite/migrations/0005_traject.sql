-- 0005: the case lifecycle (traject) per person, needed for the retention terms of the
-- Selectielijst gemeenten. A person without a row is 'aangemeld'. The row goes with
-- the person (ON DELETE CASCADE). No free text: status, outcome and dates only.
CREATE TABLE trajecten (
	person_id  INTEGER PRIMARY KEY REFERENCES persons (id) ON DELETE CASCADE,
	status     TEXT NOT NULL CHECK (status IN ('aangemeld', 'in-behandeling', 'afgesloten')),
	uitkomst   TEXT NOT NULL DEFAULT '' CHECK (uitkomst IN ('', 'met-maatregelen', 'zonder-maatregelen')),
	afgesloten TEXT,
	CHECK ((status = 'afgesloten') = (uitkomst <> '' AND afgesloten IS NOT NULL))
) STRICT;
