package importers

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"

	"github.com/emersion/go-message"
	"github.com/emersion/go-message/mail"
	"github.com/emersion/go-message/textproto"
	"golang.org/x/text/encoding/charmap"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers/msg"
)

// extractOutlook reads an Outlook .msg file and returns one item per XML document
// in it: an XML body, XML attachments, and those of attached and embedded messages
// at any depth. A part that cannot be read becomes an item with a reason, to be
// quarantined on its own; the file as a whole is refused only when its structure
// is unreadable.
func extractOutlook(bron string, raw []byte) ([]app.Item, error) {
	m, err := msg.Parse(raw)
	if err != nil {
		return nil, outlookInvalid(err)
	}
	var parts []outlookPart
	if err := collectOutlook(m, 0, &parts); err != nil {
		return nil, err
	}
	id := outlookMessageID(m)
	items := make([]app.Item, len(parts))
	for i, p := range parts {
		items[i] = app.Item{Bron: bron, Raw: p.doc, MessageID: id, Reden: p.reden}
		if p.reden != "" && p.doc == nil {
			items[i].Raw = raw // the part has no bytes of its own: keep the whole file
		}
		if len(parts) > 1 {
			items[i].Bron = fmt.Sprintf("%s deel %d", bron, i+1)
		}
	}
	return items, nil
}

// outlookPart is an XML document of a .msg, or a part that could not be read.
type outlookPart struct {
	doc   []byte
	reden string
}

func outlookInvalid(err error) error {
	if fe, ok := err.(*msg.FormatError); ok {
		return app.Invalid("%s", fe.Reason)
	}
	return app.Invalid("het Outlook-bericht kan niet worden gelezen")
}

// outlookMessageID returns PidTagInternetMessageId without angle brackets, or else
// the Message-ID of the transport headers.
func outlookMessageID(m *msg.Message) string {
	if id := strings.Trim(m.MessageID, "<> \t\r\n"); id != "" {
		return id
	}
	h, err := textproto.ReadHeader(bufio.NewReader(strings.NewReader(m.Headers + "\r\n\r\n")))
	if err != nil {
		return ""
	}
	return messageID(mail.Header{Header: message.Header{Header: h}})
}

// collectOutlook appends the XML documents of one message to parts.
func collectOutlook(m *msg.Message, depth int, parts *[]outlookPart) error {
	if depth > maxMailDepth {
		return app.Invalid("het Outlook-bericht is dieper genest dan %d niveaus", maxMailDepth)
	}
	if doc, ok := inlineXML(m.Body); ok {
		*parts = append(*parts, sized(doc, "de tekst van het Outlook-bericht"))
	}
	for _, a := range m.Attachments {
		if err := collectAttachment(a, depth, parts); err != nil {
			return err
		}
	}
	return nil
}

func collectAttachment(a msg.Attachment, depth int, parts *[]outlookPart) error {
	switch {
	case a.Err != nil:
		*parts = append(*parts, outlookPart{reden: "een bijlage van het Outlook-bericht is onleesbaar: " + reasonOf(a.Err)})
	case a.Embedded != nil:
		return collectOutlook(a.Embedded, depth+1, parts)
	case msg.IsMsg(a.Data):
		inner, err := msg.Parse(a.Data)
		if err != nil {
			*parts = append(*parts, outlookPart{doc: a.Data, reden: "een bijgevoegd Outlook-bericht is onleesbaar: " + reasonOf(err)})
			return nil
		}
		return collectOutlook(inner, depth+1, parts)
	case isMailAttachment(a):
		return collectAttachedMail(a.Data, depth, parts)
	case isXMLAttachment(a):
		*parts = append(*parts, sized(a.Data, "een XML-bijlage van het Outlook-bericht"))
	}
	return nil
}

// collectAttachedMail reads an attached e-mail (.eml) as the mail importer does.
func collectAttachedMail(data []byte, depth int, parts *[]outlookPart) error {
	br := bufio.NewReader(bytes.NewReader(data))
	h, err := textproto.ReadHeader(br)
	if err != nil {
		return app.Invalid("een bijgevoegde e-mail in het Outlook-bericht heeft een onleesbare kop")
	}
	var found []app.Item
	err = collect(message.Header{Header: h}, br, depth+1, &found)
	if ie, ok := app.AsInvalid(err); ok { // this attachment only: the others still count
		*parts = append(*parts, outlookPart{doc: data, reden: ie.Reden})
		return nil
	}
	if err != nil {
		return err
	}
	for _, it := range found {
		*parts = append(*parts, outlookPart{doc: it.Raw, reden: it.Reden})
	}
	return nil
}

func reasonOf(err error) string {
	if fe, ok := err.(*msg.FormatError); ok {
		return fe.Reason
	}
	return "onbekende fout"
}

// sized returns a document, or a part to quarantine when it is over the message
// size limit.
func sized(doc []byte, what string) outlookPart {
	if len(doc) > app.MaxMessageSize {
		return outlookPart{doc: doc, reden: fmt.Sprintf("%s is groter dan %s", what, sizeMiB(app.MaxMessageSize))}
	}
	return outlookPart{doc: doc}
}

// isXMLAttachment reports whether an attachment is a message: MIME tag
// application/xml or text/xml, or a file name ending in .xml.
func isXMLAttachment(a msg.Attachment) bool {
	t := mimeTag(a)
	return t == "application/xml" || t == "text/xml" || strings.HasSuffix(strings.ToLower(strings.TrimSpace(a.Name)), ".xml")
}

// isMailAttachment reports whether an attachment is an e-mail (.eml) file.
func isMailAttachment(a msg.Attachment) bool {
	return mimeTag(a) == "message/rfc822" || strings.HasSuffix(strings.ToLower(strings.TrimSpace(a.Name)), ".eml")
}

func mimeTag(a msg.Attachment) string {
	t, _, _ := strings.Cut(a.MimeTag, ";")
	return strings.ToLower(strings.TrimSpace(t))
}

// inlineXML returns the body as an XML document when the text is one: it starts
// with '<' after white space (the rule Extract applies to a file). A Unicode body
// becomes UTF-8, re-encoded only when its declaration names ISO-8859-1 or
// windows-1252; an 8-bit body keeps its bytes when it declares an encoding and is
// converted from its code page otherwise, as a MIME part with a charset is.
func inlineXML(body msg.Text) ([]byte, bool) {
	text := body.String()
	if !strings.HasPrefix(strings.TrimLeft(strings.TrimPrefix(text, utf8BOM), " \t\r\n"), "<") {
		return nil, false
	}
	if !body.Unicode {
		return convertUndeclared(bytes.TrimRight(body.Data, "\x00"), msg.Charset(body.Codepage)), true
	}
	doc := []byte(text)
	if !declaresEncoding(doc) {
		return doc, true
	}
	switch declaredLabel(doc) {
	case "iso-8859-1", "iso8859-1", "latin1":
		if b, err := charmap.ISO8859_1.NewEncoder().Bytes(doc); err == nil {
			return b, true
		}
	case "windows-1252", "cp1252":
		if b, err := charmap.Windows1252.NewEncoder().Bytes(doc); err == nil {
			return b, true
		}
	}
	return doc, true
}

// declaredLabel returns the lower-case encoding label of an XML declaration.
func declaredLabel(doc []byte) string {
	end := bytes.Index(doc, []byte("?>"))
	if end < 0 {
		return ""
	}
	_, rest, ok := strings.Cut(string(doc[:end]), "encoding")
	if !ok {
		return ""
	}
	rest = strings.TrimLeft(rest, " \t\r\n=")
	if rest == "" || (rest[0] != '"' && rest[0] != '\'') {
		return ""
	}
	label, _, _ := strings.Cut(rest[1:], rest[:1])
	return strings.ToLower(strings.TrimSpace(label))
}
