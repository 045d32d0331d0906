package msg_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/terugkeer/terugkeer/importers/msg"
	"github.com/terugkeer/terugkeer/importers/msg/msgtest"
)

func sample() *msgtest.Message {
	return &msgtest.Message{
		Subject:   "Informatieblad é",
		MessageID: "<abc@dji.example>",
		Headers:   "Message-ID: <abc@dji.example>\r\nSubject: x\r\n",
		Body:      "Zie bijlage.",
		Attachments: []msgtest.Attachment{
			{Name: "bericht.xml", MimeTag: "application/xml", Data: []byte("<bericht/>")},
			{Name: "groot.bin", Data: bytes.Repeat([]byte("x"), 5000)},
			{Name: "doorgestuurd", Embedded: &msgtest.Message{
				Subject: "binnen", Body: "<bericht/>",
				Attachments: []msgtest.Attachment{{Name: "b.xml", Data: []byte("<b/>")}},
			}},
		},
	}
}

func TestParseReadsWhatTheWriterWrote(t *testing.T) {
	m, err := msg.Parse(msgtest.File(sample()))
	if err != nil {
		t.Fatal(err)
	}
	if m.Subject != "Informatieblad é" || m.MessageID != "<abc@dji.example>" || m.Body.String() != "Zie bijlage." {
		t.Fatalf("message: %+v", m)
	}
	if !strings.HasPrefix(m.Headers, "Message-ID:") {
		t.Fatalf("headers %q", m.Headers)
	}
	if len(m.Attachments) != 3 {
		t.Fatalf("%d attachments", len(m.Attachments))
	}
	a := m.Attachments
	if a[0].Name != "bericht.xml" || a[0].MimeTag != "application/xml" || string(a[0].Data) != "<bericht/>" || a[0].Err != nil {
		t.Errorf("attachment 0: %+v", a[0])
	}
	if len(a[1].Data) != 5000 || a[1].Err != nil {
		t.Errorf("attachment 1: %d bytes, %v", len(a[1].Data), a[1].Err)
	}
	e := a[2].Embedded
	if e == nil || e.Body.String() != "<bericht/>" || len(e.Attachments) != 1 || string(e.Attachments[0].Data) != "<b/>" {
		t.Errorf("embedded: %+v", a[2])
	}
}

func TestParseRefusesWhatIsNoCompoundFile(t *testing.T) {
	for _, raw := range [][]byte{nil, []byte("From: x\r\n\r\n"), []byte(msg.Signature), []byte(msg.Signature + strings.Repeat("\x00", 600))} {
		if _, err := msg.Parse(raw); !errors.Is(err, msg.ErrFormat) {
			t.Errorf("%q: %v", raw[:min(len(raw), 12)], err)
		}
	}
}
