package app

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// FollowupStatus is where the gemeente stands with one domain of a person.
type FollowupStatus string

// The five follow-up statuses. A domain with consent but no recorded follow-up counts as
// FollowupOpen.
const (
	FollowupOpen           FollowupStatus = "open"
	FollowupInBehandeling  FollowupStatus = "in-behandeling"
	FollowupGeregeld       FollowupStatus = "geregeld"
	FollowupNietNodig      FollowupStatus = "niet-nodig"
	FollowupNietBereikbaar FollowupStatus = "niet-bereikbaar"
)

// FollowupStatuses returns the five statuses in their natural order.
func FollowupStatuses() []FollowupStatus {
	return []FollowupStatus{FollowupOpen, FollowupInBehandeling, FollowupGeregeld, FollowupNietNodig, FollowupNietBereikbaar}
}

// ParseFollowupStatus accepts the five status names.
func ParseFollowupStatus(s string) (FollowupStatus, error) {
	return parseName(s, FollowupStatuses(), "onbekende status")
}

// Pending reports whether the domain still needs work before release (open or in
// behandeling).
func (s FollowupStatus) Pending() bool { return s == FollowupOpen || s == FollowupInBehandeling }

// Closed reports whether nothing more is to be done (geregeld or niet nodig).
func (s FollowupStatus) Closed() bool { return s == FollowupGeregeld || s == FollowupNietNodig }

// Label is the Dutch name for screens and PDFs.
func (s FollowupStatus) Label() string {
	switch s {
	case FollowupOpen:
		return "open"
	case FollowupInBehandeling:
		return "in behandeling"
	case FollowupGeregeld:
		return "geregeld"
	case FollowupNietNodig:
		return "niet nodig"
	case FollowupNietBereikbaar:
		return "niet bereikbaar"
	}
	return string(s)
}

// Followup is the follow-up of one domain of one person. It rests on consent (it exists
// only while the domain's consent is ja and is purged with the domain, spec rule 3), or,
// while the person has a D&R-plan, on art. 18a Pbw for every domain (v2 rule 3): then an
// intrekking no longer purges it.
type Followup struct {
	PersonID          int64
	Domain            Domain
	Status            FollowupStatus
	Verantwoordelijke string // the responsible colleague
	Actie             string // next action, short text; "" when none
	Actiedatum        Date   // date of the next action; zero when none
	Gewijzigd         time.Time
}

// Recorded reports whether the follow-up was ever saved (else it is the implied open one).
func (f Followup) Recorded() bool { return !f.Gewijzigd.IsZero() }

// StatusChange is one entry of a domain's status history.
type StatusChange struct {
	ID       int64
	PersonID int64
	Domain   Domain
	Tijd     time.Time // UTC
	Door     string    // the configured user name
	Van      FollowupStatus
	Naar     FollowupStatus
}

// Kanaal is the channel of a contact.
type Kanaal string

// The seven channels.
const (
	KanaalTelefoon            Kanaal = "telefoon"
	KanaalEmail               Kanaal = "e-mail"
	KanaalBrief               Kanaal = "brief"
	KanaalBezoekPI            Kanaal = "bezoek-pi"
	KanaalHuisbezoek          Kanaal = "huisbezoek"
	KanaalViaCasemanagerDJI   Kanaal = "via-casemanager-dji"
	KanaalOverlegKetenpartner Kanaal = "overleg-ketenpartner"
)

// Kanalen returns the seven channels.
func Kanalen() []Kanaal {
	return []Kanaal{KanaalTelefoon, KanaalEmail, KanaalBrief, KanaalBezoekPI, KanaalHuisbezoek,
		KanaalViaCasemanagerDJI, KanaalOverlegKetenpartner}
}

// ParseKanaal accepts the seven channel names.
func ParseKanaal(s string) (Kanaal, error) {
	return parseName(s, Kanalen(), "onbekend kanaal")
}

// Label is the Dutch name for screens and PDFs.
func (k Kanaal) Label() string {
	switch k {
	case KanaalTelefoon:
		return "telefoon"
	case KanaalEmail:
		return "e-mail"
	case KanaalBrief:
		return "brief"
	case KanaalBezoekPI:
		return "bezoek in de PI"
	case KanaalHuisbezoek:
		return "huisbezoek"
	case KanaalViaCasemanagerDJI:
		return "via casemanager DJI"
	case KanaalOverlegKetenpartner:
		return "overleg ketenpartner"
	}
	return string(k)
}

// DomainAlgemeen is the pseudo-domain of contacts that concern no single domain. Such
// contacts need no consent and stay while the person stays.
const DomainAlgemeen Domain = "algemeen"

// ParseContactDomain accepts the seven leefgebieden and algemeen.
func ParseContactDomain(s string) (Domain, error) {
	if d := Domain(s); d.Leefgebied() || d == DomainAlgemeen {
		return d, nil
	}
	return "", fmt.Errorf("onbekend domein: kies uit %s of %s", joinNames(Leefgebieden()), DomainAlgemeen)
}

// ParseDomain accepts the seven leefgebieden (the six domains and sociaal-netwerk).
func ParseDomain(s string) (Domain, error) {
	if d := Domain(s); d.Leefgebied() {
		return d, nil
	}
	return "", fmt.Errorf("onbekend domein: kies uit %s", joinNames(Leefgebieden()))
}

// ContactMoment is one entry of the contact log.
type ContactMoment struct {
	ID         int64
	PersonID   int64
	Domain     Domain    // one of the seven leefgebieden, or DomainAlgemeen
	Tijd       time.Time // when the contact took place; stored as UTC
	Kanaal     Kanaal
	Met        string // with whom
	Notitie    string // free text: personal data, never logged
	Vastgelegd time.Time
	Door       string // the configured user name
}

// FollowupReadTx reads follow-up per domain, contacts, and what the dashboard needs.
type FollowupReadTx interface {
	// Followups returns the recorded follow-up per domain of a person.
	Followups(personID int64) (map[Domain]Followup, error)
	// FollowupHistory returns a person's status changes, oldest first.
	FollowupHistory(personID int64) ([]StatusChange, error)
	// Contacts returns a person's contacts (all domains and algemeen), oldest first.
	Contacts(personID int64) ([]ContactMoment, error)
	// Contact returns one contact by id; ErrNotFound when there is none.
	Contact(id int64) (ContactMoment, error)
	// PlannedActions returns every follow-up with a next action whose status is not
	// geregeld or niet nodig, with its person, by actiedatum.
	PlannedActions() ([]DueAction, error)
	NotesReadTx
	// ActionsDueBefore returns the follow-ups of all persons whose next action is dated
	// before d, by actiedatum.
	ActionsDueBefore(d Date) ([]Followup, error)
	// MessagesSince returns the records of messages received after t, newest first.
	MessagesSince(t time.Time) ([]MessageRecord, error)

	// The dashboard's bounded reads. A list bounded by limit holds the first limit rows
	// by date and every further row sharing the last one's date, unless said otherwise;
	// the int is the number of all rows, bounded or not.

	// OverdueActions returns the follow-ups not geregeld or niet nodig whose next
	// action is dated before today, with their persons: not bounded with ties, but the
	// first limit in the signals' order (actiedatum, the person's FullName, person id,
	// domain in Leefgebieden order).
	OverdueActions(today Date, limit int) ([]DueAction, int, error)
	// SignalPersons returns the persons with a signal of kind k (PersonQuery.Signaal;
	// vrij-niet-geregeld, geen-contact, controle-nodig or einddatum-verstreken, one signal
	// per person) on today with a window of days, with their latest detention, by its
	// einddatum (none first), then sorteernaam and id.
	SignalPersons(k SignalKind, today Date, days, limit int) ([]PersonRow, int, error)
	// CountReleases returns the number of persons whose latest detention ends in
	// [from, to] (PersonQuery.ReleaseFrom/To).
	CountReleases(from, to Date) (int, error)
	// ArrivalsSince returns the newest limit messages received after t (zero: all),
	// newest first, with their person's name; the int counts them up to maxCount only.
	ArrivalsSince(t time.Time, limit, maxCount int) ([]Arrival, int, error)
	// QuarantinedSince returns the number of messages quarantined after t (zero: all).
	QuarantinedSince(t time.Time) (int, error)
	// ReleaseFollowups returns, by person id, the recorded follow-up per domain of the
	// persons whose latest detention ends in [from, to] (PersonQuery.ReleaseFrom/To).
	ReleaseFollowups(from, to Date) (map[int64]map[Domain]Followup, error)
	// ReleaseContactCounts returns, by person id, the number of contacts of the persons
	// whose latest detention ends in [from, to]; persons without contacts are absent.
	ReleaseContactCounts(from, to Date) (map[int64]int, error)
}

// FollowupTx writes follow-up per domain and contacts. Their removal is part of
// PurgeDomainData (one domain) and DeletePerson (everything).
type FollowupTx interface {
	SaveFollowup(f Followup) error // inserts or replaces the (person, domain) record
	AddStatusChange(c StatusChange) error
	AddContact(c *ContactMoment) error // sets c.ID
	CorrectionTx
	NotesTx
}

// Limits on the free-text fields, in characters.
const (
	MaxActie   = 200
	MaxNaam    = 100
	MaxNotitie = 4000
)

// FollowupEdit is a change to one domain's follow-up. Nil and empty fields leave the
// current value as it is.
type FollowupEdit struct {
	Status            FollowupStatus // "" keeps the status
	Verantwoordelijke *string        // nil keeps; "" clears
	Actie             *NextAction    // nil keeps; &NextAction{} clears
	// Versie is the version (Followup.Version) the form read; the save is refused with a
	// *ChangedError (ErrChangedUnderneath) when the follow-up changed since. Nil skips
	// the check: the last writer wins.
	Versie *time.Time
}

// NextAction is the next step of a domain: a short text and a date, both or neither.
type NextAction struct {
	Tekst string
	Datum Date
}

// ConsentRequiredError refuses follow-up or contacts for a domain without consent, of a
// person without a D&R-plan.
type ConsentRequiredError struct {
	Domain Domain
	State  ConsentState
}

func (e *ConsentRequiredError) Error() string {
	return fmt.Sprintf("voor %s is geen toestemming (toestemming: %s) en geen D&R-plan; opvolging en contacten "+
		"van dit domein mogen alleen worden vastgelegd zolang de toestemming ja is of er een D&R-plan is",
		strings.ToLower(e.Domain.Label()), e.State)
}

// SetFollowup changes the follow-up of one domain of a person and returns the result.
// The domain's consent must be ja, or the person must have a D&R-plan. On a team
// database (TeamClosed) a new verantwoordelijke must be one of TeamMembers, stored in
// the member's spelling; the current one (a free text from before) may stay. A status change is kept in the history; the change
// is audited (without its text) and starts the person's traject.
func (s *Service) SetFollowup(ctx context.Context, personID int64, d Domain, e FollowupEdit) (Followup, error) {
	var out Followup
	if err := e.check(d); err != nil {
		return out, err
	}
	var members []string // nil: any name (a local file)
	if e.Verantwoordelijke != nil && strings.TrimSpace(*e.Verantwoordelijke) != "" && s.TeamClosed() {
		var err error
		if members, err = s.TeamMembers(ctx); err != nil {
			return out, err
		}
	}
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
		if !ok {
			f = Followup{PersonID: personID, Domain: d, Status: FollowupOpen}
		}
		if err := checkVersion(f, e.Versie); err != nil {
			return err
		}
		if e.Verantwoordelijke != nil {
			name, err := checkResponsible(members, f.Verantwoordelijke, *e.Verantwoordelijke)
			if err != nil {
				return err
			}
			e.Verantwoordelijke = &name
		}
		from := f.Status
		f.apply(e)
		f.Gewijzigd = nextGewijzigd(s.now(), f.Gewijzigd)
		if err := tx.SaveFollowup(f); err != nil {
			return err
		}
		if f.Status != from {
			door, err := s.userName(tx)
			if err != nil {
				return err
			}
			err = tx.AddStatusChange(StatusChange{PersonID: personID, Domain: d, Tijd: f.Gewijzigd,
				Door: door, Van: from, Naar: f.Status})
			if err != nil {
				return err
			}
		}
		out = f
		return s.recorded(tx, personID, d, basis)
	})
	return out, err
}

func (e FollowupEdit) check(d Domain) error {
	if !d.Leefgebied() {
		_, err := ParseDomain(string(d))
		return err
	}
	if e.Status == "" && e.Verantwoordelijke == nil && e.Actie == nil {
		return invalid(FieldStatus, ProblemNothing, "er is niets te wijzigen: geef een status, een verantwoordelijke of een actie met datum")
	}
	if e.Status != "" {
		if _, err := ParseFollowupStatus(string(e.Status)); err != nil {
			return err
		}
	}
	if e.Verantwoordelijke != nil {
		if err := checkText(FieldVerantwoordelijke, "de naam van de verantwoordelijke", *e.Verantwoordelijke, MaxNaam); err != nil {
			return err
		}
	}
	if a := e.Actie; a != nil {
		return a.Check()
	}
	return nil
}

// Check reports whether a planned action can be saved: a text and a date, or neither
// (which clears the action). The window runs it as the form is filled in.
func (a NextAction) Check() error {
	switch noText := strings.TrimSpace(a.Tekst) == ""; {
	case noText && !a.Datum.IsZero():
		return invalid(FieldActie, ProblemMissing, "een actie heeft een tekst nodig (maak ook de datum leeg om de actie te wissen)")
	case !noText && a.Datum.IsZero():
		return invalid(FieldActiedatum, ProblemMissing, "een actie heeft een datum nodig (maak ook de tekst leeg om de actie te wissen)")
	}
	return checkText(FieldActie, "de actie", a.Tekst, MaxActie)
}

func (f *Followup) apply(e FollowupEdit) {
	if e.Status != "" {
		f.Status = e.Status
	}
	if e.Verantwoordelijke != nil {
		f.Verantwoordelijke = strings.TrimSpace(*e.Verantwoordelijke)
	}
	if e.Actie != nil {
		f.Actie, f.Actiedatum = strings.TrimSpace(e.Actie.Tekst), e.Actie.Datum
	}
}

// checkText bounds a free-text field; the error names the field, never its content.
func checkText(field, what, s string, limit int) error {
	if !utf8.ValidString(s) {
		return invalid(field, ProblemInvalidChars, "%s bevat ongeldige tekens", what)
	}
	if n := utf8.RuneCountInString(s); n > limit {
		return &ValidationError{Field: field, Code: ProblemTooLong, Limit: limit,
			Msg: fmt.Sprintf("%s is te lang (%d tekens, hoogstens %d)", what, n, limit)}
	}
	return nil
}

// AddContact records a contact with or about a person. For one of the seven leefgebieden
// the domain's consent must be ja or the person must have a D&R-plan; an algemeen contact
// needs the person only. A zero Tijd
// means now; a contact cannot lie in the future. The contact is audited (without its
// text or names) and starts the person's traject. It returns the stored contact.
func (s *Service) AddContact(ctx context.Context, personID int64, c ContactMoment) (ContactMoment, error) {
	now := s.now()
	if c.Tijd.IsZero() {
		c.Tijd = now
	}
	if err := c.check(now); err != nil {
		return c, err
	}
	c.PersonID, c.Tijd, c.Vastgelegd = personID, c.Tijd.UTC(), now.UTC()
	c.Met, c.Notitie = strings.TrimSpace(c.Met), strings.TrimSpace(c.Notitie)
	err := s.store.Update(ctx, func(tx Tx) error {
		basis := ""
		if c.Domain == DomainAlgemeen {
			if _, err := tx.PersonByID(personID); err != nil {
				return err
			}
		} else {
			var err error
			if basis, err = followupBasis(tx, personID, c.Domain); err != nil {
				return err
			}
		}
		door, err := s.userName(tx)
		if err != nil {
			return err
		}
		c.Door = door
		if err := tx.AddContact(&c); err != nil {
			return err
		}
		return s.recorded(tx, personID, c.Domain, basis)
	})
	return c, err
}

func (c ContactMoment) check(now time.Time) error {
	if _, err := ParseContactDomain(string(c.Domain)); err != nil {
		return err
	}
	if _, err := ParseKanaal(string(c.Kanaal)); err != nil {
		return err
	}
	if c.Tijd.After(now) {
		return invalid(FieldTijd, ProblemFuture, "het contactmoment ligt in de toekomst")
	}
	if err := checkText(FieldMet, "de naam bij 'met'", c.Met, MaxNaam); err != nil {
		return err
	}
	return checkText(FieldNotitie, "de notitie", c.Notitie, MaxNotitie)
}

// followupBasis checks that the person exists and that follow-up of the domain is
// allowed: the domain's consent is ja (GrondslagToestemming) or the person has a
// D&R-plan (GrondslagPlan, v2 rule 3). It returns the basis.
func followupBasis(tx Tx, personID int64, d Domain) (string, error) {
	p, err := tx.PersonByID(personID)
	if err != nil {
		return "", err
	}
	view, err := viewFor(tx, p)
	if err != nil {
		return "", err
	}
	st := leefgebiedState(view, d)
	if st.Holds() {
		return GrondslagToestemming, nil
	}
	has, err := tx.HasPlan(personID)
	if err != nil {
		return "", err
	}
	if !has {
		return "", &ConsentRequiredError{Domain: d, State: st}
	}
	return GrondslagPlan, nil
}

// leefgebiedState is the consent state of a leefgebied: sociaal-netwerk, which version 1
// never asked consent for, is always onbekend.
func leefgebiedState(view ConsentView, d Domain) ConsentState {
	if !d.Valid() {
		return ConsentOnbekend
	}
	return view.State(d)
}

// recorded audits a follow-up change or contact and starts the traject. The audit entry
// names the person by id and the domain, never a text or a name.
func (s *Service) recorded(tx Tx, personID int64, d Domain, basis string) error {
	e := AuditEntry{Actie: ActieWijziging, Object: ObjectPersoon, ObjectID: personID,
		Grondslag: basis, Resultaat: "ok", Domeinen: []Domain{d}, Aantal: 1}
	if d == DomainAlgemeen {
		e.Grondslag, e.Domeinen = "", nil
	}
	if err := s.audit(tx, e); err != nil {
		return err
	}
	return s.startTraject(tx, personID)
}

// loadFollowup adds follow-up, status history and contacts to a loaded person file.
// Only domains whose follow-up is allowed (DomainFile.Opvolgbaar) show any; such a
// domain without a record shows the implied open follow-up.
func loadFollowup(tx ReadTx, f *PersonFile) error {
	id := f.Person.ID
	fus, err := tx.Followups(id)
	if err != nil {
		return err
	}
	hist, err := tx.FollowupHistory(id)
	if err != nil {
		return err
	}
	contacts, err := tx.Contacts(id)
	if err != nil {
		return err
	}
	notes, err := tx.Notes(id)
	if err != nil {
		return err
	}
	for _, d := range Leefgebieden() {
		df := f.Domeinen[d]
		if !df.Opvolgbaar {
			continue
		}
		df.Opvolging = fus[d]
		if !df.Opvolging.Recorded() {
			df.Opvolging = Followup{PersonID: id, Domain: d, Status: FollowupOpen}
		}
		for _, h := range hist {
			if h.Domain == d {
				df.Geschiedenis = append(df.Geschiedenis, h)
			}
		}
		for _, c := range contacts {
			if c.Domain == d {
				df.Contacten = append(df.Contacten, c)
			}
		}
		for _, n := range notes {
			if n.Domain == d {
				df.Aantekeningen = append(df.Aantekeningen, n)
			}
		}
		f.Domeinen[d] = df
	}
	for _, c := range contacts {
		if c.Domain == DomainAlgemeen {
			f.Contacten = append(f.Contacten, c)
		}
	}
	return nil
}

// parseName returns the element of all that is named s, or an error that lists the names
// ("onbekend kanaal: kies uit telefoon, ...").
func parseName[T ~string](s string, all []T, unknown string) (T, error) {
	if i := slices.Index(all, T(s)); i >= 0 {
		return all[i], nil
	}
	return "", fmt.Errorf("%s: kies uit %s", unknown, joinNames(all))
}

func joinNames[T ~string](xs []T) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = string(x)
	}
	return strings.Join(s, ", ")
}
