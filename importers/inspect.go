package importers

import (
	"bytes"
	"strings"

	"github.com/terugkeer/terugkeer/app"
)

// Inspect reads a quarantined message without validating it: whose it is and which
// domains it holds data of, so that a revocation can reach it (berichtformaat-v2.md,
// "A revocation reaches the quarantine"). ok is false when the bytes cannot be read as
// a document at all.
func (Decoder) Inspect(raw []byte) (app.QuarantineContent, bool) { return inspect(raw) }

// Inspect is Decoder.Inspect.
func (V1) Inspect(raw []byte) (app.QuarantineContent, bool) { return inspect(raw) }

// inspect is lenient where Parse is strict: values are trimmed and compared without
// regard to case, unknown codes are skipped, and a date that cannot be read is left
// zero (which the caller treats as "not after" any revocation: when in doubt, the
// revocation wins).
func inspect(raw []byte) (app.QuarantineContent, bool) {
	if len(raw) > app.MaxMessageSize {
		return app.QuarantineContent{}, false
	}
	doc, err := decodeDocument(bytes.TrimPrefix(raw, []byte(utf8BOM)))
	if err != nil {
		return app.QuarantineContent{}, false
	}
	c := app.QuarantineContent{
		BSN: strings.TrimSpace(doc.Betrokkene.BSN),
		SKN: strings.TrimSpace(doc.Betrokkene.SKN),
	}
	if ib := doc.Informatieblad; ib != nil {
		c.Informatieblad = true
		c.Opgesteld, _ = app.ParseDate(strings.TrimSpace(ib.Opgesteld))
		c.Domeinen = ib.dataDomains()
	}
	return c, true
}

// dataDomains returns the domains the sheet holds data of: a topic or a hulpvraag of
// the domain, and, when it holds general topics, every domain it gives consent for (the
// general topics are stored on that consent).
func (x *xmlInformatieblad) dataDomains() []app.Domain {
	set := map[app.Domain]bool{}
	general := false
	for _, o := range x.Onderwerp {
		t, ok := app.TopicByCode(strings.TrimSpace(o.Code))
		switch {
		case !ok:
		case t.General():
			general = true
		default:
			set[t.Domain] = true
		}
	}
	for _, h := range x.Hulpvraag {
		if d := lenientDomain(h.Domein); d.Valid() && strings.TrimSpace(h.Value) != "" {
			set[d] = true
		}
	}
	for _, t := range x.Toestemming {
		if d := lenientDomain(t.Domein); general && d.Valid() && strings.EqualFold(strings.TrimSpace(t.Gegeven), "ja") {
			set[d] = true
		}
	}
	var out []app.Domain
	for _, d := range app.Domains() {
		if set[d] {
			out = append(out, d)
		}
	}
	return out
}

func lenientDomain(s string) app.Domain {
	return app.Domain(strings.ToLower(strings.TrimSpace(s)))
}
