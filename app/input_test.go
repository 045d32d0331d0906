package app_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

var sentRe = regexp.MustCompile(`verzonden="[^"]*"`)

// withSent replaces the verzonden of a generated message.
func withSent(x, verzonden string) string {
	return sentRe.ReplaceAllString(x, `verzonden="`+verzonden+`"`)
}

func wantQuarantine(t *testing.T, r app.Result, reason string) {
	t.Helper()
	if r.Resultaat != app.Quarantaine || !strings.Contains(r.Reden, reason) {
		t.Fatalf("result %s (%q), want quarantaine with %q", r.Resultaat, r.Reden, reason)
	}
}

// An informatieblad dated 2091 would outrank every later intrekking (rule 2): it is
// invalid, whether its verzonden is honest (2019) or lies too (2091).
func TestFutureSheetIsInvalid(t *testing.T) {
	w := newWorld(t)
	future := sheet("999990019", "Berg", "2091-01-01", "TOEKOMST", app.Schulden)
	wantQuarantine(t, w.importXML(withSent(future, "2019-06-03T10:00:00+02:00")),
		"de datum opgesteld van het informatieblad ligt na de verzenddatum")
	wantQuarantine(t, w.importXML(withSent(future, "2091-01-01T10:00:00+02:00")),
		"de verzenddatum (verzonden) ligt meer dan een dag na het moment van inlezen")
	// The intrekking that follows holds: no sheet of 2091 brings schulden back.
	w.mustImport(melding("999990019", "Berg", "2019-05-01", ""))
	w.mustImport(sheet("999990019", "Berg", "2019-06-03", "NU", app.Schulden))
	w.mustImport(intrekking("999990019", "Berg", "2019-07-01", "schulden"))
	f := w.file(w.personID("999990019"))
	if got := f.Domeinen[app.Schulden].Toestemming; got != app.ConsentIngetrokken {
		t.Errorf("schulden = %s, want ingetrokken", got)
	}
}

// A melding sent "in 2091" would freeze a detention: no later melding (by verzonden)
// could change its dates. It is invalid; the real einde melding then counts.
func TestFutureMeldingIsInvalid(t *testing.T) {
	w := newWorld(t)
	w.mustImport(melding("999990019", "Berg", "2019-05-01", "2019-08-14"))
	frozen := withSent(melding("999990019", "Berg", "2019-05-01", "2019-12-31"), "2091-01-01T10:00:00+02:00")
	wantQuarantine(t, w.importXML(frozen), "meer dan een dag na het moment van inlezen")
	einde := strings.Replace(melding("999990019", "Berg", "2019-05-01", "2019-08-20"), `status="verwacht"`, `status="definitief"`, 1)
	w.mustImport(withSent(einde, "2019-08-20T10:00:00+02:00"))
	d, ok := w.file(w.personID("999990019")).LatestDetention()
	if !ok || d.Einddatum.String() != "2019-08-20" || d.EinddatumStatus != app.EindDefinitief {
		t.Errorf("detention = %+v", d)
	}
	// A sender's clock a little ahead is not refused: up to one day after the import.
	ahead := w.clock.Add(23 * time.Hour).Format(time.RFC3339)
	w.mustImport(withSent(melding("999990020", "Mol", "2019-05-01", ""), ahead))
}

func TestBodyDatesNotAfterVerzonden(t *testing.T) {
	w := newWorld(t)
	const sent = "2019-06-03T00:30:00+02:00" // 2019-06-03 in its own offset, 2019-06-02 in UTC
	for _, c := range []struct{ x, reason string }{
		{melding("999990019", "Berg", "2019-06-04", ""), "de begindatum van de detentie ligt na de verzenddatum"},
		{intrekking("999990019", "Berg", "2019-06-04", "zorg"), "de datum ondertekend van de intrekking ligt na de verzenddatum"},
	} {
		wantQuarantine(t, w.importXML(withSent(c.x, sent)), c.reason)
	}
	w.mustImport(withSent(melding("999990019", "Berg", "2019-06-03", "2019-12-01"), sent)) // same day; einddatum may lie ahead
}

// Years before 1900 or after 2100 are invalid, and 0001-01-01 (Go's zero time) is not
// "missing": it is a date out of range.
func TestDateYearRange(t *testing.T) {
	w := newWorld(t)
	base := melding("999990019", "Berg", "2019-05-01", "")
	for _, c := range []struct{ old, new, reason string }{
		{"<geboortedatum>1980-01-01<", "<geboortedatum>1899-12-31<", "de geboortedatum van de betrokkene ligt niet tussen 1900 en 2100"},
		{"<geboortedatum>1980-01-01<", "<geboortedatum>0001-01-01<", "de geboortedatum van de betrokkene ligt niet tussen 1900 en 2100"},
		{"<begindatum>2019-05-01<", "<begindatum>0001-01-01<", "de begindatum van de detentie ligt niet tussen 1900 en 2100"},
		{`<detentie><begindatum>2019-05-01</begindatum>`, `<detentie><begindatum>2019-05-01</begindatum><einddatum status="verwacht">2101-01-01</einddatum>`, "de einddatum van de detentie ligt niet tussen 1900 en 2100"},
	} {
		x := strings.Replace(base, c.old, c.new, 1)
		if x == base {
			t.Fatalf("%s not in the message", c.old)
		}
		wantQuarantine(t, w.importXML(x), c.reason)
	}
	wantQuarantine(t, w.importXML(withSent(base, "0001-01-01T00:00:00Z")), "de verzenddatum (verzonden) ligt niet tussen 1900 en 2100")
	wantQuarantine(t, w.importXML(strings.Replace(sheet("999990019", "Berg", "2019-05-01", "M", app.Zorg), `opgesteld="2019-05-01"`, `opgesteld="0001-01-01"`, 1)),
		"de datum opgesteld van het informatieblad ligt niet tussen 1900 en 2100")
}

// Domain names of an intrekking in any case and with white space are recognised.
func TestRevocationDomainCaseAndSpace(t *testing.T) {
	w := newWorld(t)
	w.mustImport(melding("999990019", "Berg", "2019-05-01", ""))
	w.mustImport(sheet("999990019", "Berg", "2019-06-03", "CASUS", app.Schulden, app.Zorg, app.Onderdak))
	w.present("CASUS-schulden", "CASUS-zorg")
	w.mustImport(intrekking("999990019", "Berg", "2019-07-01", " Schulden "))
	f := w.file(w.personID("999990019"))
	if got := f.Domeinen[app.Schulden].Toestemming; got != app.ConsentIngetrokken {
		t.Errorf("schulden = %s after ' Schulden ', want ingetrokken", got)
	}
	w.mustImport(intrekking("999990019", "Berg", "2019-07-02", "\n ALLE\t"))
	f = w.file(w.personID("999990019"))
	for _, d := range app.Domains() {
		if f.Domeinen[d].Toestemming == app.ConsentJa {
			t.Errorf("%s still ja after ' ALLE '", d)
		}
	}
	w.absent("CASUS-schulden", "CASUS-zorg", "CASUS-onderdak")
}

// An intrekking that also names something unknown is applied to the domains it knows,
// reported geimporteerd with a reason that does not echo the unknown text, and the
// person is flagged for review.
func TestRevocationWithUnknownDomain(t *testing.T) {
	w := newWorld(t)
	w.mustImport(melding("999990019", "Berg", "2019-05-01", ""))
	w.mustImport(sheet("999990019", "Berg", "2019-06-03", "DEELS", app.Schulden, app.Zorg))
	w.present("DEELS-schulden")
	r := w.mustImport(intrekking("999990019", "Berg", "2019-07-01", "schulden", "Jan Jansen Dorpsstraat 1", "vrijetijd"))
	if !strings.Contains(r.Reden, "noemt ook 2 domeinen die niet worden herkend") || !strings.Contains(r.Reden, "gemarkeerd voor controle") {
		t.Errorf("reden = %q", r.Reden)
	}
	for _, echo := range []string{"Jansen", "Dorpsstraat", "vrijetijd"} {
		if strings.Contains(r.Reden, echo) {
			t.Errorf("reden %q echoes %q", r.Reden, echo)
		}
	}
	f := w.file(w.personID("999990019"))
	if got := f.Domeinen[app.Schulden].Toestemming; got != app.ConsentIngetrokken {
		t.Errorf("schulden = %s, want ingetrokken", got)
	}
	if got := f.Domeinen[app.Zorg].Toestemming; got != app.ConsentJa {
		t.Errorf("zorg = %s, want ja (not named)", got)
	}
	if !f.Person.ControleNodig {
		t.Error("person not flagged for review")
	}
	w.absent("DEELS-schulden")
	// Nothing recognised at all: nothing can be applied, so a person must look at it.
	wantQuarantine(t, w.importXML(intrekking("999990019", "Berg", "2019-07-02", "Jan Jansen")), "de intrekking noemt geen enkel bekend domein")
}

// mail builds a multipart e-mail from raw parts (each with its own header lines).
func mail(parts ...string) []byte {
	var b strings.Builder
	b.WriteString("Message-ID: <delen@agg.example.test>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=grens\r\n\r\n")
	for _, p := range parts {
		b.WriteString("--grens\r\n" + p + "\r\n")
	}
	b.WriteString("--grens--\r\n")
	return []byte(b.String())
}

func b64Part(x string) string {
	return "Content-Type: application/xml\r\nContent-Transfer-Encoding: base64\r\n\r\n" + base64.StdEncoding.EncodeToString([]byte(x))
}

// One bad part of an e-mail goes to quarantine on its own; every other message in it is
// imported.
func TestOneBadPartSpoilsNothingElse(t *testing.T) {
	w := newWorld(t)
	good1 := melding("999990019", "Berg", "2019-05-01", "")
	good2 := melding("999990032", "Klaassen", "2019-05-02", "")
	forwarded := "Content-Type: message/rfc822\r\nContent-Transfer-Encoding: x-onbekend\r\n\r\n" +
		"Content-Type: application/xml\r\n\r\n" + melding("999990044", "Dekker", "2019-05-03", "")
	bigXML := melding("999990056", "Groot", "2019-05-04", "") + "<!--" + strings.Repeat("x", app.MaxMessageSize) + "-->"
	raw := mail(
		b64Part(good1),
		"Content-Type: application/xml\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!dit-is-geen-base64!!!",
		"Content-Type: application/xml\r\nContent-Transfer-Encoding: x-uuencode\r\n\r\n"+good2,
		forwarded,
		b64Part(bigXML),
		b64Part(good2),
	)
	rs, err := w.svc.ImportBytes(context.Background(), "delen.eml", "", raw)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		out    app.Outcome
		reason string
	}{
		{app.Geimporteerd, ""},
		{app.Quarantaine, "kan niet worden gedecodeerd"},
		{app.Quarantaine, "onbekende Content-Transfer-Encoding"},
		{app.Quarantaine, "een doorgestuurde e-mail in de e-mail heeft een onbekende Content-Transfer-Encoding"},
		{app.Quarantaine, "groter dan 10 MiB"},
		{app.Geimporteerd, ""},
	}
	if len(rs) != len(want) {
		t.Fatalf("%d results, want %d: %+v", len(rs), len(want), rs)
	}
	for i, r := range rs {
		if r.Resultaat != want[i].out || !strings.Contains(r.Reden, want[i].reason) || r.Bron != fmt.Sprintf("delen.eml deel %d", i+1) {
			t.Errorf("part %d: %s %q (%s), want %s %q", i+1, r.Resultaat, r.Reden, r.Bron, want[i].out, want[i].reason)
		}
	}
	// Each quarantined part keeps its own bytes, not the whole mail's.
	q, err := w.svc.QuarantineItem(context.Background(), rs[2].QuarantineID)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(q.Raw, []byte("x-uuencode")) || bytes.Contains(q.Raw, []byte("dit-is-geen-base64")) {
		t.Errorf("quarantined part 3 holds %q", q.Raw)
	}
	if w.personCount() != 2 {
		t.Errorf("%d persons, want 2", w.personCount())
	}
}

// A multipart cut off in its last part: the parts before it are imported, the cut part
// goes to quarantine.
func TestTruncatedMultipart(t *testing.T) {
	w := newWorld(t)
	full := mail(b64Part(melding("999990019", "Berg", "2019-05-01", "")), b64Part(melding("999990032", "Klaassen", "2019-05-02", "")))
	cut := full[:len(full)-120]
	rs, err := w.svc.ImportBytes(context.Background(), "afgebroken.eml", "", cut)
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 2 || rs[0].Resultaat != app.Geimporteerd || rs[1].Resultaat != app.Quarantaine {
		t.Fatalf("results %+v", rs)
	}
	// Cut between two parts, in the next part's header: the rest is quarantined apart.
	i := bytes.LastIndex(full, []byte("--grens\r\nContent-Type")) + len("--grens\r\nContent-Ty")
	rs, err = w.svc.ImportBytes(context.Background(), "afgebroken2.eml", "", full[:i])
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 2 || rs[0].Resultaat != app.Dubbel || rs[1].Resultaat != app.Quarantaine || !strings.Contains(rs[1].Reden, "houdt onverwacht op") {
		t.Fatalf("results %+v", rs)
	}
}

// Version 2 too: a D&R-plan dated after its verzonden would outrank every later plan; a
// risicomelding from the future is invalid but keeps its own reason first.
func TestFutureV2DatesAreInvalid(t *testing.T) {
	w := newWorldV2(t)
	one := w.importXML
	plan := string(exampleV2(t, "03-dr-plan-nieuwer.xml"))
	wantQuarantine(t, one(strings.Replace(plan, `opgesteld="2024-05-28"`, `opgesteld="2091-05-28"`, 1)),
		"de datum opgesteld van het D&R-plan ligt na de verzenddatum")
	wantQuarantine(t, one(strings.Replace(plan, `opgesteld="2024-05-28"`, `opgesteld="0001-01-01"`, 1)),
		"ligt niet tussen 1900 en 2100")
	risk := string(exampleV2(t, "06-risicomelding.xml"))
	r := one(strings.Replace(risk, `opgesteld="2024-05-01"`, `opgesteld="2091-05-01"`, 1))
	wantQuarantine(t, r, "de datum opgesteld van de risicomelding ligt na de verzenddatum")
	if !strings.HasPrefix(r.Reden, app.RisicomeldingReden) {
		t.Errorf("reden %q does not start with the risicomelding's own reason", r.Reden)
	}
	if r := one(plan); r.Resultaat != app.Geimporteerd {
		t.Errorf("the example plan: %s (%s)", r.Resultaat, r.Reden)
	}
}
