package app

import (
	"context"
	"errors"
	"fmt"
)

// TrajectStatus is the stage of a person's re-integration case.
type TrajectStatus string

// The three stages of a traject. A person starts as aangemeld (the application knows of
// them from a message); the first recorded follow-up or contact moves them to
// in-behandeling; closing records an outcome and a date.
const (
	Aangemeld     TrajectStatus = "aangemeld"
	InBehandeling TrajectStatus = "in-behandeling"
	Afgesloten    TrajectStatus = "afgesloten"
)

// Uitkomst is the outcome recorded when a traject is closed; it selects the retention
// term (Selectielijst gemeenten 2020, results 19.20 and 19.21).
type Uitkomst string

// The two outcomes.
const (
	MetMaatregelen    Uitkomst = "met-maatregelen"
	ZonderMaatregelen Uitkomst = "zonder-maatregelen"
)

// ParseUitkomst accepts the two outcome names.
func ParseUitkomst(s string) (Uitkomst, error) {
	switch u := Uitkomst(s); u {
	case MetMaatregelen, ZonderMaatregelen:
		return u, nil
	}
	return "", fmt.Errorf("onbekende uitkomst: kies %s of %s", MetMaatregelen, ZonderMaatregelen)
}

// Traject is the case state of one person.
type Traject struct {
	Status     TrajectStatus
	Uitkomst   Uitkomst // set when Afgesloten
	Afgesloten Date     // set when Afgesloten
}

// TrajectReadTx reads the case lifecycle and what retention needs.
type TrajectReadTx interface {
	// Traject returns the person's traject; {Status: Aangemeld} when none was recorded.
	Traject(personID int64) (Traject, error)
	RetentionReadTx
}

// TrajectTx writes the case lifecycle and carries out retention.
type TrajectTx interface {
	SaveTraject(personID int64, t Traject) error
	RetentionTx
}

// startTraject moves a person's traject from aangemeld to in-behandeling, inside tx,
// and audits the change. It does nothing when the traject is already in behandeling or
// closed. Follow-up code calls it when a status or contact is recorded.
func (s *Service) startTraject(tx Tx, personID int64) error {
	t, err := tx.Traject(personID)
	if err != nil {
		return err
	}
	if t.Status != Aangemeld {
		return nil
	}
	if err := tx.SaveTraject(personID, Traject{Status: InBehandeling}); err != nil {
		return err
	}
	return s.audit(tx, AuditEntry{Actie: ActieWijziging, Object: ObjectTraject, ObjectID: personID,
		Resultaat: string(InBehandeling)})
}

// ObjectTraject and ObjectPersoon name audit objects.
const (
	ObjectPersoon = "persoon"
	ObjectTraject = "traject"
)

// CloseTraject closes a person's traject with an outcome on a date (today when zero).
// A closed traject may be closed again to correct outcome or date; each change is audited.
func (s *Service) CloseTraject(ctx context.Context, personID int64, u Uitkomst, on Date) error {
	if _, err := ParseUitkomst(string(u)); err != nil {
		return err
	}
	today := DateOf(s.now())
	if on.IsZero() {
		on = today
	}
	if on.After(today) {
		return fmt.Errorf("de datum van afsluiten ligt in de toekomst")
	}
	return s.store.Update(ctx, func(tx Tx) error {
		if _, err := tx.PersonByID(personID); err != nil {
			return err
		}
		if err := tx.SaveTraject(personID, Traject{Status: Afgesloten, Uitkomst: u, Afgesloten: on}); err != nil {
			return err
		}
		return s.audit(tx, AuditEntry{Actie: ActieWijziging, Object: ObjectTraject, ObjectID: personID,
			Resultaat: string(Afgesloten) + ":" + string(u)})
	})
}

// ErrTrajectNotClosed says a traject that is not closed cannot be reopened.
var ErrTrajectNotClosed = errors.New("het traject is niet afgesloten")

// ReopenTraject reopens a person's closed traject: it is in behandeling again, outcome
// and closing date go, and with them the retention term that closing started. The
// change is audited.
func (s *Service) ReopenTraject(ctx context.Context, personID int64) error {
	return s.store.Update(ctx, func(tx Tx) error {
		if _, err := tx.PersonByID(personID); err != nil {
			return err
		}
		t, err := tx.Traject(personID)
		if err != nil {
			return err
		}
		if t.Status != Afgesloten {
			return ErrTrajectNotClosed
		}
		if err := tx.SaveTraject(personID, Traject{Status: InBehandeling}); err != nil {
			return err
		}
		return s.audit(tx, AuditEntry{Actie: ActieWijziging, Object: ObjectTraject, ObjectID: personID,
			Resultaat: ResultaatHeropend})
	})
}
