package importers_test

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"strings"
	"testing"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers"
)

func TestLatin1(t *testing.T) {
	m := parseOne(t, "testdata/latin1.xml")
	b := m.Betrokkene
	if b.Voornamen != "Zoë Hélène" || b.Voorvoegsel != "d'" || b.Achternaam != "Öztürk" || b.BSN != "999990044" {
		t.Errorf("Betrokkene = %+v", b)
	}
}

func TestWindows1252(t *testing.T) {
	m := parseOne(t, "testdata/cp1252.xml")
	if m.Betrokkene.Achternaam != "Œuvray" || m.Betrokkene.Voornamen != "Zoë" {
		t.Errorf("Betrokkene = %+v", m.Betrokkene)
	}
	want := app.Answer{Code: "schulden.omvang", Antwoord: "tot-5000", Toelichting: "Openstaand € 2.500 bij Œuvre BV."}
	if s := m.Informatieblad; s == nil || len(s.Onderwerpen) != 1 || s.Onderwerpen[0] != want {
		t.Errorf("Informatieblad = %+v", s)
	}
}

func TestMailParts(t *testing.T) {
	cases := []struct {
		file, kenmerk, messageID string
	}{
		{"nested.eml", "TEST-NESTED", "nested-1@agg.example.test"},
		{"rfc2231.eml", "TEST-RFC2231", "rfc2231-1@agg.example.test"},
		{"rfc2047.eml", "TEST-RFC2047", "rfc2047-1@agg.example.test"},
		{"whole-textxml.eml", "TEST-WHOLE", "whole-1@agg.example.test"},
		{"qp-latin1.eml", "TEST-LATIN1", "qp-1@agg.example.test"},
		{"undeclared-cp1252.eml", "TEST-UNDECLARED", "und-1@agg.example.test"},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			path := "testdata/" + c.file
			items := extract(t, path)
			if len(items) != 1 || items[0].Bron != path || items[0].MessageID != c.messageID {
				t.Fatalf("items = %+v", items)
			}
			if m := parseOne(t, path); m.Kenmerk != c.kenmerk {
				t.Errorf("Kenmerk = %q, want %q", m.Kenmerk, c.kenmerk)
			}
		})
	}
}

// A text/xml part with charset=iso-8859-1 whose document declares ISO-8859-1 must
// keep its bytes: converting them too would double-decode the names.
func TestQuotedPrintableLatin1KeepsBytes(t *testing.T) {
	m := parseOne(t, "testdata/qp-latin1.eml")
	if m.Betrokkene.Achternaam != "Öztürk" || m.Betrokkene.Voornamen != "Zoë Hélène" {
		t.Errorf("Betrokkene = %+v", m.Betrokkene)
	}
}

func TestUndeclaredCharsetConverted(t *testing.T) {
	m := parseOne(t, "testdata/undeclared-cp1252.eml")
	if got := m.Informatieblad.Onderwerpen[0].Toelichting; got != "Openstaand € 2.500 bij Œuvre BV." {
		t.Errorf("Toelichting = %q", got)
	}
}

func TestTwoMessagesInOneMail(t *testing.T) {
	items := extract(t, "testdata/two.eml")
	if len(items) != 2 {
		t.Fatalf("%d items, want 2", len(items))
	}
	for i, want := range []string{"TEST-TWEE-A", "TEST-TWEE-B"} {
		bron := fmt.Sprintf("testdata/two.eml deel %d", i+1)
		if items[i].Bron != bron || items[i].MessageID != "two-1@agg.example.test" {
			t.Errorf("item %d = %q %q", i, items[i].Bron, items[i].MessageID)
		}
		m, err := importers.V1{}.Parse(items[i].Raw)
		if err != nil || m.Kenmerk != want {
			t.Fatalf("item %d: %v %+v", i, err, m)
		}
	}
	m, _ := importers.V1{}.Parse(items[1].Raw)
	if r := m.Intrekking; r == nil || !r.Alle || len(r.Domeinen) != len(app.Domains()) {
		t.Errorf("Intrekking alle = %+v", r)
	}
}

func TestBrokenMail(t *testing.T) {
	items, err := importers.V1{}.Extract("x", read(t, "testdata/broken-mime.eml"))
	if err != nil || len(items) != 1 {
		t.Fatalf("items = %+v, err %v", items, err)
	}
	wantContains(t, items[0].Reden, "e-mail")
}

func TestExtractNotAMail(t *testing.T) {
	for _, raw := range []string{"", " \r\n", "dit is geen e-mail\nen ook geen XML\n"} {
		_, err := importers.V1{}.Extract("x", []byte(raw))
		wantInvalid(t, err, "")
	}
}

func TestExtractXMLWithBOM(t *testing.T) {
	raw := append([]byte("\xef\xbb\xbf\r\n"), read(t, "voorbeelden/01-melding-begin.xml")...)
	items, err := importers.V1{}.Extract("bom.xml", raw)
	if err != nil || len(items) != 1 || !bytes.Equal(items[0].Raw, raw) || items[0].MessageID != "" {
		t.Fatalf("items = %+v, err %v", items, err)
	}
	if _, err := (importers.V1{}).Parse(append([]byte("\xef\xbb\xbf"), read(t, "voorbeelden/01-melding-begin.xml")...)); err != nil {
		t.Errorf("Parse with BOM: %v", err)
	}
}

// mailWithPart wraps one XML part of the given size in a mail.
func mailWithPart(xml []byte) []byte {
	enc := base64.StdEncoding.EncodeToString(xml)
	var b strings.Builder
	b.WriteString("Message-ID: <big@x>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n")
	b.WriteString("--b\r\nContent-Type: application/xml\r\nContent-Transfer-Encoding: base64\r\n\r\n")
	for len(enc) > 76 {
		b.WriteString(enc[:76] + "\r\n")
		enc = enc[76:]
	}
	b.WriteString(enc + "\r\n--b--\r\n")
	return []byte(b.String())
}

func TestOversizePart(t *testing.T) {
	big := bytes.Repeat([]byte(" "), app.MaxMessageSize+1)
	items, err := importers.V1{}.Extract("big.eml", mailWithPart(big))
	if err != nil || len(items) != 1 {
		t.Fatalf("items = %d, err %v", len(items), err)
	}
	wantContains(t, items[0].Reden, "groter dan 10 MiB")

	items, err = importers.V1{}.Extract("ok.eml", mailWithPart(big[:app.MaxMessageSize]))
	if err != nil || len(items) != 1 || len(items[0].Raw) != app.MaxMessageSize {
		t.Errorf("part of exactly the limit: %v", err)
	}
}

func TestOversizeMessage(t *testing.T) {
	raw := read(t, "voorbeelden/01-melding-begin.xml")
	raw = append(raw, bytes.Repeat([]byte("\n"), app.MaxMessageSize)...)
	_, err := importers.V1{}.Parse(raw)
	wantInvalid(t, err, "het bericht is groter dan 10 MiB")
}

func TestForwardedMail(t *testing.T) {
	inner := read(t, "voorbeelden/02-informatieblad.eml")
	outer := "Message-ID: <fwd@x>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=f\r\n\r\n" +
		"--f\r\nContent-Type: text/plain\r\n\r\nDoorgestuurd.\r\n--f\r\nContent-Type: message/rfc822\r\n\r\n" +
		string(inner) + "\r\n--f--\r\n"
	items, err := importers.V1{}.Extract("fwd.eml", []byte(outer))
	if err != nil || len(items) != 1 || items[0].MessageID != "fwd@x" {
		t.Fatalf("items = %+v, err %v", items, err)
	}
	if m, err := (importers.V1{}).Parse(items[0].Raw); err != nil || m.Kenmerk != "AGG-2019-000102" {
		t.Errorf("Parse: %v", err)
	}
}

func TestTransferEncodings(t *testing.T) {
	xml := read(t, "voorbeelden/04-intrekking.xml")
	head := "Message-ID: <te@x>\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
	textPart := "--b\r\nContent-Type: text/plain; charset=x-onbekend\r\nContent-Transfer-Encoding: x-uuencode\r\n\r\nbegin 644\r\n"
	xmlPart := func(cte string) string {
		return "--b\r\nContent-Type: application/xml\r\nContent-Transfer-Encoding: " + cte + "\r\n\r\n" + string(xml) + "\r\n"
	}
	for _, cte := range []string{"7bit", "8bit", "binary", "BASE64"} {
		body := xmlPart(cte)
		if cte == "BASE64" {
			body = "--b\r\nContent-Type: application/xml\r\nContent-Transfer-Encoding: BASE64\r\n\r\n" +
				base64.StdEncoding.EncodeToString(xml) + "\r\n"
		}
		items, err := importers.V1{}.Extract("te.eml", []byte(head+textPart+body+"--b--\r\n"))
		if err != nil || len(items) != 1 {
			t.Fatalf("%s: %d items, %v", cte, len(items), err)
		}
		if _, err := (importers.V1{}).Parse(items[0].Raw); err != nil {
			t.Errorf("%s: %v", cte, err)
		}
	}
	items, err := importers.V1{}.Extract("te.eml", []byte(head+xmlPart("x-uuencode")+"--b--\r\n"))
	if err != nil || len(items) != 1 {
		t.Fatalf("items = %+v, err %v", items, err)
	}
	wantContains(t, items[0].Reden, "onbekende Content-Transfer-Encoding")
}

func TestDeepNesting(t *testing.T) {
	var b strings.Builder
	b.WriteString("Content-Type: multipart/mixed; boundary=b0\r\n\r\n")
	for i := 0; i < 40; i++ {
		fmt.Fprintf(&b, "--b%d\r\nContent-Type: multipart/mixed; boundary=b%d\r\n\r\n", i, i+1)
	}
	items, err := importers.V1{}.Extract("deep.eml", []byte(b.String()))
	if err != nil || len(items) != 1 {
		t.Fatalf("%d items, err %v", len(items), err)
	}
	wantContains(t, items[0].Reden, "dieper genest")
}

func TestFilenameDetection(t *testing.T) {
	xml := base64.StdEncoding.EncodeToString(read(t, "voorbeelden/04-intrekking.xml"))
	cases := map[string]int{
		"Content-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"=?utf-8?q?bericht=5Fb=C3=A9.xml?=\"":            1,
		"Content-Type: application/octet-stream; name*=UTF-8''bericht%C3%A9.Xml":                                                               1,
		"Content-Type: application/octet-stream\r\nContent-Disposition: attachment;\r\n filename*0*=UTF-8''bericht%C3%A9;\r\n filename*1=.xml": 1,
		"Content-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"bericht.xml.pdf\"":                              0,
		"Content-Type: application/pdf; name=\"bijlage.pdf\"":                                                                                  0,
	}
	for header, want := range cases {
		mail := "Message-ID: <fn@x>\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n" + header +
			"\r\nContent-Transfer-Encoding: base64\r\n\r\n" + xml + "\r\n--b--\r\n"
		items, err := importers.V1{}.Extract("fn.eml", []byte(mail))
		if err != nil || len(items) != want {
			t.Errorf("%q: %d items (want %d), %v", header, len(items), want, err)
		}
	}
}
