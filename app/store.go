package app

import "context"

// Store is the persistent storage the application needs. storage/ implements it on SQLite.
type Store interface {
	// Update runs fn in one write transaction. When fn purged anything (Tx.Purge*,
	// DeletePerson, DeleteQuarantine), the store makes the removal irreversible after
	// commit (SQLite: WAL checkpoint with truncate; PostgreSQL: VACUUM, and a rewrite
	// recorded as owed, Eraser).
	Update(ctx context.Context, fn func(Tx) error) error
	// View runs fn in a read transaction.
	View(ctx context.Context, fn func(ReadTx) error) error
	Close() error
}

// ReadTx holds the queries. Each feature adds its own small interface (AuditReadTx,
// FollowupReadTx, MailboxReadTx) in its own file.
type ReadTx interface {
	AuditReadTx
	FollowupReadTx
	MailboxReadTx
	TrajectReadTx
	ConsentStateReadTx
	PlanReadTx
	MailDeletionReadTx
	ReviewReadTx
	Setting(key string) (string, error)      // "" when unset
	PersonByID(id int64) (*Person, error)    // ErrNotFound
	PersonByBSN(bsn string) (*Person, error) // ErrNotFound
	PersonBySKN(skn string) (*Person, error) // ErrNotFound
	SearchPersons(q PersonQuery) ([]PersonRow, error)
	// EachPerson calls fn for every row SearchPersons(q) returns, in the same order, one
	// at a time (150,000 rows at once cost well over 100 MB); an error from fn stops it
	// and is returned as it is. fn must not use the transaction: its cursor is open
	// (PostgreSQL runs one statement at a time on a connection).
	EachPerson(q PersonQuery, fn func(PersonRow) error) error
	// CountPersons is the number of persons SearchPersons finds for q without its Limit
	// and Offset (its Sort and Desc do not matter).
	CountPersons(q PersonQuery) (int, error)
	// ListDomainStates returns, for each of ids that exists, what the person list shows per
	// domain: the consent state (the copy of ConsentStateTx), the recorded follow-up
	// status and whether the person has a D&R-plan.
	ListDomainStates(ids []int64) (map[int64]ListStates, error)
	Detentions(personID int64) ([]Detention, error) // ordered by begindatum
	// Consents returns, per domain, the newest informatieblad's consent over all the given
	// keys. Consent and revocation facts are keyed by PersonKeys, not by person id, so that
	// they outlive a person removed under rule 6 and still enforce rules 2 and 4.
	Consents(keys []string) (map[Domain]DomainConsent, error)
	DomainData(personID int64) (map[Domain]DomainData, error)
	General(personID int64) ([]Answer, error)
	// Revocations returns the latest ondertekend date per domain over all the given keys.
	Revocations(keys []string) (map[Domain]Date, error)
	MessageKnown(kenmerk string) (bool, error)
	// MessageContent returns the content hash (Message.ContentHash) kept for the message
	// first imported under kenmerk, "" for one imported before hashes were kept, and
	// whether the kenmerk is known at all.
	MessageContent(kenmerk string) (hash string, known bool, err error)
	Messages(personID int64) ([]MessageRecord, error) // ordered by verzonden
	QuarantineList() ([]Quarantined, error)           // without Raw, newest first
	QuarantineByID(id int64) (*Quarantined, error)    // with Raw; ErrNotFound
}

// Tx is a write transaction; it can read too.
type Tx interface {
	ReadTx
	AuditTx
	FollowupTx
	MailboxTx
	TrajectTx
	ConsentStateTx
	PlanTx
	MailDeletionTx
	ReviewTx
	SetSetting(key, value string) error
	CreatePerson(p *Person) error // sets p.ID
	UpdatePerson(p *Person) error
	DeletePerson(id int64) error                                // removes the person and everything that refers to it
	SaveDetention(d *Detention) error                           // inserts when d.ID == 0 (sets it), else updates
	SaveConsent(keys []string, d Domain, c DomainConsent) error // one row per key
	ReplaceDomainData(personID int64, d Domain, data DomainData) error
	PurgeDomainData(personID int64, d Domain) (int, error) // number of items removed
	ReplaceGeneral(personID int64, answers []Answer) error
	PurgeGeneral(personID int64) (int, error)
	AddRevocation(keys []string, d Domain, ondertekend Date) error // one row per key
	// SecretKey returns the installation's random key for revocation keys, creating it once.
	SecretKey() ([]byte, error)
	AddMessage(r MessageRecord) error
	AddQuarantine(q *Quarantined) error // sets q.ID
	DeleteQuarantine(id int64) error
}

// PersonQuery selects persons for lists; empty fields do not filter.
type PersonQuery struct {
	Zoek string // diacritics- and case-insensitive; name parts, BSN, SKN
	// ReleaseFrom and ReleaseTo keep persons whose latest detention's einddatum lies in
	// [ReleaseFrom, ReleaseTo]; a zero bound does not filter.
	ReleaseFrom   Date
	ReleaseTo     Date
	ControleNodig bool          // only persons flagged for review
	Traject       TrajectStatus // only persons with this trajectory status; "" does not filter
	// DomeinStatus keeps persons with a domain in this state (DomainFilter.Match): the
	// domain Domein, or any domain when Domein is "". "" does not filter.
	DomeinStatus DomainFilter
	Domein       Domain
	// HeeftPlan keeps persons with a D&R-plan; AfsprakenGemeente those whose plan holds
	// an agreement that is open work for the gemeente (Agreement.ForGemeente).
	HeeftPlan         bool
	AfsprakenGemeente bool
	Limit             int // 0: no limit
	Offset            int
	Sort              PersonSort
	Desc              bool // Sort the other way round (persons without the sort's value stay last)
	// SortDomein is the domain of SortByDomein (one of Domains()); other sorts ignore it.
	SortDomein Domain

	// Signaal keeps the persons with a dashboard signal of this kind (Signals' rules) on
	// SignaalVandaag, with a release window of SignaalDagen days (0: DefaultSignalDays);
	// SignaalActieVerlopen is "acties over de datum". A zero SignaalVandaag is today
	// (Service.Persons). "" does not filter; SignaalQuarantaine keeps nobody.
	Signaal        SignalKind
	SignaalVandaag Date
	SignaalDagen   int

	// Mijn keeps "mijn dossiers": the persons of whom the user (Service's user: the
	// signed-in login role, else the configured name) is verantwoordelijke of a domain's
	// follow-up or planned action. Service fills Verantwoordelijke with the user's name;
	// ErrNoUserName when there is none.
	Mijn bool
	// Verantwoordelijke keeps the persons with a recorded follow-up whose
	// verantwoordelijke is this one, compared trimmed and folded (Fold: case and
	// diacritics do not count, as Mijn acties compares). "" does not filter.
	Verantwoordelijke string
}

// PersonSort orders PersonQuery results.
type PersonSort int

// Sort orders. Every order ends on the name and the id, so pages never overlap.
const (
	SortByName       PersonSort = iota
	SortByRelease               // the latest detention's einddatum; persons without one last
	SortByBirth                 // geboortedatum
	SortByInrichting            // the latest detention's inrichting; persons without one last
	SortByEindStatus            // verwacht before definitief, then by einddatum; persons without one last
	// SortByDomein orders by the list status of domain SortDomein (DomainSortRank: the
	// follow-up statuses in FollowupStatuses order); persons without follow-up of that
	// domain (consent nee, ingetrokken or onbekend, and no D&R-plan) last either way.
	SortByDomein
)

// ListStates is what the person list reads per person to show its domains (ListDomainStates).
type ListStates struct {
	Consent   map[Domain]ConsentState   // a missing domain is onbekend
	Followups map[Domain]FollowupStatus // the recorded status; a missing domain has none
	// Verantwoordelijken holds the recorded verantwoordelijke per domain; a missing
	// domain has none.
	Verantwoordelijken map[Domain]string
	Plan               bool // the person has a D&R-plan
}

// PersonRow is one line of a person list.
type PersonRow struct {
	Person
	Inrichting      string // of the latest detention
	Einddatum       Date   // of the latest detention
	EinddatumStatus string
}
