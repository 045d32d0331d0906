package app

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// ImportBytes imports the bytes of one file or e-mail: every message it carries, each in
// its own transaction. A message that cannot be imported goes to quarantine with its raw
// bytes; the rest is still imported. The error is only for failures that left the input
// unprocessed (the database could not be written, or it was never initialised).
// ImportBatch imports the same way, many messages per commit.
func (s *Service) ImportBytes(ctx context.Context, bron, messageID string, raw []byte) ([]Result, error) {
	return s.importDecoded(ctx, s.decode(bron, messageID, raw))
}

// decoded is one file or e-mail after decoding and before anything is stored: what an
// ImportBatch computes on its parse goroutine. It touches neither store nor clock.
type decoded struct {
	bron, messageID string
	raw             []byte
	invalid         *InvalidMessageError // Extract refused the bytes as a whole
	err             error                // Extract failed otherwise
	items           []decodedItem
}

// decodedItem is one message item with what Parse made of it.
type decodedItem struct {
	it  Item
	msg *Message
	err error
}

// decode extracts the items of a file or e-mail and parses each.
func (s *Service) decode(bron, messageID string, raw []byte) *decoded {
	d := &decoded{bron: bron, messageID: messageID, raw: raw}
	items, err := s.dec.Extract(bron, raw)
	if ie, ok := AsInvalid(err); ok {
		d.invalid = ie
		return d
	}
	if err != nil {
		d.err = err
		return d
	}
	for _, it := range items {
		if it.MessageID == "" {
			it.MessageID = messageID
		}
		msg, err := s.parseItem(it)
		if err == nil {
			it.canonical = msg.canonicalForm()
		}
		d.items = append(d.items, decodedItem{it: it, msg: msg, err: err})
	}
	return d
}

// messages is the number of messages a decoded input carries (at least 1: a refused
// file or mail is one quarantine entry, a mail without a message one result).
func (d *decoded) messages() int { return max(1, len(d.items)) }

// importDecoded stores a decoded input: every message in its own transaction (a
// savepoint inside an ImportBatch).
func (s *Service) importDecoded(ctx context.Context, d *decoded) ([]Result, error) {
	if d.invalid != nil {
		r, err := s.quarantine(ctx, Item{Bron: d.bron, Raw: d.raw, MessageID: d.messageID}, nil, d.invalid.Reden)
		return []Result{r}, err
	}
	if d.err != nil {
		return nil, fmt.Errorf("bestand lezen: %w", d.err)
	}
	if len(d.items) == 0 {
		return []Result{{Bron: d.bron, Resultaat: GeenBericht}}, nil
	}
	var out []Result
	for _, di := range d.items {
		r, err := s.importParsed(ctx, di.it, di.msg, di.err)
		if err != nil {
			return out, err
		}
		out = append(out, r)
	}
	return out, nil
}

// ImportItem imports one message, or quarantines it when it is invalid.
func (s *Service) ImportItem(ctx context.Context, it Item) (Result, error) {
	msg, err := s.parseItem(it)
	return s.importParsed(ctx, it, msg, err)
}

// importParsed imports one parsed message (parseErr: what parseItem returned), or
// quarantines it when it is invalid.
func (s *Service) importParsed(ctx context.Context, it Item, msg *Message, parseErr error) (Result, error) {
	r, msg, err := s.tryParsed(ctx, it, msg, parseErr)
	if ie, ok := AsInvalid(err); ok {
		return s.quarantine(ctx, it, msg, ie.Reden)
	}
	return r, err
}

// tryImport parses and applies one message in one transaction. An invalid message
// returns an *InvalidMessageError (and the message when it could be parsed).
func (s *Service) tryImport(ctx context.Context, it Item) (Result, *Message, error) {
	msg, err := s.parseItem(it)
	return s.tryParsed(ctx, it, msg, err)
}

// parseItem parses one item; an item that could not be read is invalid. The message is
// nil when the error is not.
func (s *Service) parseItem(it Item) (*Message, error) {
	if it.Reden != "" {
		return nil, Invalid("%s", it.Reden)
	}
	msg, err := s.dec.Parse(it.Raw)
	if err != nil {
		return nil, err
	}
	return msg, nil
}

// tryParsed checks and applies one parsed message in one transaction.
func (s *Service) tryParsed(ctx context.Context, it Item, msg *Message, parseErr error) (Result, *Message, error) {
	if parseErr != nil {
		return Result{}, nil, parseErr
	}
	if err := msg.routedElsewhere(); err != nil {
		return Result{}, msg, err
	}
	if err := msg.CheckReceived(s.now()); err != nil {
		return Result{}, msg, err
	}
	var r Result
	err := s.store.Update(ctx, func(tx Tx) error {
		var err error
		r, err = s.apply(tx, it, msg)
		return err
	})
	return r, msg, err
}

func (s *Service) quarantine(ctx context.Context, it Item, msg *Message, reden string) (Result, error) {
	q := &Quarantined{Bron: it.Bron, Reden: reden, Ontvangen: s.now().UTC(), Raw: it.Raw, MessageID: it.MessageID}
	err := s.store.Update(ctx, func(tx Tx) error {
		if err := tx.AddQuarantine(q); err != nil {
			return err
		}
		return s.auditQuarantine(tx, q.ID, "geplaatst")
	})
	if err != nil {
		return Result{}, fmt.Errorf("bericht in quarantaine plaatsen: %w", err)
	}
	r := Result{Bron: it.Bron, Resultaat: Quarantaine, Reden: reden, QuarantineID: q.ID}
	if msg != nil {
		r.Kenmerk, r.Soort = msg.Kenmerk, msg.Soort
	}
	return r, nil
}

// apply carries out one valid message inside a transaction.
func (s *Service) apply(tx Tx, it Item, msg *Message) (Result, error) {
	r := Result{Bron: it.Bron, Kenmerk: msg.Kenmerk, Soort: msg.Soort, Resultaat: Geimporteerd}
	use, hash, err := kenmerkUseOf(tx, msg, it.canonical)
	if err != nil {
		return r, err
	}
	switch {
	case use == kenmerkDubbel:
		r.Resultaat, r.Reden = Dubbel, "dit bericht is al eerder geïmporteerd (zelfde kenmerk)"
		return r, s.auditImport(tx, msg, r, nil)
	case use == kenmerkReused && msg.Soort != Intrekking:
		return r, Invalid("%s", ReusedKenmerkReden)
	}
	if err := checkGemeente(tx, msg.GemeenteCode); err != nil {
		return r, err
	}
	p, review, err := match(tx, msg.Betrokkene)
	if err != nil {
		return r, err
	}
	if holds(msg, review) { // it may be another person's: a casemanager decides first
		return s.hold(tx, it, msg, hash, p)
	}
	return s.applyMatched(tx, it, msg, use, hash, p, review)
}

// applyMatched carries out a message on the matched person (nil for a new one): the
// import's rules from the gemeente check on; also what a controle decision applies.
func (s *Service) applyMatched(tx Tx, it Item, msg *Message, use kenmerkUse, hash string, p *Person, review bool) (Result, error) {
	r := Result{Bron: it.Bron, Kenmerk: msg.Kenmerk, Soort: msg.Soort, Resultaat: Geimporteerd}
	switch {
	case use == kenmerkDubbel:
		r.Resultaat, r.Reden = Dubbel, "dit bericht is al eerder geïmporteerd (zelfde kenmerk)"
		return r, s.auditImport(tx, msg, r, nil)
	case use == kenmerkReused && msg.Soort != Intrekking:
		return r, Invalid("%s", ReusedKenmerkReden)
	}
	ap := applier{tx: tx, msg: msg, now: s.now(), person: p, review: review}
	var before *Subject // the matched person's identifiers; nil for a new person
	if p != nil {
		before = &Subject{BSN: p.BSN, SKN: p.SKN}
	}
	if err := ap.run(); err != nil {
		return r, err
	}
	others, err := ap.settle(before)
	if err != nil {
		return r, err
	}
	r.PersonID, r.Weggelaten = ap.personID(), ap.dropped
	if rv := msg.Intrekking; rv != nil && rv.Onbekend > 0 {
		r.Reden = unknownDomainsReason(rv.Onbekend, r.PersonID != 0)
	}
	if use == kenmerkReused { // an intrekking: applied all the same; the first message keeps the kenmerk
		r.Reden = joinReasons(ReusedKenmerkReden+"; de intrekking is toch toegepast", r.Reden)
	} else {
		err = tx.AddMessage(MessageRecord{
			Kenmerk: msg.Kenmerk, Soort: msg.Soort, Verzonden: msg.Verzonden,
			Ontvangen: s.now().UTC(), PersonID: r.PersonID, MessageID: it.MessageID, Inhoud: hash,
		})
		if err != nil {
			return r, err
		}
	}
	if err := s.auditImport(tx, msg, r, &ap); err != nil {
		return r, err
	}
	if err := s.auditSettled(tx, msg, others); err != nil {
		return r, err
	}
	if err := s.revokeHeld(tx, msg, ap.person); err != nil {
		return r, err
	}
	return r, s.revokeQuarantine(tx, msg, ap.person, it.quarantineID)
}

func checkGemeente(tx ReadTx, code string) error {
	v, err := tx.Setting(SettingGemeenten)
	if err != nil {
		return err
	}
	if v == "" {
		return ErrNotInitialised
	}
	if !slices.Contains(strings.Split(v, ","), code) {
		return Invalid("het bericht is voor gemeente %s, die deze installatie niet bedient", code)
	}
	return nil
}

// unknownDomainsReason is the reden of an intrekking applied to the domains it names
// that are known, while it also names others: how many, never what (no personal data).
func unknownDomainsReason(n int, flagged bool) string {
	what := "noemt ook een domein dat niet wordt herkend"
	if n > 1 {
		what = fmt.Sprintf("noemt ook %d domeinen die niet worden herkend", n)
	}
	done := "; de herkende domeinen zijn ingetrokken"
	if flagged {
		done += " en de persoon is gemarkeerd voor controle"
	}
	return "de intrekking " + what + done
}

// ReusedKenmerkReden is the reason for a message whose kenmerk is known with other
// content: not a duplicate (spec v2, "A reused kenmerk is not a duplicate").
const ReusedKenmerkReden = "het kenmerk van dit bericht is al eerder gebruikt voor een bericht met een andere inhoud"

// kenmerkUse is what a message's kenmerk means for the import.
type kenmerkUse int

const (
	kenmerkNew    kenmerkUse = iota
	kenmerkDubbel            // known, with the same content (or recorded before content was kept)
	kenmerkReused            // known, with other content
)

// kenmerkUseOf compares the message with the one first received under its kenmerk by
// content hash, and returns the message's own hash for the record.
func kenmerkUseOf(tx Tx, msg *Message, form []byte) (kenmerkUse, string, error) {
	key, err := tx.SecretKey()
	if err != nil {
		return kenmerkNew, "", err
	}
	hash := contentHash(key, msg, form)
	first, known, err := tx.MessageContent(msg.Kenmerk)
	if err == nil && !known { // a message held for controle is known too
		first, known, err = tx.HeldContent(msg.Kenmerk)
	}
	switch {
	case err != nil:
		return kenmerkNew, "", err
	case !known:
		return kenmerkNew, hash, nil
	case first == "" || first == hash: // "": imported before the content was kept
		return kenmerkDubbel, hash, nil
	}
	return kenmerkReused, hash, nil
}

func joinReasons(a, b string) string {
	if b == "" {
		return a
	}
	return a + "; " + b
}
