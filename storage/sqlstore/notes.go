package sqlstore

import (
	"database/sql"
	"errors"
	"fmt"

	"github.com/terugkeer/terugkeer/app"
)

// NoteColumns are the columns of a note (table aantekeningen), as scanNote reads them.
const NoteColumns = `id, person_id, domain, tekst, vastgelegd, door, gewijzigd`

// Notes returns a person's notes (all domains), oldest first.
func Notes(tx Querier, personID int64) ([]app.Note, error) {
	rows, err := tx.Query(`SELECT `+NoteColumns+` FROM aantekeningen WHERE person_id = ? ORDER BY vastgelegd, id`, personID)
	if err != nil {
		return nil, fmt.Errorf("aantekeningen van persoon %d lezen: %w", personID, err)
	}
	defer rows.Close()
	var out []app.Note
	for rows.Next() {
		n, err := scanNote(rows.Scan)
		if err != nil {
			return nil, fmt.Errorf("aantekeningen van persoon %d lezen: %w", personID, err)
		}
		out = append(out, n)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("aantekeningen van persoon %d lezen: %w", personID, err)
	}
	return out, nil
}

// scanNote reads a note from NoteColumns, through scan.
func scanNote(scan func(...any) error) (app.Note, error) {
	var n app.Note
	var vastgelegd, gewijzigd sql.NullString
	if err := scan(&n.ID, &n.PersonID, &n.Domain, &n.Tekst, &vastgelegd, &n.Door, &gewijzigd); err != nil {
		return n, err
	}
	var err1, err2 error
	n.Vastgelegd, err1 = ParseTime(vastgelegd)
	n.Gewijzigd, err2 = ParseTime(gewijzigd)
	return n, errors.Join(err1, err2)
}

// Note returns one note by id; app.ErrNotFound when there is none.
func Note(tx Querier, id int64) (app.Note, error) {
	n, err := scanNote(tx.QueryRow(`SELECT `+NoteColumns+` FROM aantekeningen WHERE id = ?`, id).Scan)
	if errors.Is(err, sql.ErrNoRows) {
		return n, app.ErrNotFound
	}
	if err != nil {
		return n, fmt.Errorf("aantekening %d lezen: %w", id, err)
	}
	return n, nil
}

// AddNote stores a note and sets n.ID.
func AddNote(tx Querier, n *app.Note) error {
	id, err := tx.InsertID(`INSERT INTO aantekeningen (person_id, domain, tekst, vastgelegd, door, gewijzigd)
		VALUES (?, ?, ?, ?, ?, ?)`, n.PersonID, string(n.Domain), n.Tekst, TimeValue(n.Vastgelegd), n.Door,
		TimeValue(n.Gewijzigd))
	if err != nil {
		return fmt.Errorf("aantekening bij persoon %d opslaan: %w", n.PersonID, err)
	}
	n.ID = id
	return nil
}
