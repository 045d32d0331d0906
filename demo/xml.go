package demo

import (
	"strings"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&apos;")

// XML encodes a message as a document of its version (UTF-8): format v1, or format v2
// when m.Versie is "2" (meldingen and the D&R-plan). It is the inverse of the decoders
// for the fields the formats carry; the message is not validated here.
func XML(m *app.Message) []byte {
	var b strings.Builder
	b.Grow(1536)
	w := func(parts ...string) {
		for _, p := range parts {
			b.WriteString(p)
		}
	}
	e := xmlEscaper.Replace
	v := "1"
	if m.Versie == "2" {
		v = "2"
	}
	w(`<?xml version="1.0" encoding="UTF-8"?>`, "\n",
		`<bericht xmlns="urn:terugkeer:bericht:`, v, `" versie="`, v, `" soort="`, string(m.Soort),
		`" kenmerk="`, e(m.Kenmerk), `" verzonden="`, m.Verzonden.Format(time.RFC3339), "\">\n")
	w("  <afzender>\n    <inrichting code=\"", e(m.InrichtingCode), `">`, e(m.Inrichting), "</inrichting>\n")
	if m.Casemanager != (app.Contact{}) {
		w("    <casemanager>\n      <naam>", e(m.Casemanager.Naam), "</naam>\n      <telefoon>",
			e(m.Casemanager.Telefoon), "</telefoon>\n      <email>", e(m.Casemanager.Email),
			"</email>\n    </casemanager>\n")
	}
	w("  </afzender>\n  <gemeente code=\"", e(m.GemeenteCode), `">`, e(m.GemeenteNaam), "</gemeente>\n")
	s := m.Betrokkene
	w("  <betrokkene>\n")
	opt := func(tag, v string) {
		if v != "" {
			w("    <", tag, ">", e(v), "</", tag, ">\n")
		}
	}
	opt("bsn", s.BSN)
	opt("skn", s.SKN)
	opt("voornamen", s.Voornamen)
	opt("voorvoegsel", s.Voorvoegsel)
	opt("achternaam", s.Achternaam)
	opt("geboortedatum", s.Geboortedatum.String())
	w("  </betrokkene>\n")
	switch {
	case m.Detentie != nil:
		d := m.Detentie
		w("  <detentie>\n    <begindatum>", d.Begindatum.String(), "</begindatum>\n")
		if !d.Einddatum.IsZero() {
			w("    <einddatum status=\"", d.EinddatumStatus, `">`, d.Einddatum.String(), "</einddatum>\n")
		}
		w("  </detentie>\n")
	case m.Informatieblad != nil:
		writeSheet(w, e, m.Informatieblad)
	case m.Intrekking != nil:
		r := m.Intrekking
		w("  <intrekking ondertekend=\"", r.Ondertekend.String(), "\">\n")
		if r.Alle {
			w("    <domein>alle</domein>\n")
		} else {
			for _, d := range r.Domeinen {
				w("    <domein>", string(d), "</domein>\n")
			}
		}
		w("  </intrekking>\n")
	case m.Plan != nil:
		writePlan(w, e, m.Plan)
	}
	w("</bericht>\n")
	return []byte(b.String())
}

func writeSheet(w func(...string), e func(string) string, s *app.Sheet) {
	w("  <informatieblad opgesteld=\"", s.Opgesteld.String(), "\">\n")
	for _, d := range app.Domains() {
		if gegeven, ok := s.Toestemming[d]; ok {
			v := "nee"
			if gegeven {
				v = "ja"
			}
			w("    <toestemming domein=\"", string(d), `" gegeven="`, v, "\"/>\n")
		}
	}
	for _, a := range s.Onderwerpen {
		w("    <onderwerp code=\"", a.Code, "\">\n      <antwoord>", e(a.Antwoord), "</antwoord>\n")
		if a.Toelichting != "" {
			w("      <toelichting>", e(a.Toelichting), "</toelichting>\n")
		}
		w("    </onderwerp>\n")
	}
	for _, d := range app.Domains() {
		if h := s.Hulpvragen[d]; h != "" {
			w("    <hulpvraag domein=\"", string(d), `">`, e(h), "</hulpvraag>\n")
		}
	}
	w("  </informatieblad>\n")
}

func writeAnswers(w func(...string), e func(string) string, indent string, as []app.Answer) {
	for _, a := range as {
		if a.Antwoord == "" {
			w(indent, "<onderwerp code=\"", a.Code, "\">\n", indent, "  <antwoord/>\n")
		} else {
			w(indent, "<onderwerp code=\"", a.Code, "\">\n", indent, "  <antwoord>", e(a.Antwoord), "</antwoord>\n")
		}
		if a.Toelichting != "" {
			w(indent, "  <toelichting>", e(a.Toelichting), "</toelichting>\n")
		}
		w(indent, "</onderwerp>\n")
	}
}

// writePlan writes the <dr-plan> body of format v2.
func writePlan(w func(...string), e func(string) string, p *app.Plan) {
	w("  <dr-plan opgesteld=\"", p.Opgesteld.String(), `" grondslag="`, e(p.Grondslag), "\">\n")
	for _, l := range p.Leefgebieden {
		w("    <leefgebied code=\"", string(l.Code), "\">\n")
		if l.Situatie != "" {
			w("      <situatie>", e(l.Situatie), "</situatie>\n")
		}
		writeAnswers(w, e, "      ", l.Onderwerpen)
		for _, d := range l.Doelen {
			w("      <doel>", e(d), "</doel>\n")
		}
		for _, a := range l.Afspraken {
			w("      <afspraak id=\"", e(a.ID), `" wie="`, e(a.Wie), `" status="`, e(a.Status), `"`)
			if !a.Datum.IsZero() {
				w(` datum="`, a.Datum.String(), `"`)
			}
			w(">", e(a.Tekst), "</afspraak>\n")
		}
		w("    </leefgebied>\n")
	}
	writeAnswers(w, e, "    ", p.Algemeen)
	w("  </dr-plan>\n")
}
