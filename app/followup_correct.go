package app

import (
	"context"
	"errors"
	"slices"
	"strings"
	"time"
)

// CorrectionTx corrects and removes what a casemanager recorded. Every method removes
// or overwrites personal data, so the store makes the change irreversible after commit
// as it does for a purge (the old text is not left in its write-ahead log).
type CorrectionTx interface {
	UpdateContact(c ContactMoment) error // by c.ID; ErrNotFound when there is none
	DeleteContact(id int64) error        // ErrNotFound when there is none
	UpdateStatusChange(c StatusChange) error
	DeleteStatusChange(id int64) error
	// ClearAction empties the next action (text and date) of f's domain and stores f's
	// Gewijzigd; the old text goes irreversibly.
	ClearAction(f Followup) error
}

// Audit results of corrections. The audit entry names the person and the domain, never
// the old or the new text.
const (
	ResultaatContactGewijzigd  = "contact-gewijzigd"
	ResultaatContactVerwijderd = "contact-verwijderd"
	ResultaatStatusGecorr      = "status-gecorrigeerd"
	ResultaatStatusVerwijderd  = "status-verwijderd"
	ResultaatActieVerwijderd   = "actie-verwijderd"
	ResultaatHeropend          = "heropend"
)

// ErrNoStatusChange says a domain has no recorded status change to correct or remove.
var ErrNoStatusChange = errors.New("er is voor dit domein geen statuswijziging vastgelegd om te corrigeren")

// ErrNoAction says a domain has no planned action to remove.
var ErrNoAction = errors.New("er is voor dit domein geen actie gepland")

// ContactEdit is a correction of a recorded contact. Nil fields keep their value.
type ContactEdit struct {
	Domain  *Domain
	Tijd    *time.Time
	Kanaal  *Kanaal
	Met     *string
	Notitie *string
}

func (e ContactEdit) empty() bool {
	return e.Domain == nil && e.Tijd == nil && e.Kanaal == nil && e.Met == nil && e.Notitie == nil
}

func (e ContactEdit) apply(c ContactMoment) ContactMoment {
	if e.Domain != nil {
		c.Domain = *e.Domain
	}
	if e.Tijd != nil {
		c.Tijd = e.Tijd.UTC()
	}
	if e.Kanaal != nil {
		c.Kanaal = *e.Kanaal
	}
	if e.Met != nil {
		c.Met = strings.TrimSpace(*e.Met)
	}
	if e.Notitie != nil {
		c.Notitie = strings.TrimSpace(*e.Notitie)
	}
	return c
}

func sameContact(a, b ContactMoment) bool {
	return a.Domain == b.Domain && a.Tijd.Equal(b.Tijd) && a.Kanaal == b.Kanaal && a.Met == b.Met && a.Notitie == b.Notitie
}

// personContact reads contact id of the person; ErrNotFound when it belongs to another.
func personContact(tx ReadTx, personID, id int64) (ContactMoment, error) {
	c, err := tx.Contact(id)
	if err != nil {
		return c, err
	}
	if c.PersonID != personID {
		return ContactMoment{}, ErrNotFound
	}
	return c, nil
}

// ContactPerson returns the id of the person a contact belongs to; ErrNotFound when
// there is no such contact.
func (s *Service) ContactPerson(ctx context.Context, contactID int64) (int64, error) {
	return read(ctx, s.store, func(tx ReadTx) (int64, error) {
		c, err := tx.Contact(contactID)
		return c.PersonID, err
	})
}

// contactBasis checks that a contact of domain d may be recorded for the person (see
// followupBasis; algemeen needs the person only) and returns the basis.
func contactBasis(tx Tx, personID int64, d Domain) (string, error) {
	if d == DomainAlgemeen {
		_, err := tx.PersonByID(personID)
		return "", err
	}
	return followupBasis(tx, personID, d)
}

// CorrectContact changes a recorded contact of a person under the rules of AddContact:
// the old and the new domain must allow follow-up. The correction is audited without
// the old or new text; the old text goes irreversibly.
func (s *Service) CorrectContact(ctx context.Context, personID, contactID int64, e ContactEdit) (ContactMoment, error) {
	if e.empty() {
		return ContactMoment{}, invalid(FieldNotitie, ProblemNothing, "er is niets te wijzigen aan het contact")
	}
	now := s.now()
	var out ContactMoment
	err := s.store.Update(ctx, func(tx Tx) error {
		old, err := personContact(tx, personID, contactID)
		if err != nil {
			return err
		}
		c := e.apply(old)
		if err := c.check(now); err != nil {
			return err
		}
		if sameContact(old, c) {
			return invalid(FieldNotitie, ProblemNothing, "er is niets te wijzigen aan het contact")
		}
		if _, err := contactBasis(tx, personID, old.Domain); err != nil {
			return err
		}
		basis, err := contactBasis(tx, personID, c.Domain)
		if err != nil {
			return err
		}
		if err := tx.UpdateContact(c); err != nil {
			return err
		}
		out = c
		return s.corrected(tx, personID, ResultaatContactGewijzigd, basis, old.Domain, c.Domain)
	})
	return out, err
}

// RemoveContact removes a recorded contact of a person for good, under the rules of
// AddContact; audited without its text.
func (s *Service) RemoveContact(ctx context.Context, personID, contactID int64) error {
	return s.store.Update(ctx, func(tx Tx) error {
		c, err := personContact(tx, personID, contactID)
		if err != nil {
			return err
		}
		basis, err := contactBasis(tx, personID, c.Domain)
		if err != nil {
			return err
		}
		if err := tx.DeleteContact(c.ID); err != nil {
			return err
		}
		return s.corrected(tx, personID, ResultaatContactVerwijderd, basis, c.Domain)
	})
}

// lastStatusChange is the newest status change of a domain, or ErrNoStatusChange.
func lastStatusChange(tx ReadTx, personID int64, d Domain) (StatusChange, error) {
	hist, err := tx.FollowupHistory(personID)
	if err != nil {
		return StatusChange{}, err
	}
	for i := len(hist) - 1; i >= 0; i-- {
		if hist[i].Domain == d {
			return hist[i], nil
		}
	}
	return StatusChange{}, ErrNoStatusChange
}

// CorrectStatus corrects the last status change of a domain: it goes to s instead,
// without a new entry in the history (a status chosen by mistake). Correcting it to
// the status it came from removes the change (RemoveStatus). Same rules as SetFollowup,
// versie included (nil: no check).
func (s *Service) CorrectStatus(ctx context.Context, personID int64, d Domain, st FollowupStatus, versie *time.Time) (Followup, error) {
	if _, err := ParseDomain(string(d)); err != nil {
		return Followup{}, err
	}
	if _, err := ParseFollowupStatus(string(st)); err != nil {
		return Followup{}, err
	}
	return s.correctStatus(ctx, personID, d, &st, versie)
}

// RemoveStatus removes the last status change of a domain: the status goes back to
// the one before. Same rules as SetFollowup, versie included (nil: no check).
func (s *Service) RemoveStatus(ctx context.Context, personID int64, d Domain, versie *time.Time) (Followup, error) {
	if _, err := ParseDomain(string(d)); err != nil {
		return Followup{}, err
	}
	return s.correctStatus(ctx, personID, d, nil, versie)
}

// correctStatus sets the last status change's target to *st, or removes it when st is
// nil or the status it came from.
func (s *Service) correctStatus(ctx context.Context, personID int64, d Domain, st *FollowupStatus, versie *time.Time) (Followup, error) {
	var out Followup
	err := s.store.Update(ctx, func(tx Tx) error {
		basis, err := followupBasis(tx, personID, d)
		if err != nil {
			return err
		}
		last, err := lastStatusChange(tx, personID, d)
		if err != nil {
			return err
		}
		if st != nil && *st == last.Naar {
			return invalid(FieldStatus, ProblemNothing, "de status is al %s", st.Label())
		}
		cur, err := tx.Followups(personID)
		if err != nil {
			return err
		}
		f := cur[d]
		if err := checkVersion(f, versie); err != nil {
			return err
		}
		result := ResultaatStatusVerwijderd
		if st == nil || *st == last.Van {
			err = tx.DeleteStatusChange(last.ID)
			f.Status = last.Van
		} else {
			last.Naar, result = *st, ResultaatStatusGecorr
			err = tx.UpdateStatusChange(last)
			f.Status = *st
		}
		if err != nil {
			return err
		}
		f.PersonID, f.Domain, f.Gewijzigd = personID, d, nextGewijzigd(s.now(), f.Gewijzigd)
		if err := tx.SaveFollowup(f); err != nil {
			return err
		}
		out = f
		return s.corrected(tx, personID, result, basis, d)
	})
	return out, err
}

// RemoveAction removes the planned action of a domain (text and date) under the rules
// of SetFollowup, versie included (nil: no check); audited without its text.
func (s *Service) RemoveAction(ctx context.Context, personID int64, d Domain, versie *time.Time) (Followup, error) {
	if _, err := ParseDomain(string(d)); err != nil {
		return Followup{}, err
	}
	var out Followup
	err := s.store.Update(ctx, func(tx Tx) error {
		basis, err := followupBasis(tx, personID, d)
		if err != nil {
			return err
		}
		cur, err := tx.Followups(personID)
		if err != nil {
			return err
		}
		f, ok := cur[d]
		if err := checkVersion(f, versie); err != nil {
			return err
		}
		if !ok || f.Actie == "" {
			return ErrNoAction
		}
		f.Actie, f.Actiedatum, f.Gewijzigd = "", Date{}, nextGewijzigd(s.now(), f.Gewijzigd)
		if err := tx.ClearAction(f); err != nil {
			return err
		}
		out = f
		return s.corrected(tx, personID, ResultaatActieVerwijderd, basis, d)
	})
	return out, err
}

// corrected audits a correction of what was recorded for the person: the result code,
// the basis and the domains touched, never a text or a name.
func (s *Service) corrected(tx Tx, personID int64, result, basis string, doms ...Domain) error {
	var ds []Domain
	for _, d := range doms {
		if d != DomainAlgemeen && !slices.Contains(ds, d) {
			ds = append(ds, d)
		}
	}
	if len(ds) == 0 {
		basis = ""
	}
	return s.audit(tx, AuditEntry{Actie: ActieWijziging, Object: ObjectPersoon, ObjectID: personID,
		Grondslag: basis, Resultaat: result, Domeinen: ds, Aantal: 1})
}
