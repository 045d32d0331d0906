package msgtest

import (
	"sort"
	"strings"
)

// AllExamples returns a mail that carries the given example files (name → bytes),
// in name order, as Outlook stores them when a casemanager attaches them: an XML
// file as an attachment, a mail as an embedded message, and the mail whose name
// holds "einde" as an attached .eml file, so that every way in is covered.
func AllExamples(files map[string][]byte) *Message {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	m := &Message{
		Subject:   "Voorbeelden",
		MessageID: "<voorbeelden@gemeente.test>",
		Body:      "De voorbeelden als bijlagen.",
	}
	for _, n := range names {
		data := files[n]
		switch {
		case strings.HasSuffix(n, ".xml"):
			m.Attachments = append(m.Attachments, Attachment{Name: n, MimeTag: "application/xml", Data: data})
		case strings.Contains(n, "einde"):
			m.Attachments = append(m.Attachments, Attachment{Name: n, MimeTag: "message/rfc822", Data: data})
		default:
			m.Attachments = append(m.Attachments, Attachment{Name: n, Embedded: FromEML(data)})
		}
	}
	return m
}
