package app

import (
	"context"
	"errors"
	"slices"
	"time"
)

// Controle (review): a message whose BSN belongs to a stored person with another date of
// birth may be of another person (berichtformaat.md: "never silently merged or split").
// Its content is held, unapplied, with the raw bytes it was parsed from, until a
// casemanager decides:
//
//   - "zelfde persoon": the message is applied to the stored person exactly as the import
//     would have applied it (consent, revocation order, plan rules), as of the decision;
//   - "andere persoon": the message gets a file of its own. BSNs are unique (a BSN belongs
//     to one person; the schema holds it once), so the BSN stays with the stored person
//     and the new file is identified by the message's SKN, its consent facts keyed by
//     that SKN only (never by the BSN, which would hand them to the stored person). A
//     message without an SKN (or with the stored person's own SKN) leaves nothing to
//     identify another person by: it goes to quarantine with that reason, so that DJI can
//     send it corrected.
//
// An intrekking is never held: a revocation is never held back (v2, "Version 1, made
// precise"); it is applied and the person flagged, as before.
//
// Held content is personal data: it goes with its person (removal, retention), with a
// revocation that reaches it (as in quarantine), and at the quarantine term after it was
// received; its mail on the server goes with it.

// Held is a message held for controle. Raw is set only by HeldByID.
type Held struct {
	ID        int64
	PersonID  int64 // the stored person with the message's BSN
	Kenmerk   string
	Soort     Kind
	Bron      string
	MessageID string
	Verzonden time.Time
	Ontvangen time.Time
	Inhoud    string // Message.ContentHash
	Raw       []byte
}

// ReviewReadTx reads the held messages.
type ReviewReadTx interface {
	// HeldList returns the held messages without their bytes, oldest first; of one
	// person when personID is not 0.
	HeldList(personID int64) ([]Held, error)
	// HeldCount is the number of held messages (the dashboard's: without reading them).
	HeldCount() (int, error)
	// HeldByID returns one held message with its bytes; ErrNotFound.
	HeldByID(id int64) (*Held, error)
	// HeldContent returns the content hash of the held message with this kenmerk, and
	// whether one is held.
	HeldContent(kenmerk string) (hash string, known bool, err error)
}

// ReviewTx stores and removes held messages.
type ReviewTx interface {
	AddHeld(h *Held) error // sets h.ID
	// DeleteHeld removes a held message and its bytes irreversibly; ErrNotFound.
	DeleteHeld(id int64) error
}

// ControleReden is the import's reden for a held message (no personal data).
const ControleReden = "het BSN hoort bij een persoon met een andere geboortedatum: het bericht wacht op controle " +
	"(zelfde of andere persoon) en is nog niet toegepast"

// AnderZonderSKNReden is the quarantine reason of a held message decided "andere
// persoon" that carries no SKN of its own.
const AnderZonderSKNReden = "volgens de controle is dit een andere persoon dan die met dit BSN, maar het bericht " +
	"heeft geen eigen strafrechtsketennummer om die persoon op te herkennen; vraag de DJI om een gecorrigeerd bericht"

// Audit resultaten of controle.
const (
	ResultaatWachtOpControle = "wacht-op-controle" // import: held
	ResultaatZelfdePersoon   = "zelfde-persoon"
	ResultaatAnderePersoon   = "andere-persoon"
	// ResultaatAnderQuarantaine: "andere persoon" without an SKN of its own: to quarantine.
	ResultaatAnderQuarantaine = "andere-persoon-quarantaine"
	ResultaatControleGewist   = "gewist-controle" // held content destroyed (revocation, retention)
)

// ObjectControle is the audit object of a held message.
const ObjectControle = "controle"

// errHeldAnder makes DecideOther's transaction roll back before the message goes to
// quarantine in a transaction of its own.
var errHeldAnder = errors.New("andere persoon zonder eigen SKN")

// hold stores a message for controle instead of applying it, flags the person and
// audits it.
func (s *Service) hold(tx Tx, it Item, msg *Message, hash string, p *Person) (Result, error) {
	h := &Held{PersonID: p.ID, Kenmerk: msg.Kenmerk, Soort: msg.Soort, Bron: it.Bron, MessageID: it.MessageID,
		Verzonden: msg.Verzonden.UTC(), Ontvangen: s.now().UTC(), Inhoud: hash, Raw: it.Raw}
	if err := tx.AddHeld(h); err != nil {
		return Result{}, err
	}
	if !p.ControleNodig {
		p.ControleNodig = true
		if err := tx.UpdatePerson(p); err != nil {
			return Result{}, err
		}
	}
	r := Result{Bron: it.Bron, Kenmerk: msg.Kenmerk, Soort: msg.Soort, Resultaat: Geimporteerd, Reden: ControleReden,
		PersonID: p.ID, ControleID: h.ID}
	err := s.audit(tx, AuditEntry{Actie: ActieImport, Object: ObjectPersoon, ObjectID: p.ID,
		Resultaat: ResultaatWachtOpControle, Grondslag: msg.Soort.Grondslag(), Bron: msg.Kenmerk})
	return r, err
}

// holds reports whether a matched message is held for controle.
func holds(msg *Message, review bool) bool {
	return review && msg.Soort != Intrekking
}

// ReviewCase is a held message beside the stored person it may belong to.
type ReviewCase struct {
	Held     Held
	Bestaand Person  // the stored person with the BSN
	Bericht  Subject // the message's betrokkene
	Message  *Message
}

// ReviewList returns the held messages, oldest first.
func (s *Service) ReviewList(ctx context.Context) ([]Held, error) {
	return read(ctx, s.store, func(tx ReadTx) ([]Held, error) { return tx.HeldList(0) })
}

// ReviewCount is the number of messages waiting for controle.
func (s *Service) ReviewCount(ctx context.Context) (int, error) {
	return read(ctx, s.store, func(tx ReadTx) (int, error) { return tx.HeldCount() })
}

// Review returns one held message with the stored person beside it; viewing it is
// audited (inzage), by internal ids only.
func (s *Service) Review(ctx context.Context, id int64) (*ReviewCase, error) {
	var c *ReviewCase
	err := s.store.Update(ctx, func(tx Tx) error {
		var err error
		if c, err = s.reviewCase(tx, id); err != nil {
			return err
		}
		return s.audit(tx, AuditEntry{Actie: ActieInzage, Object: ObjectControle, ObjectID: id, Resultaat: "ok"})
	})
	return c, err
}

// reviewsOf returns the held messages of one person with the comparison; not audited
// apart (the person file that shows them is).
func (s *Service) reviewsOf(tx ReadTx, personID int64) ([]ReviewCase, error) {
	hs, err := tx.HeldList(personID)
	if err != nil || len(hs) == 0 {
		return nil, err
	}
	out := make([]ReviewCase, 0, len(hs))
	for _, h := range hs {
		c, err := s.reviewCase(tx, h.ID)
		if err != nil {
			return nil, err
		}
		out = append(out, *c)
	}
	return out, nil
}

func (s *Service) reviewCase(tx ReadTx, id int64) (*ReviewCase, error) {
	h, err := tx.HeldByID(id)
	if err != nil {
		return nil, err
	}
	p, err := tx.PersonByID(h.PersonID)
	if err != nil {
		return nil, err
	}
	msg, err := s.dec.Parse(h.Raw)
	if err != nil {
		return nil, err
	}
	return &ReviewCase{Held: *h, Bestaand: *p, Bericht: msg.Betrokkene, Message: msg}, nil
}

// DecideSame applies a held message to the stored person, as the import would have.
func (s *Service) DecideSame(ctx context.Context, id int64) (Result, error) {
	return s.decide(ctx, id, true)
}

// DecideOther gives a held message a file of its own (see the top of this file); a
// message without an SKN of its own goes to quarantine with AnderZonderSKNReden.
func (s *Service) DecideOther(ctx context.Context, id int64) (Result, error) {
	return s.decide(ctx, id, false)
}

func (s *Service) decide(ctx context.Context, id int64, same bool) (Result, error) {
	var r Result
	err := s.store.Update(ctx, func(tx Tx) error {
		var err error
		r, err = s.decideTx(tx, id, same)
		return err
	})
	if ie, ok := AsInvalid(err); ok { // e.g. its kenmerk came meanwhile with other content
		resultaat := ResultaatZelfdePersoon
		if !same {
			resultaat = ResultaatAnderePersoon
		}
		return s.heldToQuarantine(ctx, id, ie.Reden, resultaat)
	}
	if errors.Is(err, errHeldAnder) {
		return s.heldToQuarantine(ctx, id, AnderZonderSKNReden, ResultaatAnderQuarantaine)
	}
	return r, err
}

// decideTx removes the held message and applies it to the stored person (same) or to
// the person of its SKN, new or known, without its BSN (other).
func (s *Service) decideTx(tx Tx, id int64, same bool) (Result, error) {
	h, err := tx.HeldByID(id)
	if err != nil {
		return Result{}, err
	}
	stored, err := tx.PersonByID(h.PersonID)
	if err != nil {
		return Result{}, err
	}
	msg, err := s.dec.Parse(h.Raw)
	if err != nil {
		return Result{}, err
	}
	if err := tx.DeleteHeld(id); err != nil {
		return Result{}, err
	}
	it := Item{Bron: h.Bron, Raw: h.Raw, MessageID: h.MessageID}
	use, hash, err := kenmerkUseOf(tx, msg, nil)
	if err != nil {
		return Result{}, err
	}
	target, resultaat := stored, ResultaatZelfdePersoon
	if !same {
		resultaat = ResultaatAnderePersoon
		if target, err = s.otherPerson(tx, msg, stored); err != nil {
			return Result{}, err
		}
	}
	r, err := s.applyMatched(tx, it, msg, use, hash, target, false)
	if err != nil {
		return r, err
	}
	if err := s.audit(tx, AuditEntry{Actie: ActieControle, Object: ObjectPersoon, ObjectID: stored.ID,
		Resultaat: resultaat, Grondslag: msg.Soort.Grondslag(), Bron: msg.Kenmerk}); err != nil {
		return r, err
	}
	return r, s.clearReviewFlag(tx, stored.ID)
}

// otherPerson takes the BSN off the message (it stays with the stored person) and
// returns the stored person of its SKN, or nil for a new one. errHeldAnder when the
// message has no SKN but the stored person's.
func (s *Service) otherPerson(tx Tx, msg *Message, stored *Person) (*Person, error) {
	if msg.Betrokkene.SKN == "" || msg.Betrokkene.SKN == stored.SKN {
		return nil, errHeldAnder
	}
	msg.Betrokkene.BSN = ""
	p, _, err := match(tx, msg.Betrokkene)
	if err != nil {
		return nil, err
	}
	if p != nil && p.ID == stored.ID {
		return nil, errHeldAnder
	}
	return p, nil
}

// clearReviewFlag ends the person's controle once no held message of theirs waits: the
// casemanager has looked. (The person may be gone: rule 6.)
func (s *Service) clearReviewFlag(tx Tx, personID int64) error {
	left, err := tx.HeldList(personID)
	if err != nil || len(left) > 0 {
		return err
	}
	p, err := tx.PersonByID(personID)
	if errors.Is(err, ErrNotFound) || (err == nil && !p.ControleNodig) {
		return nil
	}
	if err != nil {
		return err
	}
	p.ControleNodig = false
	return tx.UpdatePerson(p)
}

// heldToQuarantine moves a held message to quarantine with reden, in one transaction,
// and audits the decision with resultaat.
func (s *Service) heldToQuarantine(ctx context.Context, id int64, reden, resultaat string) (Result, error) {
	var r Result
	err := s.store.Update(ctx, func(tx Tx) error {
		h, err := tx.HeldByID(id)
		if err != nil {
			return err
		}
		q := &Quarantined{Bron: h.Bron, Reden: reden, Ontvangen: s.now().UTC(), Raw: h.Raw, MessageID: h.MessageID}
		if err := tx.AddQuarantine(q); err != nil {
			return err
		}
		if err := tx.DeleteHeld(id); err != nil {
			return err
		}
		if err := s.auditQuarantine(tx, q.ID, "geplaatst"); err != nil {
			return err
		}
		if err := s.audit(tx, AuditEntry{Actie: ActieControle, Object: ObjectPersoon, ObjectID: h.PersonID,
			Resultaat: resultaat, Grondslag: h.Soort.Grondslag(), Bron: h.Kenmerk}); err != nil {
			return err
		}
		r = Result{Bron: h.Bron, Kenmerk: h.Kenmerk, Soort: h.Soort, Resultaat: Quarantaine, Reden: reden, QuarantineID: q.ID}
		return s.clearReviewFlag(tx, h.PersonID)
	})
	return r, err
}

// deleteHeld destroys a held message and queues its mail on the server.
func deleteHeld(tx Tx, h Held) error {
	if h.MessageID != "" {
		if err := tx.QueueMailDeletions([]string{h.MessageID}); err != nil {
			return err
		}
	}
	return tx.DeleteHeld(h.ID)
}

// heldMails queues the mails of a person's held messages (their rows go with the
// person) and returns how many messages are held.
func heldMails(tx Tx, personID int64) (int, error) {
	hs, err := tx.HeldList(personID)
	if err != nil {
		return 0, err
	}
	var ids []string
	for _, h := range hs {
		if h.MessageID != "" {
			ids = append(ids, h.MessageID)
		}
	}
	if len(ids) > 0 {
		err = tx.QueueMailDeletions(ids)
	}
	return len(hs), err
}

// revokeHeld destroys the held informatiebladen that a message's revocation reaches, as
// revokeQuarantine does for quarantine: held for a person sharing a key with the
// message, holding data of a domain revoked under the ledger now. Audited by count.
func (s *Service) revokeHeld(tx Tx, msg *Message, person *Person) error {
	doms := revokingDomains(msg)
	if len(doms) == 0 {
		return nil
	}
	list, err := tx.HeldList(0)
	if err != nil || len(list) == 0 {
		return err
	}
	secret, err := tx.SecretKey()
	if err != nil {
		return err
	}
	keys := keysFor(secret, msg.Betrokkene, person)
	view, err := loadConsentView(tx, keys)
	if err != nil {
		return err
	}
	hit := map[Domain]bool{}
	n := 0
	for _, h := range list {
		if h.Soort != Informatieblad {
			continue
		}
		found, err := s.heldRevoked(tx, h.ID, secret, keys, view, doms)
		if err != nil {
			return err
		}
		if len(found) == 0 {
			continue
		}
		if err := deleteHeld(tx, h); err != nil {
			return err
		}
		n++
		for _, d := range found {
			hit[d] = true
		}
	}
	if n == 0 {
		return nil
	}
	var hitList []Domain
	for _, d := range Domains() {
		if hit[d] {
			hitList = append(hitList, d)
		}
	}
	return s.audit(tx, AuditEntry{Actie: ActiePurge, Object: ObjectControle, Resultaat: ResultaatControleGewist,
		Grondslag: GrondslagToestemming, Bron: msg.Kenmerk, Domeinen: hitList, Aantal: n})
}

// heldRevoked returns the revoked domains among doms that a held sheet holds data of
// for the person with these keys.
func (s *Service) heldRevoked(tx ReadTx, id int64, secret []byte, keys []string, view ConsentView,
	doms []Domain) ([]Domain, error) {
	h, err := tx.HeldByID(id)
	if err != nil {
		return nil, err
	}
	m, err := s.dec.Parse(h.Raw)
	if err != nil || m.Informatieblad == nil {
		return nil, nil //nolint:nilerr // unreadable now: it stays until its term
	}
	if !sharesKey(PersonKeys(secret, m.Betrokkene.BSN, m.Betrokkene.SKN), keys) {
		return nil, nil
	}
	var out []Domain
	for _, d := range sheetDomains(m.Informatieblad) {
		if slices.Contains(doms, d) && revokedIn(view, d, m.Informatieblad.Opgesteld) {
			out = append(out, d)
		}
	}
	return out, nil
}

// sheetDomains are the domains a sheet holds data of: topics and hulpvragen.
func sheetDomains(sh *Sheet) []Domain {
	var out []Domain
	for _, d := range Domains() {
		if sh.Hulpvragen[d] != "" {
			out = append(out, d)
			continue
		}
		for _, a := range sh.Onderwerpen {
			if t, ok := TopicByCode(a.Code); ok && t.Domain == d {
				out = append(out, d)
				break
			}
		}
	}
	return out
}

// retentionHeld destroys the held messages received longer ago than the quarantine
// term: an undecided message is not kept longer than one that could not be imported.
func (r *retentionRun) held() error {
	hs, err := r.tx.HeldList(0)
	if err != nil {
		return err
	}
	for _, h := range hs {
		if !r.terms[TermQuarantaine].Expired(DateOf(h.Ontvangen.UTC()), r.today) {
			continue
		}
		r.rep.Controle++
		if r.rep.DryRun {
			continue
		}
		if err := deleteHeld(r.tx, h); err != nil {
			return err
		}
		if err := r.s.clearReviewFlag(r.tx, h.PersonID); err != nil {
			return err
		}
	}
	if r.rep.DryRun || r.rep.Controle == 0 {
		return nil
	}
	return r.entry(ObjectControle, 0, "vernietigd", r.rep.Controle)
}

// SubjectField is one line of the comparison of a stored person with a held message.
type SubjectField struct {
	Code      string // bsn, skn, voornamen, voorvoegsel, achternaam, geboortedatum
	Veld      string // Dutch label
	Dossier   string // the stored person's value
	Bericht   string // the message's value
	Verschilt bool
}

// CompareSubjects puts the stored person's identifiers, names and date of birth beside
// the message's; dates as DD-MM-JJJJ.
func CompareSubjects(p Person, s Subject) []SubjectField {
	date := func(d Date) string {
		if d.IsZero() {
			return ""
		}
		return d.Time().Format("02-01-2006")
	}
	rows := []SubjectField{
		{"bsn", "BSN", p.BSN, s.BSN, false},
		{"skn", "SKN", p.SKN, s.SKN, false},
		{"voornamen", "Voornamen", p.Voornamen, s.Voornamen, false},
		{"voorvoegsel", "Voorvoegsel", p.Voorvoegsel, s.Voorvoegsel, false},
		{"achternaam", "Achternaam", p.Achternaam, s.Achternaam, false},
		{"geboortedatum", "Geboortedatum", date(p.Geboortedatum), date(s.Geboortedatum), false},
	}
	for i := range rows {
		rows[i].Verschilt = rows[i].Dossier != rows[i].Bericht
	}
	return rows
}
