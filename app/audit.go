package app

import (
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
	Grondslag string // "wettelijk", "toestemming" or ""
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
