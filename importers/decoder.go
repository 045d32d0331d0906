package importers

import "github.com/terugkeer/terugkeer/app"

// Decoder decodes every version of the message format: version 1
// (urn:terugkeer:bericht:1) and version 2 (urn:terugkeer:bericht:2), picked per
// document by the namespace of its root element, whose versie must match. Files
// and the XML parts of e-mails are read alike, so one e-mail may carry documents
// of both versions.
type Decoder struct{}

var _ app.Decoder = Decoder{}

// Extract splits a file or e-mail into message items. Bytes that start with '<'
// (after an optional byte order mark and white space) are one XML document and
// one item; anything else is read as an RFC 5322 e-mail whose XML parts become
// the items. A mail without an XML part yields no items and no error.
func (Decoder) Extract(bron string, raw []byte) ([]app.Item, error) {
	return extract(bron, raw)
}

// Parse reads one XML message of format v1 or v2 and validates it with
// Message.Validate. Every error is an *app.InvalidMessageError.
func (Decoder) Parse(raw []byte) (*app.Message, error) {
	return parse(raw, formatV1, formatV2)
}
