package postgres

import (
	"database/sql"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/storage/sqlstore"
)

// personColumns are the columns personScan reads, for a table aliased p.
const personColumns = `p.id, p.bsn, p.skn, p.voornamen, p.voorvoegsel, p.achternaam, p.geboortedatum,
	p.controle_nodig, p.casemanager_naam, p.casemanager_telefoon, p.casemanager_email,
	p.casemanager_verzonden, p.aangemaakt`

// personScan receives one row of personColumns. Its nullable columns are pgtype.Text,
// which pgx fills directly; a sql.NullString goes through database/sql's Scanner and
// costs an allocation more per column (the dashboard reads some 300 persons).
type personScan struct {
	p                                   app.Person
	bsn, skn, geboren, cmVerzonden, aan pgtype.Text
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
	p.Geboortedatum, err = sqlstore.ParseDate(sql.NullString(s.geboren))
	p.CasemanagerVerzonden, err2 = sqlstore.ParseTime(sql.NullString(s.cmVerzonden))
	p.Aangemaakt, err3 = sqlstore.ParseTime(sql.NullString(s.aan))
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
	err := r.queryRow(`SELECT `+personColumns+` FROM persons p WHERE `+where+` ORDER BY p.id LIMIT 1`, arg).
		Scan(s.dest()...)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("%s: %w", what, app.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("%s lezen: %w", what, err)
	}
	p, err := s.person()
	return &p, err
}

// personArgs are the values of the written columns, in personWriteColumns order.
func personArgs(p *app.Person) []any {
	return []any{
		sqlstore.TextValue(p.BSN), sqlstore.TextValue(p.SKN), p.Voornamen, p.Voorvoegsel, p.Achternaam,
		sqlstore.DateValue(p.Geboortedatum), p.ControleNodig,
		p.Casemanager.Naam, p.Casemanager.Telefoon, p.Casemanager.Email,
		sqlstore.TimeValue(p.CasemanagerVerzonden), sqlstore.TimeValue(p.Aangemaakt),
		app.SearchText(p.Voornamen, p.Voorvoegsel, p.Achternaam, p.BSN, p.SKN),
		app.SortName(p.Voornamen, p.Voorvoegsel, p.Achternaam),
	}
}

const personWriteColumns = `bsn, skn, voornamen, voorvoegsel, achternaam, geboortedatum,
	controle_nodig, casemanager_naam, casemanager_telefoon, casemanager_email,
	casemanager_verzonden, aangemaakt, zoek, sorteernaam`

// CreatePerson inserts p and sets p.ID.
func (w *writer) CreatePerson(p *app.Person) error {
	id, err := w.insertID(`INSERT INTO persons (`+personWriteColumns+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, personArgs(p)...)
	if err != nil {
		return fmt.Errorf("persoon aanmaken: %w", err)
	}
	p.ID = id
	return nil
}

// UpdatePerson writes every field of p; app.ErrNotFound when p.ID does not exist.
func (w *writer) UpdatePerson(p *app.Person) error {
	n, err := w.execCount(`UPDATE persons SET (`+personWriteColumns+`)
		= (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) WHERE id = ?`, append(personArgs(p), p.ID)...)
	if err != nil {
		return fmt.Errorf("persoon %d opslaan: %w", p.ID, err)
	}
	if n == 0 {
		return fmt.Errorf("persoon %d: %w", p.ID, app.ErrNotFound)
	}
	return nil
}

// personTables are the tables whose rows go with a person (ON DELETE CASCADE, and
// messages whose link is cleared): a removal vacuums them all.
var personTables = []string{"persons", "detentions", "topics", "hulpvragen", "general_topics", "followups",
	"followup_history", "contacts", "aantekeningen", "trajecten", "consent_states", "plans", "plan_leefgebieden",
	"plan_topics", "plan_goals", "plan_agreements", "messages", "controle"}

// DeletePerson removes the person and, by cascade, the detentions, domain data and
// general topics; message records stay, without the link. app.ErrNotFound when the
// person does not exist. The removal is made irreversible after the commit.
func (w *writer) DeletePerson(id int64) error {
	w.purge(personTables...)
	n, err := w.execCount(`DELETE FROM persons WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("persoon %d verwijderen: %w", id, err)
	}
	if n == 0 {
		return fmt.Errorf("persoon %d: %w", id, app.ErrNotFound)
	}
	return nil
}
