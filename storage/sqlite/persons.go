package sqlite

import (
	"database/sql"
	"errors"
	"fmt"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/storage/sqlstore"
)

// personColumns are the columns personScan reads, for a table aliased p.
const personColumns = `p.id, p.bsn, p.skn, p.voornamen, p.voorvoegsel, p.achternaam, p.geboortedatum,
	p.controle_nodig, p.casemanager_naam, p.casemanager_telefoon, p.casemanager_email,
	p.casemanager_verzonden, p.aangemaakt`

// personScan receives one row of personColumns.
type personScan struct {
	p                                   app.Person
	bsn, skn, geboren, cmVerzonden, aan sql.NullString
}

func (s *personScan) dest() []any {
	p := &s.p
	return []any{&p.ID, &s.bsn, &s.skn, &p.Voornamen, &p.Voorvoegsel, &p.Achternaam, &s.geboren,
		&p.ControleNodig, &p.Casemanager.Naam, &p.Casemanager.Telefoon, &p.Casemanager.Email,
		&s.cmVerzonden, &s.aan}
}

func (s *personScan) person() (app.Person, error) {
	p := s.p
	p.BSN, p.SKN = s.bsn.String, s.skn.String
	var err, err2, err3 error
	p.Geboortedatum, err = sqlstore.ParseDate(s.geboren)
	p.CasemanagerVerzonden, err2 = sqlstore.ParseTime(s.cmVerzonden)
	p.Aangemaakt, err3 = sqlstore.ParseTime(s.aan)
	if err := errors.Join(err, err2, err3); err != nil {
		return app.Person{}, fmt.Errorf("persoon %d: %w", p.ID, err)
	}
	return p, nil
}

// PersonByID returns the person with this id, or app.ErrNotFound.
func (r *reader) PersonByID(id int64) (*app.Person, error) {
	return r.onePerson("persoon "+fmt.Sprint(id), `p.id = ?`, id)
}

// PersonByBSN returns the person with this BSN, or app.ErrNotFound.
func (r *reader) PersonByBSN(bsn string) (*app.Person, error) {
	return r.onePerson("persoon met dit BSN", `p.bsn = ?`, bsn)
}

// PersonBySKN returns the person with this SKN (the oldest, should two share it), or
// app.ErrNotFound.
func (r *reader) PersonBySKN(skn string) (*app.Person, error) {
	return r.onePerson("persoon met dit SKN", `p.skn = ?`, skn)
}

// onePerson reads the first person matching where. what names the person in errors
// without personal data.
func (r *reader) onePerson(what, where string, arg any) (*app.Person, error) {
	var s personScan
	var zoek, sorteernaam string
	err := r.queryRow(`SELECT `+personColumns+`, p.zoek, p.sorteernaam FROM persons p WHERE `+where+` ORDER BY p.id LIMIT 1`, arg).
		Scan(append(s.dest(), &zoek, &sorteernaam)...)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%s: %w", what, app.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("%s lezen: %w", what, err)
	}
	p, err := s.person()
	if err == nil {
		r.persons.remember(p.ID, s.stored(zoek, sorteernaam))
	}
	return &p, err
}

// personRow is a person's row in persons as the transaction last read or wrote it: the
// values of personWriteColumns as stored (nil for NULL, a string, or an int64 for
// controle_nodig), in personArgs order.
type personRow [14]any

// personRows are the rows of the persons that the current message read or wrote
// (reader.persons), so that UpdatePerson writes only what differs. Only this file's
// statements write these columns; the triggers of persons write others. Nil outside a
// write transaction.
type personRows map[int64]personRow

func (m personRows) remember(id int64, row personRow) {
	if m != nil {
		m[id] = row
	}
}

// stored is the row as stored of what s scanned, with the folded copies read beside it.
func (s *personScan) stored(zoek, sorteernaam string) personRow {
	p := &s.p
	return personRow{nullText(s.bsn), nullText(s.skn), p.Voornamen, p.Voorvoegsel, p.Achternaam, nullText(s.geboren),
		int64(boolValue(p.ControleNodig)), p.Casemanager.Naam, p.Casemanager.Telefoon, p.Casemanager.Email,
		nullText(s.cmVerzonden), nullText(s.aan), zoek, sorteernaam}
}

func nullText(s sql.NullString) any {
	if !s.Valid {
		return nil
	}
	return s.String
}

// storedArgs is the row personArgs writes, as it will be stored.
func storedArgs(a []any) personRow {
	var row personRow
	for i, v := range a {
		if n, ok := v.(int); ok {
			v = int64(n)
		}
		row[i] = v
	}
	return row
}

// sameValues reports whether two stretches of a row hold the same values (as SQL's IS:
// NULL is NULL).
func sameValues(a, b []any) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// personArgs are the values of the written columns, in personWriteColumns order.
func personArgs(p *app.Person) []any {
	return []any{
		sqlstore.TextValue(p.BSN), sqlstore.TextValue(p.SKN), p.Voornamen, p.Voorvoegsel, p.Achternaam,
		sqlstore.DateValue(p.Geboortedatum), boolValue(p.ControleNodig),
		p.Casemanager.Naam, p.Casemanager.Telefoon, p.Casemanager.Email,
		sqlstore.TimeValue(p.CasemanagerVerzonden), sqlstore.TimeValue(p.Aangemaakt),
		app.SearchText(p.Voornamen, p.Voorvoegsel, p.Achternaam, p.BSN, p.SKN),
		app.SortName(p.Voornamen, p.Voorvoegsel, p.Achternaam),
	}
}

const personWriteColumns = `bsn, skn, voornamen, voorvoegsel, achternaam, geboortedatum,
	controle_nodig, casemanager_naam, casemanager_telefoon, casemanager_email,
	casemanager_verzonden, aangemaakt, zoek, sorteernaam`

// CreatePerson inserts p and sets p.ID. A batch's person enters the small sort indexes
// (gesorteerd = 0, migration 0022); any other the large ones at once.
func (w *writer) CreatePerson(p *app.Person) error {
	insert := `INSERT INTO persons (` + personWriteColumns + `)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	if w.unsorted {
		insert = `INSERT INTO persons (` + personWriteColumns + `, gesorteerd)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`
	}
	res, err := w.exec(insert, personArgs(p)...)
	if err != nil {
		return fmt.Errorf("persoon aanmaken: %w", err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return fmt.Errorf("persoon aanmaken: %w", err)
	}
	p.ID = id
	w.persons.remember(id, storedArgs(personArgs(p)))
	return nil
}

// UpdatePerson writes every field of p; app.ErrNotFound when p.ID does not exist.
//
// SQLite rewrites the entries of every index that holds a column named in SET, whether
// the value changed or not, and the name and birth date are in most of the persons
// indexes (every sort key ends in sorteernaam, migration 0018). Nearly every message for a
// known person changes only its casemanager, so the identifying columns are written only
// when one of them differs: without this the import rewrote some twenty index entries per
// message (588 instead of ~1,100 msg/s at 150,000 persons, docs/performance.md).
//
// A person this message read or wrote (personRows) is compared in memory: only the part
// that differs is written, and nothing when nothing does (a statement costs 10-30 µs
// even when it changes no row; session 18). Another is written in two statements, the
// identifying columns only where they differ.
func (w *writer) UpdatePerson(p *app.Person) error {
	a := personArgs(p)
	row := storedArgs(a)
	old, known := w.persons[p.ID]
	if !known || !sameValues(old[6:12], row[6:12]) {
		n, err := w.execCount(`UPDATE persons SET (`+personRestColumns+`) = (?, ?, ?, ?, ?, ?) WHERE id = ?`,
			append(a[6:12:12], p.ID)...)
		if err != nil {
			return fmt.Errorf("persoon %d opslaan: %w", p.ID, err)
		}
		if n == 0 {
			return fmt.Errorf("persoon %d: %w", p.ID, app.ErrNotFound)
		}
	}
	if !known || !sameValues(old[0:6], row[0:6]) || !sameValues(old[12:], row[12:]) {
		ident := append(append(a[0:6:6], a[12:14]...), p.ID)
		ident = append(ident, ident[:8]...)
		if _, err := w.exec(`UPDATE persons SET (`+personIdentColumns+`) = (?, ?, ?, ?, ?, ?, ?, ?)
		WHERE id = ? AND (`+personIdentColumns+`) IS NOT (?, ?, ?, ?, ?, ?, ?, ?)`, ident...); err != nil {
			return fmt.Errorf("persoon %d opslaan: %w", p.ID, err)
		}
	}
	w.persons.remember(p.ID, row)
	return nil
}

// personIdentColumns and personRestColumns split personWriteColumns for UpdatePerson:
// the identifying, indexed ones (personArgs 0-5 and 12-13) and the rest (6-11).
const (
	personIdentColumns = `bsn, skn, voornamen, voorvoegsel, achternaam, geboortedatum, zoek, sorteernaam`
	personRestColumns  = `controle_nodig, casemanager_naam, casemanager_telefoon, casemanager_email,
	casemanager_verzonden, aangemaakt`
)

// DeletePerson removes the person and, by cascade, the detentions, domain data and
// general topics; message records stay, without the link. app.ErrNotFound when the
// person does not exist. The removal is made irreversible after the commit.
func (w *writer) DeletePerson(id int64) error {
	w.purged = true
	n, err := w.execCount(`DELETE FROM persons WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("persoon %d verwijderen: %w", id, err)
	}
	delete(w.persons, id)
	if n == 0 {
		return fmt.Errorf("persoon %d: %w", id, app.ErrNotFound)
	}
	return nil
}
