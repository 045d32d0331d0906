package importers_test

import (
	"bytes"
	"mime/quotedprintable"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers"
)

// A v2 document declared ISO-8859-1 is decoded like a v1 one.
func TestV2Latin1(t *testing.T) {
	doc := v2Doc(t, plan03, `encoding="UTF-8"`, `encoding="ISO-8859-1"`,
		"<achternaam>El Idrissi</achternaam>", "<achternaam>Öztürk</achternaam>",
		"Goed contact met haar zus", "Goed contact met haar zus, één broer")
	latin1, err := charmap.ISO8859_1.NewEncoder().Bytes(doc)
	if err != nil {
		t.Fatal(err)
	}
	m, err := importers.Decoder{}.Parse(latin1)
	if err != nil {
		t.Fatal(err)
	}
	l, _ := m.Plan.LifeArea(app.SociaalNetwerk)
	if m.Betrokkene.Achternaam != "Öztürk" || !strings.HasPrefix(l.Situatie, "Goed contact met haar zus, één broer") {
		t.Errorf("achternaam %q, situatie %q", m.Betrokkene.Achternaam, l.Situatie)
	}
}

// One e-mail may carry documents of both versions; each part is parsed in its own.
func TestMailWithBothVersions(t *testing.T) {
	var qp bytes.Buffer
	w := quotedprintable.NewWriter(&qp)
	w.Write(read(t, "voorbeelden-v2/03-dr-plan-nieuwer.xml"))
	w.Close()
	mail := "Message-ID: <beide@x>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n" +
		"--b\r\nContent-Type: application/xml\r\n\r\n" + string(read(t, "voorbeelden/04-intrekking.xml")) + "\r\n" +
		"--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"plan.xml\"\r\n" +
		"Content-Transfer-Encoding: quoted-printable\r\n\r\n" + qp.String() + "\r\n--b--\r\n"
	items, err := importers.Decoder{}.Extract("beide.eml", []byte(mail))
	if err != nil || len(items) != 2 {
		t.Fatalf("%d items, %v", len(items), err)
	}
	for i, want := range []struct {
		versie string
		soort  app.Kind
	}{{"1", app.Intrekking}, {"2", app.DRPlan}} {
		m, err := importers.Decoder{}.Parse(items[i].Raw)
		if err != nil || m.Versie != want.versie || m.Soort != want.soort || items[i].MessageID != "beide@x" {
			t.Errorf("part %d: %v %+v", i+1, err, m)
		}
	}
	if _, err := (importers.V1{}).Parse(items[1].Raw); err == nil {
		t.Error("V1 parsed a v2 document")
	}
}

func TestV2Oversize(t *testing.T) {
	raw := append(read(t, "voorbeelden-v2/03-dr-plan-nieuwer.xml"), bytes.Repeat([]byte("\n"), app.MaxMessageSize)...)
	_, err := importers.Decoder{}.Parse(raw)
	wantInvalid(t, err, "het bericht is groter dan 10 MiB")
}

func TestV2NamespacePrefix(t *testing.T) {
	raw := string(read(t, "voorbeelden-v2/05-dr-plan-berg.xml"))
	body := strings.SplitN(raw, "\n", 2)[1]
	prefixed := strings.NewReplacer(`<bericht xmlns="urn:terugkeer:bericht:2"`, `<p:bericht xmlns:p="urn:terugkeer:bericht:2"`,
		"</", "</p:", "<", "<p:").Replace(body)
	m, err := importers.Decoder{}.Parse([]byte(prefixed))
	if err != nil || m.Plan == nil || len(m.Plan.Leefgebieden) != 1 || len(m.Plan.Leefgebieden[0].Afspraken) != 1 {
		t.Errorf("prefixed document: %v %+v", err, m)
	}
}
