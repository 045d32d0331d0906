package ui

import (
	"strings"

	"github.com/terugkeer/terugkeer/app"
)

// signalText is the line of a signal on the Overzicht, in the chosen language. App
// gives the data only (issue 18); the quarantine reason is the importer's own text.
func signalText(s app.Signal) string {
	switch s.Soort {
	case app.SignaalNietGeregeld:
		return tf("{{.Domeinen}} niet geregeld, {{.Vrij}}", "Domeinen", signalDomainList(s.Domeinen), "Vrij", releaseText(s.Dagen))
	case app.SignaalActieVerlopen:
		return tf("Actie voor {{.Domein}} is {{.Dagen}} over de datum ({{.Datum}})",
			"Domein", signalDomain(s.Domain), "Dagen", dayCount(-s.Dagen), "Datum", formatDate(s.Datum))
	case app.SignaalAfspraakGemeente:
		return agreementSignalText(s)
	case app.SignaalGeenContact:
		return tf("Nog geen contact, {{.Vrij}}", "Vrij", releaseText(s.Dagen))
	case app.SignaalControleNodig:
		return T("Controle nodig: een bericht met dit BSN had een andere geboortedatum, of een intrekking noemde ook een onbekend domein")
	case app.SignaalQuarantaine:
		return tf("Bericht in quarantaine: {{.Reden}}", "Reden", s.Reden)
	case app.SignaalEinddatumVerstreken:
		return tf("Verwachte einddatum {{.Datum}} is {{.Dagen}} voorbij zonder melding einde detentie",
			"Datum", formatDate(s.Datum), "Dagen", dayCount(-s.Dagen))
	}
	return T(s.Soort.Label())
}

// agreementSignalText words an afspraak-gemeente signal: undated, passed, today or coming.
func agreementSignalText(s app.Signal) string {
	what := tf("Afspraak voor de gemeente ({{.Domein}})", "Domein", signalDomain(s.Domain))
	switch {
	case s.Datum.IsZero():
		return tf("{{.Wat}} zonder datum, {{.Vrij}}", "Wat", what, "Vrij", releaseText(s.Dagen))
	case s.Dagen < 0:
		return tf("{{.Wat}} is {{.Dagen}} over de datum ({{.Datum}})", "Wat", what, "Dagen", dayCount(-s.Dagen),
			"Datum", formatDate(s.Datum))
	case s.Dagen == 0:
		return tf("{{.Wat}} staat op vandaag ({{.Datum}})", "Wat", what, "Datum", formatDate(s.Datum))
	}
	return tf("{{.Wat}} staat op {{.Datum}}, over {{.Dagen}}", "Wat", what, "Datum", formatDate(s.Datum),
		"Dagen", dayCount(s.Dagen))
}

// signalDomain is the domain's label in lower case, "" for none (T("") would be a
// translation failure).
func signalDomain(d app.Domain) string {
	if d == "" {
		return ""
	}
	return lowerFirst(domainLabel(d))
}

// signalDomainList is "Onderdak", "Onderdak en zorg" or "Onderdak, schulden en zorg".
func signalDomainList(ds []app.Domain) string {
	var names []string
	for i, d := range ds {
		if i == 0 {
			names = append(names, domainLabel(d))
		} else {
			names = append(names, lowerFirst(domainLabel(d)))
		}
	}
	if len(names) <= 1 {
		return strings.Join(names, "")
	}
	return tf("{{.Lijst}} en {{.Laatste}}", "Lijst", strings.Join(names[:len(names)-1], ", "), "Laatste", names[len(names)-1])
}

// releaseText is "vrij vandaag" or "vrij over N dagen".
func releaseText(n int) string {
	if n == 0 {
		return T("vrij vandaag")
	}
	return tf("vrij over {{.Dagen}}", "Dagen", dayCount(n))
}

// dayCount is "1 dag" or "N dagen".
func dayCount(n int) string { return plural(n, "{{.N}} dag", "{{.N}} dagen") }
