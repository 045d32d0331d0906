package demo

import (
	"strings"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&apos;")

// XML encodes a message as a format v1 document (UTF-8). It is the inverse of the v1
// decoder for the fields the format carries; the message is not validated here.
func XML(m *app.Message) []byte {
	var b strings.Builder
	b.Grow(1536)
	w := func(parts ...string) {
		for _, p := range parts {
			b.WriteString(p)
		}
	}
	e := xmlEscaper.Replace
	w(`<?xml version="1.0" encoding="UTF-8"?>`, "\n",
		`<bericht xmlns="urn:terugkeer:bericht:1" versie="1" soort="`, string(m.Soort),
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
