package app

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"time"
)

// Audit actions (verwerkingsacties), modelled on GEMMA Verwerkingenlogging.
const (
	ActieImport      = "import"
	ActieInzage      = "inzage"        // a person's file viewed
	ActieWijziging   = "wijziging"     // follow-up, contact, trajectory changed
	ActieExport      = "export"        // PDF made
	ActiePurge       = "purge"         // consent data removed (revocation, withdrawal, rule 6)
	ActieBewaring    = "bewaartermijn" // retention run
	ActieQuarantaine = "quarantaine"   // message quarantined, retried or discarded
	ActieInstelling  = "instelling"    // settings changed
	ActieControle    = "controle"      // a held message decided: zelfde or andere persoon
)

// AuditEntry is one verwerkingsactie. It holds no personal data: objects are named by
// internal id, sources by message kenmerk, and free text is never stored.
type AuditEntry struct {
	ID        int64
	Tijd      time.Time
	Actie     string
	Object    string // e.g. "persoon", "bericht", "quarantaine", "rapport"
	ObjectID  int64  // internal id, 0 when none
	Resultaat string // e.g. "geimporteerd", "dubbel", "verwijderd", "ok", "mislukt"
	Grondslag string // Kind.Grondslag: a Grondslag* code, or ""
	Actor     string // configured user name
	Bron      string // message kenmerk, when there is one
	Domeinen  []Domain
	Aantal    int // count of items affected
	Hash      string
	PrevHash  string
}

// canonical is the byte string the chain hash covers.
func (e AuditEntry) canonical() string {
	doms := make([]string, len(e.Domeinen))
	for i, d := range e.Domeinen {
		doms[i] = string(d)
	}
	return strings.Join([]string{
		e.PrevHash, e.Tijd.UTC().Format(time.RFC3339Nano), e.Actie, e.Object,
		strconv.FormatInt(e.ObjectID, 10), e.Resultaat, e.Grondslag, e.Actor, e.Bron,
		strings.Join(doms, ","), strconv.Itoa(e.Aantal),
	}, "\x1f")
}

// Seal sets PrevHash and Hash so the entry chains onto prev (the previous entry's Hash,
// "" for the first entry).
func (e *AuditEntry) Seal(prev string) {
	e.PrevHash = prev
	sum := sha256.Sum256([]byte(e.canonical()))
	e.Hash = hex.EncodeToString(sum[:])
}

// Intact reports whether the entry's hash matches its content and chains onto prev.
func (e AuditEntry) Intact(prev string) bool {
	c := e
	c.Seal(prev)
	return c.Hash == e.Hash && e.PrevHash == prev
}

// AuditFilter selects audit entries; zero fields do not filter.
type AuditFilter struct {
	Actie    string
	ObjectID int64
	Van, Tot time.Time // Tijd in [Van, Tot)
	Limit    int
}

// AuditReadTx reads the audit log.
type AuditReadTx interface {
	// AuditEntries returns entries in chain order (oldest first).
	AuditEntries(f AuditFilter) ([]AuditEntry, error)
	// AuditSeal returns the log's seal with Echt set, or nil when there is none.
	AuditSeal() (*AuditSeal, error)
}

// AuditSeal is what the audit log must hold, kept apart from the log (storage: its own
// table, rewritten in every transaction that appends to or prunes the log): the number
// of entries, the anchor the oldest chains onto and the hash of the newest, with an
// HMAC-SHA256 under the installation key over the three. Removing entries at either end
// (or all of them) no longer fits the seal; a seal written by hand does not fit its MAC.
type AuditSeal struct {
	Aantal  int
	Anker   string // PrevHash of the oldest entry ("" before retention pruned the log)
	Laatste string // Hash of the newest entry; the anchor when the log is empty
	MAC     string
	Echt    bool // set by the store: MAC fits under the installation key
}

// SealAudit returns the seal of a log of n entries from anchor to last.
func SealAudit(secret []byte, n int, anchor, last string) AuditSeal {
	s := AuditSeal{Aantal: n, Anker: anchor, Laatste: last}
	s.MAC = s.mac(secret)
	s.Echt = true
	return s
}

// Fits reports whether the seal's MAC fits its content under secret.
func (s AuditSeal) Fits(secret []byte) bool {
	return len(secret) > 0 && hmac.Equal([]byte(s.MAC), []byte(s.mac(secret)))
}

func (s AuditSeal) mac(secret []byte) string {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte("logboekzegel\x1f" + strconv.Itoa(s.Aantal) + "\x1f" + s.Anker + "\x1f" + s.Laatste))
	return hex.EncodeToString(m.Sum(nil))
}

// AuditTx writes the audit log.
type AuditTx interface {
	// AddAudit seals e onto the last entry of the chain (AuditEntry.Seal), stores it and
	// rewrites the log's AuditSeal (unless that no longer fits: the evidence stays).
	AddAudit(e *AuditEntry) error
}

// audit records a verwerkingsactie inside tx, with the clock and the configured user.
func (s *Service) audit(tx Tx, e AuditEntry) error {
	if e.Tijd.IsZero() {
		e.Tijd = s.now().UTC()
	}
	if e.Actor == "" {
		actor, err := s.userName(tx)
		if err != nil {
			return err
		}
		e.Actor = actor
	}
	return tx.AddAudit(&e)
}

// SettingAuditAnker holds the hash of the last audit entry removed by retention: the
// PrevHash the first remaining entry must carry. Empty while nothing was removed.
const SettingAuditAnker = "logboek.anker"

// Seal problems of an AuditCheck.
const (
	ZegelOntbreekt = "ontbreekt" // the seal's row was removed
	ZegelVervalst  = "vervalst"  // the seal does not fit its MAC
	ZegelBegin     = "begin"     // entries removed at the start (the oldest)
	ZegelEind      = "eind"      // entries removed at the end (the newest)
	ZegelAantal    = "aantal"    // the number of entries differs otherwise
	ZegelAnker     = "anker"     // the anchor setting was changed
)

// AuditCheck is the outcome of verifying the audit chain and its seal.
type AuditCheck struct {
	Intact   bool
	Entries  int    // entries checked
	FirstBad int64  // id of the first entry that does not fit the chain; 0 when none
	Zegel    string // a Zegel* problem; "" when the log fits its seal
	Verwacht int    // entries the seal counts (when it is genuine)
	Aanwezig int    // entries in the log
}

// verifyEntries walks entries (chain order) from anchor.
func verifyEntries(anchor string, entries []AuditEntry) AuditCheck {
	prev := anchor
	for i, e := range entries {
		if !e.Intact(prev) {
			return AuditCheck{Entries: i, FirstBad: e.ID}
		}
		prev = e.Hash
	}
	return AuditCheck{Intact: true, Entries: len(entries)}
}

// checkSeal compares the log with its seal; it returns a Zegel* problem or "".
func checkSeal(seal *AuditSeal, anchor string, entries []AuditEntry) string {
	switch {
	case seal == nil:
		return ZegelOntbreekt
	case !seal.Echt:
		return ZegelVervalst
	}
	first, last := seal.Anker, seal.Anker
	if len(entries) > 0 {
		first, last = entries[0].PrevHash, entries[len(entries)-1].Hash
	}
	switch {
	case first != seal.Anker:
		return ZegelBegin
	case last != seal.Laatste:
		return ZegelEind
	case len(entries) != seal.Aantal:
		return ZegelAantal
	case anchor != seal.Anker:
		return ZegelAnker
	}
	return ""
}

// AuditLog returns the audit entries that match f, oldest first.
func (s *Service) AuditLog(ctx context.Context, f AuditFilter) ([]AuditEntry, error) {
	return read(ctx, s.store, func(tx ReadTx) ([]AuditEntry, error) { return tx.AuditEntries(f) })
}

// VerifyAudit checks the whole chain: every entry's hash must match its content and
// chain onto the previous entry, the first onto the anchor left by retention. An entry
// that was edited, or whose predecessor was deleted, is reported as the first bad one.
// The log is then held against its seal (AuditSeal): entries removed at the start or the
// end, or all of them, a changed anchor and a removed or hand-made seal are reported in
// Zegel. What the seal cannot show is in docs/privacy.md (whoever holds the database
// file holds the installation key too).
func (s *Service) VerifyAudit(ctx context.Context) (AuditCheck, error) {
	var c AuditCheck
	err := s.store.View(ctx, func(tx ReadTx) error {
		var err error
		c, err = VerifyAuditIn(tx)
		return err
	})
	return c, err
}

// VerifyAuditIn is VerifyAudit within tx: for a check of a log before the transaction
// that wrote it commits (db migreer copies a log and rolls back when it does not verify).
func VerifyAuditIn(tx ReadTx) (AuditCheck, error) {
	anchor, err := tx.Setting(SettingAuditAnker)
	if err != nil {
		return AuditCheck{}, err
	}
	entries, err := tx.AuditEntries(AuditFilter{})
	if err != nil {
		return AuditCheck{}, err
	}
	seal, err := tx.AuditSeal()
	if err != nil {
		return AuditCheck{}, err
	}
	c := verifyEntries(anchor, entries)
	c.Aanwezig = len(entries)
	if c.Zegel = checkSeal(seal, anchor, entries); c.Zegel != "" {
		c.Intact = false
	}
	if seal != nil && seal.Echt {
		c.Verwacht = seal.Aantal
	}
	return c, nil
}

// auditImport records one imported (or duplicate) message and, when it purged consent
// data or removed the person under rule 6, what it purged, each as its own entry.
func (s *Service) auditImport(tx Tx, msg *Message, r Result, ap *applier) error {
	e := AuditEntry{Actie: ActieImport, Object: ObjectPersoon, ObjectID: r.PersonID,
		Resultaat: string(r.Resultaat), Grondslag: msg.Soort.Grondslag(), Bron: msg.Kenmerk, Aantal: r.Weggelaten}
	if err := s.audit(tx, e); err != nil || ap == nil || ap.person == nil {
		return err
	}
	if pc := ap.planPurged; pc.Items > 0 {
		// What a newer D&R-plan no longer holds (v2 rule 2), by count.
		err := s.audit(tx, AuditEntry{Actie: ActiePurge, Object: ObjectPersoon, ObjectID: ap.person.ID,
			Resultaat: "gewist", Grondslag: GrondslagPlan, Bron: msg.Kenmerk, Domeinen: pc.Domeinen, Aantal: pc.Items})
		if err != nil {
			return err
		}
	}
	return s.auditPurge(tx, msg.Kenmerk, settled{id: ap.person.ID, purged: ap.purged, removed: ap.removed})
}

// auditPurge records what a message purged of one person, and its removal under rule 6.
func (s *Service) auditPurge(tx Tx, kenmerk string, st settled) error {
	if pc := st.purged; len(pc.Domeinen) > 0 || pc.Items > 0 {
		err := s.audit(tx, AuditEntry{Actie: ActiePurge, Object: ObjectPersoon, ObjectID: st.id,
			Resultaat: "gewist", Grondslag: "toestemming", Bron: kenmerk, Domeinen: pc.Domeinen, Aantal: pc.Items})
		if err != nil {
			return err
		}
	}
	if !st.removed {
		return nil
	}
	return s.audit(tx, AuditEntry{Actie: ActiePurge, Object: ObjectPersoon, ObjectID: st.id,
		Resultaat: "verwijderd-regel-6", Bron: kenmerk})
}

// auditQuarantine records a quarantined message placed, retried or removed.
func (s *Service) auditQuarantine(tx Tx, id int64, resultaat string) error {
	return s.audit(tx, AuditEntry{Actie: ActieQuarantaine, Object: "quarantaine", ObjectID: id, Resultaat: resultaat})
}

// auditSetting records a changed setting by its key; the value is never logged.
func (s *Service) auditSetting(tx Tx, key string) error {
	return s.audit(tx, AuditEntry{Actie: ActieInstelling, Object: "instelling", Resultaat: "gewijzigd", Bron: key})
}
