package importers_test

import (
	"testing"

	"github.com/terugkeer/terugkeer/importers"
	"github.com/terugkeer/terugkeer/importers/msg/msgtest"
)

// FuzzOutlook feeds .msg files (the examples, an inline body, nesting) to Extract:
// no panic, every error and every item's reason an *app.InvalidMessageError-worthy
// sentence, and every item readable by Parse or refused with a reason.
func FuzzOutlook(f *testing.F) {
	f.Add(msgtest.File(msgtest.AllExamples(exampleFiles())))
	f.Add(msgtest.File(&msgtest.Message{Body: string(importers.Examples()[0].Data)}))
	f.Add(msgtest.File(&msgtest.Message{Body8: []byte("<b\xe9richt/>"), Codepage: 1252, Headers: "Message-ID: <a@b>\r\n"}))
	f.Add(msgtest.File(&msgtest.Message{Attachments: []msgtest.Attachment{
		{Name: "a.msg", Data: msgtest.File(&msgtest.Message{Attachments: []msgtest.Attachment{{Name: "x.xml", Data: []byte("<x/>")}}})},
		{Name: "e", Embedded: &msgtest.Message{Body: "<y/>", Attachments: []msgtest.Attachment{{Name: "b.eml", Data: []byte("Content-Type: text/xml\r\n\r\n<z/>")}}}},
	}}))
	f.Fuzz(func(t *testing.T, raw []byte) {
		items, err := importers.V1{}.Extract("f.msg", raw)
		checkErr(t, err)
		for _, it := range items {
			if it.Raw == nil {
				t.Fatal("an item without bytes")
			}
			if it.Reden != "" {
				continue
			}
			_, err := importers.V1{}.Parse(it.Raw)
			checkErr(t, err)
		}
	})
}
