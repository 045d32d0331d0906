package importers

import (
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

// The xml* types mirror the elements of the format; xmlv2.go adds the bodies of
// version 2. Every value is read as text and trimmed and converted in message().
type xmlBericht struct {
	XMLName        xml.Name           `xml:"bericht"`
	Versie         string             `xml:"versie,attr"`
	Soort          string             `xml:"soort,attr"`
	Kenmerk        string             `xml:"kenmerk,attr"`
	Verzonden      string             `xml:"verzonden,attr"`
	Afzender       xmlAfzender        `xml:"afzender"`
	Gemeente       xmlCoded           `xml:"gemeente"`
	Betrokkene     xmlBetrokkene      `xml:"betrokkene"`
	Detentie       *xmlDetentie       `xml:"detentie"`
	Informatieblad *xmlInformatieblad `xml:"informatieblad"`
	Intrekking     *xmlIntrekking     `xml:"intrekking"`
	DRPlan         *xmlDRPlan         `xml:"dr-plan"`
	Risicomelding  *xmlRisicomelding  `xml:"risicomelding"`
}

type xmlCoded struct {
	Code  string `xml:"code,attr"`
	Value string `xml:",chardata"`
}

type xmlAfzender struct {
	Inrichting  xmlCoded `xml:"inrichting"`
	Casemanager struct {
		Naam     string `xml:"naam"`
		Telefoon string `xml:"telefoon"`
		Email    string `xml:"email"`
	} `xml:"casemanager"`
}

type xmlBetrokkene struct {
	BSN           string `xml:"bsn"`
	SKN           string `xml:"skn"`
	Voornamen     string `xml:"voornamen"`
	Voorvoegsel   string `xml:"voorvoegsel"`
	Achternaam    string `xml:"achternaam"`
	Geboortedatum string `xml:"geboortedatum"`
}

type xmlDetentie struct {
	Begindatum string `xml:"begindatum"`
	Einddatum  struct {
		Status string `xml:"status,attr"`
		Value  string `xml:",chardata"`
	} `xml:"einddatum"`
}

type xmlInformatieblad struct {
	Opgesteld   string `xml:"opgesteld,attr"`
	Toestemming []struct {
		Domein  string `xml:"domein,attr"`
		Gegeven string `xml:"gegeven,attr"`
	} `xml:"toestemming"`
	Onderwerp []xmlOnderwerp `xml:"onderwerp"`
	Hulpvraag []struct {
		Domein string `xml:"domein,attr"`
		Value  string `xml:",chardata"`
	} `xml:"hulpvraag"`
}

// xmlOnderwerp is a catalogue topic, in an informatieblad or a D&R-plan.
type xmlOnderwerp struct {
	Code        string `xml:"code,attr"`
	Antwoord    string `xml:"antwoord"`
	Toelichting string `xml:"toelichting"`
}

type xmlIntrekking struct {
	Ondertekend string   `xml:"ondertekend,attr"`
	Domein      []string `xml:"domein"`
}

// decodeDocument unmarshals a document whose structure checkStructure accepted.
func decodeDocument(raw []byte) (*xmlBericht, error) {
	var doc xmlBericht
	if err := newXMLDecoder(raw).Decode(&doc); err != nil && !errors.Is(err, io.EOF) {
		return nil, xmlError(err)
	}
	return &doc, nil
}

// message converts the document of format f into an app.Message, trimming every
// value.
func (b *xmlBericht) message(f format) (*app.Message, error) {
	if err := checkVersion(strings.TrimSpace(b.Versie), f); err != nil {
		return nil, err
	}
	verzonden, err := parseTimestamp(strings.TrimSpace(b.Verzonden))
	if err != nil {
		return nil, err
	}
	subject, err := b.Betrokkene.subject()
	if err != nil {
		return nil, err
	}
	m := &app.Message{
		Versie:         f.versie,
		Soort:          app.Kind(strings.TrimSpace(b.Soort)),
		Kenmerk:        strings.TrimSpace(b.Kenmerk),
		Verzonden:      verzonden,
		InrichtingCode: strings.TrimSpace(b.Afzender.Inrichting.Code),
		Inrichting:     strings.TrimSpace(b.Afzender.Inrichting.Value),
		Casemanager: app.Contact{
			Naam:     strings.TrimSpace(b.Afzender.Casemanager.Naam),
			Telefoon: strings.TrimSpace(b.Afzender.Casemanager.Telefoon),
			Email:    strings.TrimSpace(b.Afzender.Casemanager.Email),
		},
		GemeenteCode: strings.TrimSpace(b.Gemeente.Code),
		GemeenteNaam: strings.TrimSpace(b.Gemeente.Value),
		Betrokkene:   subject,
	}
	if err := b.body(m); err != nil {
		return nil, err
	}
	return m, nil
}

// checkVersion checks that versie is the one that goes with the namespace. The
// reason never quotes the attribute: it names the version the namespace expects.
func checkVersion(v string, f format) error {
	switch v {
	case f.versie:
		return nil
	case "":
		return app.Invalid("het attribuut versie van het bericht ontbreekt")
	}
	return app.Invalid("het attribuut versie past niet bij de naamruimte %s: verwacht is versie %s", f.namespace, f.versie)
}

// parseTimestamp reads verzonden: RFC 3339 with a zone offset (Z or ±hh:mm).
// An empty value stays zero; Validate reports it as missing.
func parseTimestamp(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, app.Invalid("de verzenddatum (verzonden) is geen RFC 3339-datum-tijd met tijdzone")
	}
	if y := t.Year(); y < app.MinYear || y > app.MaxYear { // also year 0001, which is not "missing"
		return time.Time{}, app.Invalid("de verzenddatum (verzonden) ligt niet tussen %d en %d", app.MinYear, app.MaxYear)
	}
	return t, nil
}

// parseDate reads an optional YYYY-MM-DD value; field names it in the reason.
func parseDate(field, s string) (app.Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return app.Date{}, nil
	}
	d, err := app.ParseDate(s)
	if err != nil {
		return app.Date{}, app.Invalid("de %s is geen geldige datum (JJJJ-MM-DD)", field)
	}
	if !d.InRange() { // also 0001-01-01, which is not "missing"
		return app.Date{}, app.Invalid("de %s ligt niet tussen %d en %d", field, app.MinYear, app.MaxYear)
	}
	return d, nil
}

func (x xmlBetrokkene) subject() (app.Subject, error) {
	born, err := parseDate("geboortedatum van de betrokkene", x.Geboortedatum)
	if err != nil {
		return app.Subject{}, err
	}
	return app.Subject{
		BSN:           strings.TrimSpace(x.BSN),
		SKN:           strings.TrimSpace(x.SKN),
		Voornamen:     strings.TrimSpace(x.Voornamen),
		Voorvoegsel:   strings.TrimSpace(x.Voorvoegsel),
		Achternaam:    strings.TrimSpace(x.Achternaam),
		Geboortedatum: born,
	}, nil
}

// body fills whichever body elements the document has; Validate checks that
// there is exactly one and that it matches soort.
func (b *xmlBericht) body(m *app.Message) error {
	var err error
	if b.Detentie != nil {
		if m.Detentie, err = b.Detentie.dates(); err != nil {
			return err
		}
	}
	if b.Informatieblad != nil {
		if m.Informatieblad, err = b.Informatieblad.sheet(); err != nil {
			return err
		}
	}
	if b.Intrekking != nil {
		if m.Intrekking, err = b.Intrekking.revocation(); err != nil {
			return err
		}
	}
	if b.DRPlan != nil {
		if m.Plan, err = b.DRPlan.plan(); err != nil {
			return err
		}
	}
	if b.Risicomelding != nil {
		m.Risicomelding, err = b.Risicomelding.report()
	}
	return err
}

func (x *xmlDetentie) dates() (*app.DetentionDates, error) {
	begin, err := parseDate("begindatum van de detentie", x.Begindatum)
	if err != nil {
		return nil, err
	}
	end, err := parseDate("einddatum van de detentie", x.Einddatum.Value)
	if err != nil {
		return nil, err
	}
	d := &app.DetentionDates{Begindatum: begin, Einddatum: end}
	if !end.IsZero() {
		d.EinddatumStatus = strings.TrimSpace(x.Einddatum.Status)
	}
	return d, nil
}

func (x *xmlIntrekking) revocation() (*app.Revocation, error) {
	signed, err := parseDate("datum ondertekend van de intrekking", x.Ondertekend)
	if err != nil {
		return nil, err
	}
	r := &app.Revocation{Ondertekend: signed}
	for _, v := range x.Domein {
		d := app.Domain(strings.ToLower(strings.TrimSpace(v)))
		switch {
		case d == "alle":
			r.Alle = true
		case !d.Valid():
			r.Onbekend++ // applied to the domains it does recognise; never echoed
		case !containsDomain(r.Domeinen, d):
			r.Domeinen = append(r.Domeinen, d)
		}
	}
	if r.Alle {
		r.Domeinen = app.Domains()
	}
	return r, nil
}

func containsDomain(ds []app.Domain, d app.Domain) bool {
	for _, x := range ds {
		if x == d {
			return true
		}
	}
	return false
}
