package importers_test

import (
	"bytes"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/emersion/go-message"
	"golang.org/x/text/encoding/charmap"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers"
	"github.com/terugkeer/terugkeer/importers/msg"
	"github.com/terugkeer/terugkeer/importers/msg/msgtest"
)

func exampleFiles() map[string][]byte {
	files := map[string][]byte{}
	for _, e := range importers.Examples() {
		files[e.Name] = e.Data
	}
	return files
}

// parsed is what one item of a file turns into: its message or its reason.
type parsed struct {
	Msg       *app.Message
	Reden     string
	MessageID string
}

func parseItems(t *testing.T, raw []byte) []parsed {
	t.Helper()
	items, err := importers.V1{}.Extract("f", raw)
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	var out []parsed
	for _, it := range items {
		p := parsed{Reden: it.Reden, MessageID: it.MessageID}
		if it.Reden == "" {
			m, err := importers.V1{}.Parse(it.Raw)
			if ie, ok := app.AsInvalid(err); ok {
				p.Reden = ie.Reden
			} else {
				p.Msg = m
			}
		}
		out = append(out, p)
	}
	return out
}

func TestOutlookExamplesReadAsTheirEml(t *testing.T) {
	raw := msgtest.File(msgtest.AllExamples(exampleFiles()))
	got := parseItems(t, raw)
	if len(got) != 5 {
		t.Fatalf("%d items, want the 5 XML documents of the examples", len(got))
	}
	kenmerken := []string{"AGG-2019-000101", "AGG-2019-000102", "AGG-2019-000103", "AGG-2019-000104"}
	for i, k := range kenmerken {
		if got[i].Msg == nil || got[i].Msg.Kenmerk != k {
			t.Errorf("item %d = %+v, want %s", i, got[i], k)
		}
	}
	if !strings.Contains(got[4].Reden, "elfproef") || got[0].MessageID != "voorbeelden@gemeente.test" {
		t.Errorf("item 4 = %+v, message id %q", got[4], got[0].MessageID)
	}
	want := parseItems(t, msgtest.Convert(t, raw))
	if !reflect.DeepEqual(got, want) {
		t.Errorf("the .msg reads as\n%+v\nmsgconvert's .eml as\n%+v", got, want)
	}
}

// plainBody returns the first text/plain part of a mail, decoded.
func plainBody(t *testing.T, eml []byte) []byte {
	t.Helper()
	e, err := message.Read(bytes.NewReader(eml))
	if err != nil {
		t.Fatal(err)
	}
	var body []byte
	err = e.Walk(func(_ []int, p *message.Entity, err error) error {
		if ct, _, _ := p.Header.ContentType(); err == nil && ct == "text/plain" && body == nil {
			body, err = io.ReadAll(p.Body)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return body
}

func TestOutlookInlineXMLBody(t *testing.T) {
	doc := read(t, "voorbeelden/01-melding-begin.xml")
	cp1252 := read(t, "testdata/cp1252.xml")
	for _, tc := range []struct {
		name string
		m    *msgtest.Message
		want string // achternaam
		file string // the same document as a file
		text string // the body as text
	}{
		{"unicode", &msgtest.Message{Body: string(doc)}, "Berg", "voorbeelden/01-melding-begin.xml", string(doc)},
		{"cp1252 declared", &msgtest.Message{Body8: cp1252, Codepage: 1252}, "Œuvray", "testdata/cp1252.xml", decode1252(cp1252)},
		{"cp1252 undeclared", &msgtest.Message{Body8: undeclared(cp1252), Codepage: 1252}, "Œuvray", "testdata/cp1252.xml", decode1252(undeclared(cp1252))},
		{"unicode declared windows-1252", &msgtest.Message{Body: decode1252(cp1252)}, "Œuvray", "testdata/cp1252.xml", decode1252(cp1252)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			raw := msgtest.File(tc.m)
			got := parseItems(t, raw)
			if len(got) != 1 || got[0].Msg == nil || got[0].Msg.Betrokkene.Achternaam != tc.want {
				t.Fatalf("items = %+v", got)
			}
			if file := parseOne(t, tc.file); !reflect.DeepEqual(got[0].Msg, file) {
				t.Errorf("inline body reads as %+v, the file as %+v", got[0].Msg, file)
			}
			// msgconvert writes the body as a text/plain part (it drops the original
			// Content-Type), which a mail import does not take as a message: the
			// cross-check is that the independent reader finds the same text.
			if body := plainBody(t, msgtest.Convert(t, raw)); string(body) != tc.text {
				t.Errorf("msgconvert reads the body as %q", body)
			}
		})
	}
}

func TestOutlookMessageIDFromTransportHeaders(t *testing.T) {
	m := msgtest.FromEML(read(t, "voorbeelden/02-informatieblad.eml"))
	m.MessageID = ""
	got := parseItems(t, msgtest.File(m))
	if len(got) != 1 || got[0].MessageID != "280939701915570@agg.example.test" {
		t.Errorf("items = %+v", got)
	}
}

func TestOutlookNestedMsgFile(t *testing.T) {
	inner := msgtest.File(msgtest.FromEML(read(t, "voorbeelden/03-melding-einde.eml")))
	outer := &msgtest.Message{MessageID: "<buiten@gemeente.test>", Attachments: []msgtest.Attachment{
		{Name: "doorgestuurd.msg", MimeTag: "application/vnd.ms-outlook", Data: inner},
	}}
	got := parseItems(t, msgtest.File(outer))
	if len(got) != 1 || got[0].Msg == nil || got[0].Msg.Kenmerk != "AGG-2019-000103" || got[0].MessageID != "buiten@gemeente.test" {
		t.Errorf("items = %+v", got)
	}
}

func TestOutlookBadAttachmentSpoilsNothingElse(t *testing.T) {
	big := append([]byte("<bericht>"), bytes.Repeat([]byte(" "), app.MaxMessageSize)...)
	broken := append([]byte(msg.Signature), bytes.Repeat([]byte{0xff}, 700)...)
	m := &msgtest.Message{Attachments: []msgtest.Attachment{
		{Name: "groot.xml", Data: big},
		{Name: "kapot.msg", Data: broken},
		{Name: "begin.xml", Data: read(t, "voorbeelden/01-melding-begin.xml")},
	}}
	items, err := importers.V1{}.Extract("f.msg", msgtest.File(m))
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 3 {
		t.Fatalf("%d items, want the large XML, the broken .msg and the good one", len(items))
	}
	wantContains(t, items[0].Reden, "groter dan 10 MiB")
	wantContains(t, items[1].Reden, "bijgevoegd Outlook-bericht is onleesbaar")
	if !bytes.Equal(items[0].Raw, big) || !bytes.Equal(items[1].Raw, broken) {
		t.Error("a bad attachment's own bytes are not kept for quarantine")
	}
	if items[2].Reden != "" || items[2].Bron != "f.msg deel 3" {
		t.Errorf("good item = %q %q", items[2].Bron, items[2].Reden)
	}
}

func TestOutlookUnreadableFileIsInvalid(t *testing.T) {
	raw := msgtest.File(&msgtest.Message{Body: "tekst"})
	for _, bad := range [][]byte{raw[:600], append([]byte(msg.Signature), bytes.Repeat([]byte{0}, 512)...)} {
		_, err := importers.V1{}.Extract("f.msg", bad)
		wantInvalid(t, err, "Outlook-bericht")
	}
}

// undeclared strips the XML declaration of a document.
func undeclared(doc []byte) []byte {
	_, rest, _ := bytes.Cut(doc, []byte("?>"))
	return bytes.TrimLeft(rest, "\r\n")
}

func decode1252(b []byte) string {
	out, err := charmap.Windows1252.NewDecoder().Bytes(b)
	if err != nil {
		panic(err)
	}
	return string(out)
}
