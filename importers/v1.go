package importers

import (
	"bytes"

	"github.com/terugkeer/terugkeer/app"
)

// V1 decodes message format version 1: XML documents in the namespace
// urn:terugkeer:bericht:1, as files or inside e-mails.
type V1 struct{}

var _ app.Decoder = V1{}

// Extract splits a file or e-mail into message items. Bytes that start with '<'
// (after an optional byte order mark and white space) are one XML document and
// one item; anything else is read as an RFC 5322 e-mail whose XML parts become
// the items. A mail without an XML part yields no items and no error.
func (V1) Extract(bron string, raw []byte) ([]app.Item, error) {
	start := bytes.TrimLeft(bytes.TrimPrefix(raw, []byte(utf8BOM)), " \t\r\n")
	switch {
	case len(start) == 0:
		return nil, app.Invalid("het bestand is leeg")
	case start[0] == '<':
		return []app.Item{{Bron: bron, Raw: raw}}, nil
	}
	return extractMail(bron, raw)
}

// Parse reads one XML message of format v1 and validates it with
// Message.Validate. Every error is an *app.InvalidMessageError.
func (V1) Parse(raw []byte) (*app.Message, error) {
	if len(raw) > app.MaxMessageSize {
		return nil, app.Invalid("het bericht is groter dan %s", sizeMiB(app.MaxMessageSize))
	}
	raw = bytes.TrimPrefix(raw, []byte(utf8BOM))
	if err := checkStructure(raw); err != nil {
		return nil, err
	}
	doc, err := decodeDocument(raw)
	if err != nil {
		return nil, err
	}
	msg, err := doc.message()
	if err != nil {
		return nil, err
	}
	if err := msg.Validate(); err != nil {
		return nil, err
	}
	return msg, nil
}

// utf8BOM is the UTF-8 byte order mark, allowed before a document.
const utf8BOM = "\xef\xbb\xbf"
