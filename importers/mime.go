package importers

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"mime"
	"strings"

	"github.com/emersion/go-message"
	_ "github.com/emersion/go-message/charset" // charsets for headers and text parts
	"github.com/emersion/go-message/mail"
	"github.com/emersion/go-message/textproto"

	"github.com/terugkeer/terugkeer/app"
)

// maxMailDepth bounds the nesting of multipart and message/rfc822 parts.
const maxMailDepth = 32

// extractMail reads an RFC 5322 e-mail and returns one item per XML part, found
// at any depth of multipart/* nesting and inside forwarded message/rfc822 parts.
func extractMail(bron string, raw []byte) ([]app.Item, error) {
	br := bufio.NewReader(bytes.NewReader(raw))
	h, err := textproto.ReadHeader(br)
	if err != nil {
		return nil, app.Invalid("het bestand is geen XML-bericht en geen geldige e-mail (de kop is onleesbaar)")
	}
	var docs [][]byte
	if err := collect(message.Header{Header: h}, br, 0, &docs); err != nil {
		return nil, err
	}
	id := messageID(mail.Header{Header: message.Header{Header: h}})
	items := make([]app.Item, len(docs))
	for i, doc := range docs {
		items[i] = app.Item{Bron: bron, Raw: doc, MessageID: id}
		if len(docs) > 1 {
			items[i].Bron = fmt.Sprintf("%s deel %d", bron, i+1)
		}
	}
	return items, nil
}

// messageID returns the Message-ID without angle brackets; a malformed one is
// kept as written, minus brackets and white space.
func messageID(h mail.Header) string {
	id, err := h.MessageID()
	if err != nil {
		return strings.Trim(h.Get("Message-Id"), "<> \t")
	}
	return id
}

// collect appends the XML documents in one entity (header and raw body) to docs.
func collect(h message.Header, body io.Reader, depth int, docs *[][]byte) error {
	if depth > maxMailDepth {
		return app.Invalid("de e-mail is dieper genest dan %d niveaus", maxMailDepth)
	}
	mediaType, params := contentType(h)
	switch {
	case strings.HasPrefix(mediaType, "multipart/"):
		return collectMultipart(body, params["boundary"], depth, docs)
	case mediaType == "message/rfc822":
		return collectForwarded(h, body, depth, docs)
	case isXMLPart(h, mediaType):
		doc, err := readXMLPart(h, params["charset"], body)
		if err != nil {
			return err
		}
		*docs = append(*docs, doc)
	}
	return nil
}

// contentType returns the lower-case media type and its parameters. A header
// with broken parameters still yields its media type.
func contentType(h message.Header) (string, map[string]string) {
	t, params, err := h.ContentType()
	if err != nil {
		t, _, _ = mime.ParseMediaType(h.Get("Content-Type"))
		return t, map[string]string{}
	}
	return t, params
}

// isXMLPart reports whether a part is a message: media type application/xml or
// text/xml, or a file name ending in .xml (RFC 2047 and RFC 2231 decoded, from
// Content-Disposition filename or Content-Type name).
func isXMLPart(h message.Header, mediaType string) bool {
	if mediaType == "application/xml" || mediaType == "text/xml" {
		return true
	}
	name, _ := (&mail.AttachmentHeader{Header: h}).Filename()
	return strings.HasSuffix(strings.ToLower(strings.TrimSpace(name)), ".xml")
}

func collectMultipart(body io.Reader, boundary string, depth int, docs *[][]byte) error {
	mr := textproto.NewMultipartReader(body, boundary)
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return app.Invalid("de MIME-structuur van de e-mail is ongeldig (multipart)")
		}
		if err := collect(message.Header{Header: p.Header}, p, depth+1, docs); err != nil {
			return err
		}
	}
}

// collectForwarded reads a message/rfc822 part as a mail of its own.
func collectForwarded(h message.Header, body io.Reader, depth int, docs *[][]byte) error {
	e, err := message.New(h, body)
	if err != nil {
		return nil // unknown transfer encoding: not readable, not a message
	}
	br := bufio.NewReader(e.Body)
	inner, err := textproto.ReadHeader(br)
	if err != nil {
		return app.Invalid("een doorgestuurde e-mail in de e-mail heeft een onleesbare kop")
	}
	return collect(message.Header{Header: inner}, br, depth+1, docs)
}

// readXMLPart decodes the transfer encoding of an XML part, reading at most one
// byte over the message size limit. The bytes keep their own encoding (the XML
// declaration names it); only a non-UTF-8 MIME charset on a document without an
// encoding declaration is converted to UTF-8.
func readXMLPart(h message.Header, charset string, body io.Reader) ([]byte, error) {
	plain := h.Copy()
	plain.Set("Content-Type", "application/xml") // no charset conversion by go-message
	e, err := message.New(plain, body)
	if err != nil {
		return nil, app.Invalid("een XML-deel van de e-mail heeft een onbekende Content-Transfer-Encoding")
	}
	doc, err := io.ReadAll(io.LimitReader(e.Body, app.MaxMessageSize+1))
	switch {
	case err != nil:
		return nil, app.Invalid("een XML-deel van de e-mail kan niet worden gedecodeerd of is afgebroken")
	case len(doc) > app.MaxMessageSize:
		return nil, app.Invalid("een XML-deel van de e-mail is groter dan %s", sizeMiB(app.MaxMessageSize))
	}
	return convertUndeclared(doc, charset), nil
}
