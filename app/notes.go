package app

import (
	"context"
	"strings"
	"time"
)

// Note is an aantekening: free text about one domain of a person, beside the contacts.
// It rests on what the domain's follow-up rests on (consent or the D&R-plan) and goes
// with the domain's follow-up when that is purged.
type Note struct {
	ID         int64
	PersonID   int64
	Domain     Domain // one of the seven leefgebieden
	Tekst      string // personal data, never logged
	Vastgelegd time.Time
	Door       string    // the configured user name
	Gewijzigd  time.Time // zero unless the note was corrected
}

// MaxAantekening bounds a note, in characters.
const MaxAantekening = 4000

// NotesReadTx reads the notes.
type NotesReadTx interface {
	// Notes returns a person's notes (all domains), oldest first.
	Notes(personID int64) ([]Note, error)
	// Note returns one note by id; ErrNotFound when there is none.
	Note(id int64) (Note, error)
}

// NotesTx writes the notes. Their removal with a domain is part of PurgeDomainData,
// with the person of DeletePerson; UpdateNote and DeleteNote make the old text go
// irreversibly, as a purge does.
type NotesTx interface {
	AddNote(n *Note) error // sets n.ID
	UpdateNote(n Note) error
	DeleteNote(id int64) error
}

// Audit results of notes besides ActieWijziging's "ok" for a new one.
const (
	ResultaatAantekeningGewijzigd  = "aantekening-gewijzigd"
	ResultaatAantekeningVerwijderd = "aantekening-verwijderd"
)

func checkNote(tekst string) error {
	if strings.TrimSpace(tekst) == "" {
		return invalid(FieldAantekening, ProblemMissing, "een aantekening heeft een tekst nodig")
	}
	return checkText(FieldAantekening, "de aantekening", tekst, MaxAantekening)
}

// AddNote records a note on a domain of a person. The domain's consent must be ja or
// the person must have a D&R-plan, as for follow-up; the note is audited without its
// text and starts the person's traject.
func (s *Service) AddNote(ctx context.Context, personID int64, d Domain, tekst string) (Note, error) {
	n := Note{PersonID: personID, Domain: d, Tekst: strings.TrimSpace(tekst), Vastgelegd: s.now().UTC()}
	if _, err := ParseDomain(string(d)); err != nil {
		return n, err
	}
	if err := checkNote(tekst); err != nil {
		return n, err
	}
	err := s.store.Update(ctx, func(tx Tx) error {
		basis, err := followupBasis(tx, personID, d)
		if err != nil {
			return err
		}
		if n.Door, err = tx.Setting(SettingGebruiker); err != nil {
			return err
		}
		if err := tx.AddNote(&n); err != nil {
			return err
		}
		return s.recorded(tx, personID, d, basis)
	})
	return n, err
}

// personNote reads note id of the person; ErrNotFound when it belongs to another.
func personNote(tx ReadTx, personID, id int64) (Note, error) {
	n, err := tx.Note(id)
	if err != nil {
		return n, err
	}
	if n.PersonID != personID {
		return Note{}, ErrNotFound
	}
	return n, nil
}

// NotePerson returns the id of the person a note belongs to; ErrNotFound when there
// is no such note.
func (s *Service) NotePerson(ctx context.Context, noteID int64) (int64, error) {
	return read(ctx, s.store, func(tx ReadTx) (int64, error) {
		n, err := tx.Note(noteID)
		return n.PersonID, err
	})
}

// CorrectNote replaces the text of a note under the rules of AddNote; audited without
// the old or the new text, and the old text goes irreversibly.
func (s *Service) CorrectNote(ctx context.Context, personID, noteID int64, tekst string) (Note, error) {
	if err := checkNote(tekst); err != nil {
		return Note{}, err
	}
	var out Note
	err := s.store.Update(ctx, func(tx Tx) error {
		n, err := personNote(tx, personID, noteID)
		if err != nil {
			return err
		}
		basis, err := followupBasis(tx, personID, n.Domain)
		if err != nil {
			return err
		}
		if strings.TrimSpace(tekst) == n.Tekst {
			return invalid(FieldAantekening, ProblemNothing, "er is niets te wijzigen aan de aantekening")
		}
		n.Tekst, n.Gewijzigd = strings.TrimSpace(tekst), s.now().UTC()
		if err := tx.UpdateNote(n); err != nil {
			return err
		}
		out = n
		return s.corrected(tx, personID, ResultaatAantekeningGewijzigd, basis, n.Domain)
	})
	return out, err
}

// RemoveNote removes a note for good under the rules of AddNote; audited without its
// text.
func (s *Service) RemoveNote(ctx context.Context, personID, noteID int64) error {
	return s.store.Update(ctx, func(tx Tx) error {
		n, err := personNote(tx, personID, noteID)
		if err != nil {
			return err
		}
		basis, err := followupBasis(tx, personID, n.Domain)
		if err != nil {
			return err
		}
		if err := tx.DeleteNote(n.ID); err != nil {
			return err
		}
		return s.corrected(tx, personID, ResultaatAantekeningVerwijderd, basis, n.Domain)
	})
}
