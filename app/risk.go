package app

// RisicomeldingReden is the quarantine reason of every risicomelding (berichtformaat-v2.md,
// "The risicomelding"): it is addressed to the burgemeester, not to the nazorg team.
const RisicomeldingReden = "dit is een risicomelding op grond van art. 18b Pbw, bestemd voor de burgemeester " +
	"(openbare orde en veiligheid): stuur het bericht daarheen door en verwijder het daarna hier"

// routedElsewhere returns the quarantine reason of a valid message that is not for the
// team: a risicomelding. Such a message is quarantined before any transaction opens, so
// it creates and changes no person and its content never enters a file.
func (m *Message) routedElsewhere() error {
	if m.Soort == Risicomelding || m.Risicomelding != nil {
		return &InvalidMessageError{Reden: RisicomeldingReden}
	}
	return nil
}
