package apptest

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

// The message generator: XML writes an app.Message in the wire format of the spec
// (berichtformaat.md, berichtformaat-v2.md), so that tests build messages as values and
// import them through the real parser. It is the inverse of importers.Decoder.Parse for
// every valid message (TestXMLRoundTrip).

// DefaultVerzonden is the verzonden of a message from Message: before DefaultClock. The
// body constructors (Melding, Sheet, Revocation, DRPlan) send at 08:00 on the body's date
// instead, so that no body date lies after verzonden.
var DefaultVerzonden = time.Date(2019, 6, 1, 8, 0, 0, 0, time.FixedZone("CEST", 2*3600))

// sentOn is 08:00 in Amsterdam summer time on d.
func sentOn(d app.Date) time.Time {
	y, mo, day := d.Time().Date()
	return time.Date(y, mo, day, 8, 0, 0, 0, time.FixedZone("CEST", 2*3600))
}

var kenmerkSeq atomic.Int64

// NewKenmerk returns a kenmerk no other message of the test binary has.
func NewKenmerk() string { return fmt.Sprintf("TEST-%06d", kenmerkSeq.Add(1)) }

// Subject is a betrokkene with the given BSN and surname, born 1 January 1980.
func Subject(bsn, achternaam string) app.Subject {
	return app.Subject{BSN: bsn, Voornamen: "Piet", Achternaam: achternaam, Geboortedatum: app.MustDate("1980-01-01")}
}

// Message returns a message of soort about s with the defaults XML would fill in: a new
// kenmerk, DefaultVerzonden, gemeente 0193 and PI Zwolle; format v2 for the soorten that
// exist only there. The caller sets the body.
func Message(soort app.Kind, s app.Subject) *app.Message {
	m := &app.Message{Versie: "1", Soort: soort, Kenmerk: NewKenmerk(), Verzonden: DefaultVerzonden,
		InrichtingCode: "PI-ZWL", Inrichting: "PI Zwolle", GemeenteCode: "0193", GemeenteNaam: "Zwolle", Betrokkene: s}
	if soort == app.DRPlan || soort == app.Risicomelding {
		m.Versie = "2"
	}
	return m
}

// Melding is a melding begin detentie; eind "" leaves the einddatum out, else it is
// verwacht.
func Melding(s app.Subject, begin, eind string) *app.Message {
	m := Message(app.MeldingBegin, s)
	m.Detentie = &app.DetentionDates{Begindatum: app.MustDate(begin)}
	m.Verzonden = sentOn(m.Detentie.Begindatum)
	if eind != "" {
		m.Detentie.Einddatum, m.Detentie.EinddatumStatus = app.MustDate(eind), app.EindVerwacht
	}
	return m
}

// Sheet is an informatieblad naming every domain: consent ja for the given ones, nee for
// the others; without topics (add them to Informatieblad.Onderwerpen).
func Sheet(s app.Subject, opgesteld string, ja ...app.Domain) *app.Message {
	m := Message(app.Informatieblad, s)
	sh := &app.Sheet{Opgesteld: app.MustDate(opgesteld), Toestemming: map[app.Domain]bool{},
		Hulpvragen: map[app.Domain]string{}}
	for _, d := range app.Domains() {
		sh.Toestemming[d] = false
	}
	for _, d := range ja {
		sh.Toestemming[d] = true
	}
	m.Informatieblad, m.Verzonden = sh, sentOn(sh.Opgesteld)
	return m
}

// Revocation is an intrekking of the given domains; none revokes alle.
func Revocation(s app.Subject, ondertekend string, domeinen ...app.Domain) *app.Message {
	m := Message(app.Intrekking, s)
	m.Intrekking = &app.Revocation{Ondertekend: app.MustDate(ondertekend), Domeinen: domeinen}
	m.Verzonden = sentOn(m.Intrekking.Ondertekend)
	if len(domeinen) == 0 {
		m.Intrekking.Alle, m.Intrekking.Domeinen = true, app.Domains()
	}
	return m
}

// DRPlan is a dr-plan (format v2) with the given leefgebieden.
func DRPlan(s app.Subject, opgesteld string, areas ...app.LifeArea) *app.Message {
	m := Message(app.DRPlan, s)
	m.Plan = &app.Plan{Opgesteld: app.MustDate(opgesteld), Grondslag: app.GrondslagPlan, Leefgebieden: areas}
	m.Verzonden = sentOn(m.Plan.Opgesteld)
	return m
}

// XML writes m in the wire format: namespace and versie by m.Versie ("2", or a soort of
// version 2; else 1), then the envelope and the body of its soort. Each part of the
// envelope and the whole body are one line without white space between elements
// (`<detentie><begindatum>…</begindatum></detentie>`), so that a test can change a
// fragment with strings.Replace.
func XML(m *app.Message) []byte {
	var b bytes.Buffer
	versie := "1"
	if m.Versie == "2" || m.Soort == app.DRPlan || m.Soort == app.Risicomelding {
		versie = "2"
	}
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	fmt.Fprintf(&b, `<bericht xmlns="urn:terugkeer:bericht:%s" versie="%s" soort="%s" kenmerk="%s" verzonden="%s">`,
		versie, versie, attr(string(m.Soort)), attr(m.Kenmerk), m.Verzonden.Format(time.RFC3339))
	fmt.Fprintf(&b, "\n  <afzender><inrichting code=\"%s\">%s</inrichting>", attr(m.InrichtingCode), text(m.Inrichting))
	if cm := m.Casemanager; cm != (app.Contact{}) {
		fmt.Fprintf(&b, "<casemanager><naam>%s</naam><telefoon>%s</telefoon><email>%s</email></casemanager>",
			text(cm.Naam), text(cm.Telefoon), text(cm.Email))
	}
	b.WriteString("</afzender>")
	fmt.Fprintf(&b, "\n  <gemeente code=\"%s\">%s</gemeente>\n  ", attr(m.GemeenteCode), text(m.GemeenteNaam))
	writeSubject(&b, m.Betrokkene)
	b.WriteString("\n  ")
	switch {
	case m.Detentie != nil:
		writeDetention(&b, m.Detentie)
	case m.Informatieblad != nil:
		writeSheet(&b, m.Informatieblad)
	case m.Intrekking != nil:
		writeRevocation(&b, m.Intrekking)
	case m.Plan != nil:
		writePlan(&b, m.Plan)
	case m.Risicomelding != nil:
		fmt.Fprintf(&b, `<risicomelding opgesteld="%s" grondslag="%s"><toelichting>Melding.</toelichting></risicomelding>`,
			m.Risicomelding.Opgesteld, orDefault(m.Risicomelding.Grondslag, app.GrondslagRisico))
	}
	b.WriteString("\n</bericht>\n")
	return b.Bytes()
}

func writeSubject(b *bytes.Buffer, s app.Subject) {
	b.WriteString("<betrokkene>")
	for _, f := range []struct{ name, value string }{
		{"bsn", s.BSN}, {"skn", s.SKN}, {"voornamen", s.Voornamen}, {"voorvoegsel", s.Voorvoegsel},
		{"achternaam", s.Achternaam}, {"geboortedatum", s.Geboortedatum.String()},
	} {
		if f.value != "" {
			fmt.Fprintf(b, "<%s>%s</%s>", f.name, text(f.value), f.name)
		}
	}
	b.WriteString("</betrokkene>")
}

func writeDetention(b *bytes.Buffer, d *app.DetentionDates) {
	fmt.Fprintf(b, "<detentie><begindatum>%s</begindatum>", d.Begindatum)
	if !d.Einddatum.IsZero() {
		fmt.Fprintf(b, `<einddatum status="%s">%s</einddatum>`, orDefault(d.EinddatumStatus, app.EindVerwacht), d.Einddatum)
	}
	b.WriteString("</detentie>")
}

func writeSheet(b *bytes.Buffer, s *app.Sheet) {
	fmt.Fprintf(b, `<informatieblad opgesteld="%s">`, s.Opgesteld)
	for _, d := range app.Domains() {
		if given, ok := s.Toestemming[d]; ok {
			fmt.Fprintf(b, `<toestemming domein="%s" gegeven="%s"/>`, d, jaNee(given))
		}
	}
	writeTopics(b, s.Onderwerpen)
	for _, d := range app.Domains() {
		if h := s.Hulpvragen[d]; h != "" {
			fmt.Fprintf(b, `<hulpvraag domein="%s">%s</hulpvraag>`, d, text(h))
		}
	}
	b.WriteString("</informatieblad>")
}

// writeRevocation writes the domains as they are (a test may name one the spec does not
// know, in any case); Alle writes "alle".
func writeRevocation(b *bytes.Buffer, r *app.Revocation) {
	fmt.Fprintf(b, `<intrekking ondertekend="%s">`, r.Ondertekend)
	if r.Alle {
		b.WriteString("<domein>alle</domein>")
	} else {
		for _, d := range r.Domeinen {
			fmt.Fprintf(b, "<domein>%s</domein>", text(string(d)))
		}
	}
	b.WriteString("</intrekking>")
}

func writePlan(b *bytes.Buffer, p *app.Plan) {
	fmt.Fprintf(b, `<dr-plan opgesteld="%s" grondslag="%s">`, p.Opgesteld, orDefault(p.Grondslag, app.GrondslagPlan))
	for _, l := range p.Leefgebieden {
		fmt.Fprintf(b, `<leefgebied code="%s">`, attr(string(l.Code)))
		if l.Situatie != "" {
			fmt.Fprintf(b, "<situatie>%s</situatie>", text(l.Situatie))
		}
		writeTopics(b, l.Onderwerpen)
		for _, g := range l.Doelen {
			fmt.Fprintf(b, "<doel>%s</doel>", text(g))
		}
		for _, a := range l.Afspraken {
			datum := ""
			if !a.Datum.IsZero() {
				datum = fmt.Sprintf(` datum="%s"`, a.Datum)
			}
			fmt.Fprintf(b, `<afspraak id="%s" wie="%s" status="%s"%s>%s</afspraak>`,
				attr(a.ID), attr(a.Wie), attr(a.Status), datum, text(a.Tekst))
		}
		b.WriteString("</leefgebied>")
	}
	writeTopics(b, p.Algemeen)
	b.WriteString("</dr-plan>")
}

func writeTopics(b *bytes.Buffer, topics []app.Answer) {
	for _, a := range topics {
		fmt.Fprintf(b, `<onderwerp code="%s"><antwoord>%s</antwoord>`, attr(a.Code), text(a.Antwoord))
		if a.Toelichting != "" {
			fmt.Fprintf(b, "<toelichting>%s</toelichting>", text(a.Toelichting))
		}
		b.WriteString("</onderwerp>")
	}
}

// text escapes character data; attr escapes an attribute value (quotes included).
func text(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s)) //nolint:errcheck // a bytes.Buffer does not fail
	return b.String()
}

func attr(s string) string { return text(s) }

func jaNee(b bool) string {
	if b {
		return "ja"
	}
	return "nee"
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
