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
// A part that cannot be decoded (bad base64, an unknown transfer encoding, over
// the size limit, cut off) becomes an item of its own with its raw bytes and a
// Reden, for the quarantine; every other part is still returned. Only when the
// e-mail as a whole cannot be read is the error returned.
func extractMail(bron string, raw []byte) ([]app.Item, error) {
	br := bufio.NewReader(bytes.NewReader(raw))
	h, err := textproto.ReadHeader(br)
	if err != nil {
		return nil, app.Invalid("het bestand is geen XML-bericht en geen geldige e-mail (de kop is onleesbaar)")
	}
	var found []app.Item
	if err := collect(message.Header{Header: h}, br, 0, &found); err != nil {
		return nil, err
	}
	id := messageID(mail.Header{Header: message.Header{Header: h}})
	for i := range found {
		found[i].Bron, found[i].MessageID = bron, id
		if len(found) > 1 {
			found[i].Bron = fmt.Sprintf("%s deel %d", bron, i+1)
		}
	}
	return found, nil
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

// collect appends the XML documents in one entity (header and raw body) to found.
// An error means this entity cannot be read; the caller isolates it (badPart).
func collect(h message.Header, body io.Reader, depth int, found *[]app.Item) error {
	if depth > maxMailDepth {
		return app.Invalid("de e-mail is dieper genest dan %d niveaus", maxMailDepth)
	}
	mediaType, params := contentType(h)
	switch {
	case strings.HasPrefix(mediaType, "multipart/"):
		return collectMultipart(body, params["boundary"], depth, found)
	case mediaType == "message/rfc822":
		return collectForwarded(h, body, depth, found)
	case isXMLPart(h, mediaType):
		doc, err := readXMLPart(h, params["charset"], body)
		if err != nil {
			return err
		}
		*found = append(*found, app.Item{Raw: doc})
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

// collectMultipart reads the parts of a multipart body. A part that cannot be read
// becomes one quarantine item (badPart) and the next part is read; a multipart that
// breaks off between parts gives its unread rest as one quarantine item. Only a
// multipart without a single readable part is an error of the whole.
func collectMultipart(body io.Reader, boundary string, depth int, found *[]app.Item) error {
	var all bytes.Buffer
	mr := textproto.NewMultipartReader(io.TeeReader(body, &all), boundary)
	lastBad := false // the part before was isolated: it holds the rest already
	for parts := 0; ; parts++ {
		p, err := mr.NextPart()
		switch {
		case err == io.EOF:
			return nil
		case err != nil && parts == 0:
			return app.Invalid("de MIME-structuur van de e-mail is ongeldig (multipart)")
		case err != nil && lastBad:
			return nil
		case err != nil:
			*found = append(*found, app.Item{Raw: restAfterBoundary(all.Bytes(), boundary),
				Reden: "de e-mail houdt onverwacht op of is na dit punt ongeldig (multipart); dit laatste stuk is apart in quarantaine geplaatst"})
			return nil
		}
		before := len(*found)
		if err := collectPart(p, depth, found); err != nil {
			return err
		}
		lastBad = len(*found) > before && (*found)[len(*found)-1].Reden != ""
	}
}

// collectPart reads one part of a multipart; when it cannot be read, the part's own
// bytes (its header and its undecoded body) become one quarantine item with the reason.
func collectPart(p *textproto.Part, depth int, found *[]app.Item) error {
	var raw bytes.Buffer
	body := io.TeeReader(p, &raw)
	err := collect(message.Header{Header: p.Header}, body, depth+1, found)
	ie, ok := app.AsInvalid(err)
	if !ok {
		return err
	}
	_, _ = io.Copy(io.Discard, body) // the rest of the part's bytes, as far as they go
	var part bytes.Buffer
	if err := textproto.WriteHeader(&part, p.Header); err != nil {
		return fmt.Errorf("deel van de e-mail bewaren: %w", err)
	}
	part.Write(raw.Bytes())
	*found = append(*found, app.Item{Raw: part.Bytes(), Reden: ie.Reden})
	return nil
}

// restAfterBoundary returns the bytes from the last boundary line on: the part that
// broke the multipart off.
func restAfterBoundary(body []byte, boundary string) []byte {
	i := bytes.LastIndex(body, []byte("--"+boundary))
	if i < 0 {
		return bytes.Clone(body)
	}
	return bytes.Clone(body[i:])
}

// collectForwarded reads a message/rfc822 part as a mail of its own. One with a
// transfer encoding we cannot decode is an error (its part goes to quarantine), not
// "no message": it may well hold one.
func collectForwarded(h message.Header, body io.Reader, depth int, found *[]app.Item) error {
	e, err := message.New(h, body)
	if err != nil {
		return app.Invalid("een doorgestuurde e-mail in de e-mail heeft een onbekende Content-Transfer-Encoding")
	}
	br := bufio.NewReader(e.Body)
	inner, err := textproto.ReadHeader(br)
	if err != nil {
		return app.Invalid("een doorgestuurde e-mail in de e-mail heeft een onleesbare kop")
	}
	return collect(message.Header{Header: inner}, br, depth+1, found)
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
