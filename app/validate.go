package app

import (
	"regexp"
	"slices"
)

var (
	gemeenteCodeRe = regexp.MustCompile(`^[0-9]{4}$`)
	digitsRe       = regexp.MustCompile(`^[0-9]+$`)
)

// quoteCode returns ` "code"` for a reason when s is one of the spec's own codes, and ""
// otherwise: the input's own text (which could be personal data, even when it looks like
// a code) is never echoed; the reason names the field instead.
func quoteCode(s string) string {
	if SpecCode(s) {
		return ` "` + s + `"`
	}
	return ""
}

// SpecCode reports whether s is one of the codes the message format itself defines: a
// soort of either version, a domain or leefgebied, "alle", a topic code, a grondslag,
// an einddatum status, an afspraak's wie or status. Only such a value may be echoed in
// a quarantine reason.
func SpecCode(s string) bool {
	switch Kind(s) {
	case MeldingBegin, MeldingEinde, Informatieblad, Intrekking, DRPlan, Risicomelding:
		return true
	}
	if _, ok := TopicByCode(s); ok {
		return true
	}
	specific := []string{"alle", EindVerwacht, EindDefinitief,
		GrondslagMelding, GrondslagToestemming, GrondslagPlan, GrondslagRisico}
	specific = append(specific, AgreementWho()...)
	specific = append(specific, AgreementStatuses()...)
	for _, d := range Leefgebieden() {
		specific = append(specific, string(d))
	}
	return slices.Contains(specific, s)
}

// Validate checks a parsed message against the rules of its format version (v1, or v2
// with the D&R-plan and the risicomelding) that do not depend on the installation (the
// gemeente check is the importer's). The reason never holds
// personal data: it names fields and codes, not values.
func (m *Message) Validate() error {
	if err := m.validateHeader(); err != nil {
		return err
	}
	if err := m.Betrokkene.validate(); err != nil {
		return err
	}
	if err := m.validateBody(); err != nil {
		return err
	}
	return m.keepRouting(m.validateDates())
}

func (m *Message) validateHeader() error {
	if err := m.validateKind(); err != nil {
		return err
	}
	switch {
	case m.Kenmerk == "":
		return Invalid("het kenmerk van het bericht ontbreekt")
	case m.Verzonden.IsZero():
		return Invalid("de verzenddatum (verzonden) ontbreekt of is geen geldige datum-tijd")
	case !gemeenteCodeRe.MatchString(m.GemeenteCode):
		return Invalid("de gemeentecode is geen CBS-code van vier cijfers")
	}
	return nil
}

func (s Subject) validate() error {
	switch {
	case s.BSN == "" && s.SKN == "":
		return Invalid("de betrokkene heeft geen BSN en geen SKN")
	case s.BSN != "" && !ValidBSN(s.BSN):
		return Invalid("het BSN van de betrokkene voldoet niet aan de elfproef")
	case s.SKN != "" && !digitsRe.MatchString(s.SKN):
		return Invalid("het SKN van de betrokkene bestaat niet alleen uit cijfers")
	case s.Achternaam == "":
		return Invalid("de achternaam van de betrokkene ontbreekt")
	case s.Geboortedatum.IsZero():
		return Invalid("de geboortedatum van de betrokkene ontbreekt")
	}
	return nil
}

// validateBody checks that there is one body, that it is the soort's (which
// validateKind checked against the version), and the body itself.
func (m *Message) validateBody() error {
	bodies := 0
	for _, present := range []bool{m.Detentie != nil, m.Informatieblad != nil, m.Intrekking != nil,
		m.Plan != nil, m.Risicomelding != nil} {
		if present {
			bodies++
		}
	}
	if bodies != 1 {
		return Invalid("het bericht moet precies één inhoud hebben (%s)", bodyNames(m.Versie))
	}
	switch m.Soort {
	case DRPlan, Risicomelding:
		return m.validateV2Body()
	case MeldingBegin, MeldingEinde:
		if m.Detentie == nil {
			return Invalid("een %s moet een element detentie bevatten", m.Soort)
		}
		return m.Detentie.validate()
	case Informatieblad:
		if m.Informatieblad == nil {
			return Invalid("een informatieblad moet een element informatieblad bevatten")
		}
		return m.Informatieblad.validate()
	default:
		if m.Intrekking == nil {
			return Invalid("een intrekking moet een element intrekking bevatten")
		}
		return m.Intrekking.validate()
	}
}

// bodyNames lists the body elements of a version for a reason.
func bodyNames(versie string) string {
	if versie == Versie2 {
		return "detentie, dr-plan of risicomelding"
	}
	return "detentie, informatieblad of intrekking"
}

func (d *DetentionDates) validate() error {
	switch {
	case d.Begindatum.IsZero():
		return Invalid("de begindatum van de detentie ontbreekt")
	case !d.Einddatum.IsZero() && d.Einddatum.Before(d.Begindatum):
		return Invalid("de einddatum van de detentie ligt voor de begindatum")
	case !d.Einddatum.IsZero() && d.EinddatumStatus != EindVerwacht && d.EinddatumStatus != EindDefinitief:
		return Invalid("de status van de einddatum moet 'verwacht' of 'definitief' zijn")
	}
	return nil
}

func (s *Sheet) validate() error {
	if s.Opgesteld.IsZero() {
		return Invalid("de datum opgesteld van het informatieblad ontbreekt")
	}
	for d := range s.Toestemming {
		if !d.Valid() {
			return Invalid("onbekend domein%s bij toestemming", quoteCode(string(d)))
		}
	}
	seen := map[string]bool{}
	for _, a := range s.Onderwerpen {
		t, ok := TopicByCode(a.Code)
		if !ok {
			return Invalid("onbekend onderwerp%s", quoteCode(a.Code))
		}
		if seen[a.Code] {
			return Invalid("onderwerp%s komt twee keer voor", quoteCode(a.Code))
		}
		seen[a.Code] = true
		if !t.Allows(a.Antwoord) {
			return Invalid("het antwoord bij onderwerp%s is niet toegestaan", quoteCode(a.Code))
		}
	}
	for d := range s.Hulpvragen {
		if !d.Valid() {
			return Invalid("onbekend domein%s bij hulpvraag", quoteCode(string(d)))
		}
	}
	return nil
}

func (r *Revocation) validate() error {
	if r.Ondertekend.IsZero() {
		return Invalid("de datum ondertekend van de intrekking ontbreekt")
	}
	if len(r.Domeinen) == 0 && r.Onbekend > 0 {
		return Invalid("de intrekking noemt geen enkel bekend domein")
	}
	if len(r.Domeinen) == 0 {
		return Invalid("de intrekking noemt geen domein")
	}
	for _, d := range r.Domeinen {
		if !d.Valid() {
			return Invalid("onbekend domein%s bij intrekking", quoteCode(string(d)))
		}
	}
	return nil
}
