package app

import (
	"context"
	"sort"
)

// DomainFile is what the application holds for one domain of a person.
type DomainFile struct {
	Toestemming   ConsentState
	Opgesteld     Date // of the newest informatieblad that named the domain
	IngetrokkenOp Date // ondertekend of the latest revocation, when it counts
	Data          DomainData
	// Opvolgbaar: follow-up of this domain is allowed, because its consent is ja or the
	// person has a D&R-plan (v2 rule 3). Only then the file holds the follow-up: the
	// recorded one or the implied open one, its status history (oldest first) and the
	// domain's contacts (oldest first).
	Opvolgbaar bool
	// OpvolgGrondslag is the basis of that follow-up: GrondslagToestemming while the
	// domain's consent holds, else GrondslagPlan (the rule of followupBasis); empty when
	// not Opvolgbaar.
	OpvolgGrondslag string
	Opvolging       Followup
	Geschiedenis    []StatusChange
	Contacten       []ContactMoment
	// Aantekeningen are the domain's notes, oldest first (only where Opvolgbaar).
	Aantekeningen []Note
	// Grondslag lists, sorted, the bases on which data of this domain is stored now
	// (GrondslagPlan when the current plan holds the leefgebied, GrondslagToestemming when
	// informatieblad topics or a hulpvraag are stored); empty when neither.
	Grondslag []string
}

// PersonFile is everything the application holds about one person.
type PersonFile struct {
	Person    Person
	Detenties []Detention
	Domeinen  map[Domain]DomainFile // every domain of Leefgebieden(), sociaal-netwerk included
	Plan      *StoredPlan           // the current D&R-plan; nil when the person has none
	Algemeen  []Answer
	Berichten []MessageRecord // kind and dates only
	Traject   Traject
	Contacten []ContactMoment // algemeen contacts, oldest first
	// Controle holds the messages with this person's BSN held for controle, each beside
	// the person, oldest first.
	Controle []ReviewCase
}

// LatestDetention returns the detention with the latest begindatum, if any.
func (f *PersonFile) LatestDetention() (Detention, bool) {
	if len(f.Detenties) == 0 {
		return Detention{}, false
	}
	return f.Detenties[len(f.Detenties)-1], true
}

// Persons lists persons for search and lists.
func (s *Service) Persons(ctx context.Context, q PersonQuery) ([]PersonRow, error) {
	if q.Signaal != "" && q.SignaalVandaag.IsZero() {
		q.SignaalVandaag = DateIn(s.now())
	}
	return read(ctx, s.store, func(tx ReadTx) ([]PersonRow, error) {
		q, err := s.mine(tx, q)
		if err != nil {
			return nil, err
		}
		return tx.SearchPersons(q)
	})
}

// FindPerson returns the id of the person with this BSN or SKN (one of them given).
func (s *Service) FindPerson(ctx context.Context, bsn, skn string) (int64, error) {
	var id int64
	err := s.store.View(ctx, func(tx ReadTx) error {
		var p *Person
		var err error
		if bsn != "" {
			p, err = tx.PersonByBSN(bsn)
		} else {
			p, err = tx.PersonBySKN(skn)
		}
		if err == nil {
			id = p.ID
		}
		return err
	})
	return id, err
}

// PersonFile loads everything about one person; ErrNotFound when there is no such person.
// It runs as a write transaction because reading the consent ledger needs the
// installation's secret, which is created on first use, and because the view is
// audited (inzage) in the same transaction.
func (s *Service) PersonFile(ctx context.Context, id int64) (*PersonFile, error) {
	var f *PersonFile
	err := s.store.Update(ctx, func(tx Tx) error {
		var err error
		if f, err = s.readPersonFile(tx, id); err != nil {
			return err
		}
		return s.audit(tx, AuditEntry{Actie: ActieInzage, Object: ObjectPersoon, ObjectID: id, Resultaat: "ok"})
	})
	return f, err
}

// readPersonFile is what PersonFile shows, without recording the inzage.
func (s *Service) readPersonFile(tx Tx, id int64) (*PersonFile, error) {
	f, err := loadPersonFile(tx, id)
	if err != nil {
		return nil, err
	}
	if f.Traject, err = tx.Traject(id); err != nil {
		return nil, err
	}
	if f.Controle, err = s.reviewsOf(tx, id); err != nil {
		return nil, err
	}
	return f, nil
}

func loadPersonFile(tx Tx, id int64) (*PersonFile, error) {
	p, err := tx.PersonByID(id)
	if err != nil {
		return nil, err
	}
	f := &PersonFile{Person: *p}
	if f.Detenties, err = tx.Detentions(id); err != nil {
		return nil, err
	}
	if f.Algemeen, err = tx.General(id); err != nil {
		return nil, err
	}
	if f.Berichten, err = tx.Messages(id); err != nil {
		return nil, err
	}
	if f.Plan, err = tx.Plan(id); err != nil {
		return nil, err
	}
	if f.Domeinen, err = loadDomains(tx, p, f.Plan); err != nil {
		return nil, err
	}
	return f, loadFollowup(tx, f)
}

// loadDomains builds the file of every leefgebied: consent state, informatieblad data
// where consent holds, whether follow-up is allowed, and the grondslag of what is stored.
func loadDomains(tx Tx, p *Person, plan *StoredPlan) (map[Domain]DomainFile, error) {
	view, err := viewFor(tx, p)
	if err != nil {
		return nil, err
	}
	data, err := tx.DomainData(p.ID)
	if err != nil {
		return nil, err
	}
	out := map[Domain]DomainFile{}
	for _, d := range Leefgebieden() {
		df := DomainFile{Toestemming: leefgebiedState(view, d)}
		if d.Valid() {
			df.Opgesteld = view.Sheets[d].Opgesteld
		}
		if df.Toestemming == ConsentIngetrokken {
			df.IngetrokkenOp = view.RevokedOn(d)
		}
		if df.Toestemming.Holds() {
			df.Data = data[d]
		}
		df.Opvolgbaar = df.Toestemming.Holds() || plan != nil
		df.OpvolgGrondslag = followupGrondslag(df.Toestemming, plan != nil)
		df.Grondslag = domainGrondslag(df, plan, d)
		out[d] = df
	}
	return out, nil
}

// followupGrondslag is the basis of a domain's follow-up: consent first, as
// followupBasis decides when follow-up is recorded, then the D&R-plan; "" when neither.
func followupGrondslag(st ConsentState, hasPlan bool) string {
	switch {
	case st.Holds():
		return GrondslagToestemming
	case hasPlan:
		return GrondslagPlan
	}
	return ""
}

// domainGrondslag lists, sorted, the bases on which data of domain d is stored now:
// GrondslagPlan when the current plan holds the leefgebied, GrondslagToestemming when
// informatieblad topics or a hulpvraag are stored. Never nil.
func domainGrondslag(df DomainFile, plan *StoredPlan, d Domain) []string {
	out := []string{}
	if plan != nil {
		if _, ok := plan.Plan.LifeArea(d); ok {
			out = append(out, GrondslagPlan)
		}
	}
	if !df.Data.Empty() {
		out = append(out, GrondslagToestemming)
	}
	sort.Strings(out)
	return out
}

// viewFor reads the consent ledger for a stored person.
func viewFor(tx Tx, p *Person) (ConsentView, error) {
	secret, err := tx.SecretKey()
	if err != nil {
		return ConsentView{}, err
	}
	return loadConsentView(tx, PersonKeys(secret, p.BSN, p.SKN))
}

// EachPerson calls fn for every person Persons(q) lists, in the same order, one at a time
// in one read transaction (ReadTx.EachPerson): for lists too long to hold.
func (s *Service) EachPerson(ctx context.Context, q PersonQuery, fn func(PersonRow) error) error {
	return s.store.View(ctx, func(tx ReadTx) error {
		q, err := s.mine(tx, q)
		if err != nil {
			return err
		}
		return tx.EachPerson(q, fn)
	})
}
