package main

import (
	"fmt"
	"strings"

	"github.com/terugkeer/terugkeer/app"
)

// signalText is the Dutch line of a signal, for dashboard's text and its --json tekst
// (a contract: the wording is the one app used to build, byte for byte).
func signalText(s app.Signal) string {
	switch s.Soort {
	case app.SignaalNietGeregeld:
		return signalDomainList(s.Domeinen) + " niet geregeld, " + signalVrij(s.Dagen)
	case app.SignaalActieVerlopen:
		return fmt.Sprintf("Actie voor %s is %s over de datum (%s)",
			strings.ToLower(s.Domain.Label()), signalDagen(-s.Dagen), s.Datum.Dutch())
	case app.SignaalAfspraakGemeente:
		return agreementSignalText(s)
	case app.SignaalGeenContact:
		return "Nog geen contact, " + signalVrij(s.Dagen)
	case app.SignaalControleNodig:
		return "Controle nodig: een bericht met dit BSN had een andere geboortedatum, of een intrekking noemde ook een onbekend domein"
	case app.SignaalQuarantaine:
		return "Bericht in quarantaine: " + s.Reden
	case app.SignaalEinddatumVerstreken:
		return fmt.Sprintf("Verwachte einddatum %s is %s voorbij zonder melding einde detentie",
			s.Datum.Dutch(), signalDagen(-s.Dagen))
	}
	return s.Soort.Label()
}

func agreementSignalText(s app.Signal) string {
	what := "Afspraak voor de gemeente (" + strings.ToLower(s.Domain.Label()) + ")"
	switch {
	case s.Datum.IsZero():
		return what + " zonder datum, " + signalVrij(s.Dagen)
	case s.Dagen < 0:
		return fmt.Sprintf("%s is %s over de datum (%s)", what, signalDagen(-s.Dagen), s.Datum.Dutch())
	case s.Dagen == 0:
		return fmt.Sprintf("%s staat op vandaag (%s)", what, s.Datum.Dutch())
	}
	return fmt.Sprintf("%s staat op %s, over %s", what, s.Datum.Dutch(), signalDagen(s.Dagen))
}

// signalDomainList is "Onderdak", "Onderdak en zorg" or "Onderdak, schulden en zorg".
func signalDomainList(ds []app.Domain) string {
	var names []string
	for i, d := range ds {
		if i == 0 {
			names = append(names, d.Label())
		} else {
			names = append(names, strings.ToLower(d.Label()))
		}
	}
	if len(names) <= 1 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " en " + names[len(names)-1]
}

// signalVrij is "vrij vandaag" or "vrij over N dagen".
func signalVrij(n int) string {
	if n == 0 {
		return "vrij vandaag"
	}
	return "vrij over " + signalDagen(n)
}

// signalDagen is "1 dag" or "N dagen".
func signalDagen(n int) string {
	if n == 1 {
		return "1 dag"
	}
	return fmt.Sprintf("%d dagen", n)
}
