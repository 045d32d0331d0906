package msgtest

import (
	"bytes"
	"io"
	"strings"

	"github.com/emersion/go-message"
	_ "github.com/emersion/go-message/charset" // charsets of the examples' text parts
	"github.com/emersion/go-message/mail"
)

// FromEML returns the Outlook message of an e-mail as Outlook would store it: the
// headers as transport headers, the first text/plain part as the body, and every
// other leaf part as an attachment. It panics on a mail it cannot read (test input).
func FromEML(raw []byte) *Message {
	e, err := message.Read(bytes.NewReader(raw))
	if err != nil {
		panic("msgtest: " + err.Error())
	}
	end := bytes.Index(raw, []byte("\r\n\r\n"))
	if end < 0 {
		end = bytes.Index(raw, []byte("\n\n"))
	}
	h := mail.Header{Header: e.Header}
	subject, _ := h.Subject()
	m := &Message{Subject: subject, MessageID: e.Header.Get("Message-Id"), Headers: string(raw[:max(end, 0)]) + "\r\n"}
	err = e.Walk(func(_ []int, part *message.Entity, err error) error {
		if err != nil {
			return err
		}
		t, _, _ := part.Header.ContentType()
		if strings.HasPrefix(t, "multipart/") {
			return nil
		}
		data, err := io.ReadAll(part.Body)
		if err != nil {
			return err
		}
		if t == "text/plain" && m.Body == "" && len(m.Attachments) == 0 {
			m.Body = string(data)
			return nil
		}
		name, _ := (&mail.AttachmentHeader{Header: part.Header}).Filename()
		m.Attachments = append(m.Attachments, Attachment{Name: name, MimeTag: t, Data: data})
		return nil
	})
	if err != nil {
		panic("msgtest: " + err.Error())
	}
	return m
}
