package importers

import (
	"bytes"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers/msg"
)

// V1 decodes message format version 1 only: XML documents in the namespace
// urn:terugkeer:bericht:1, as files or inside e-mails. Decoder reads both
// versions.
type V1 struct{}

var _ app.Decoder = V1{}

// Extract splits a file or e-mail into message items, as Decoder.Extract.
func (V1) Extract(bron string, raw []byte) ([]app.Item, error) {
	return extract(bron, raw)
}

// Parse reads one XML message of format v1 and validates it with
// Message.Validate. Every error is an *app.InvalidMessageError.
func (V1) Parse(raw []byte) (*app.Message, error) {
	return parse(raw, formatV1)
}

// extract splits a file or e-mail into message items. Bytes that start with '<'
// (after an optional byte order mark and white space) are one XML document and
// one item; an Outlook .msg file (a compound file) yields the XML documents in
// its body and attachments (see extractOutlook); anything else is read as an
// RFC 5322 e-mail whose XML parts become the items. A mail without an XML part
// yields no items and no error. Items are not told apart by version: Parse picks
// the format of each.
func extract(bron string, raw []byte) ([]app.Item, error) {
	start := bytes.TrimLeft(bytes.TrimPrefix(raw, []byte(utf8BOM)), " \t\r\n")
	switch {
	case msg.IsMsg(raw):
		return extractOutlook(bron, raw)
	case len(start) == 0:
		return nil, app.Invalid("het bestand is leeg")
	case start[0] == '<':
		return []app.Item{{Bron: bron, Raw: raw}}, nil
	}
	return extractMail(bron, raw)
}

// parse reads one XML message in one of the known formats, picked by the root
// element's namespace, and validates it. The size limit, the encodings and the
// refusal of DTDs and entities are the same for every format.
func parse(raw []byte, known ...format) (*app.Message, error) {
	if len(raw) > app.MaxMessageSize {
		return nil, app.Invalid("het bericht is groter dan %s", sizeMiB(app.MaxMessageSize))
	}
	raw = bytes.TrimPrefix(raw, []byte(utf8BOM))
	f, err := checkStructure(raw, known)
	if err != nil {
		return nil, err
	}
	doc, err := decodeDocument(raw)
	if err != nil {
		return nil, err
	}
	msg, err := doc.message(f)
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
