package app

// The versions of the message format (berichtformaat.md, berichtformaat-v2.md). A
// parser sets Message.Versie to the version of the document it read.
const (
	Versie1 = "1"
	Versie2 = "2"
)

// KindsOf returns the soorten a version of the format allows, in the spec's order;
// nil for an unknown version.
func KindsOf(versie string) []Kind {
	switch versie {
	case Versie1:
		return []Kind{MeldingBegin, MeldingEinde, Informatieblad, Intrekking}
	case Versie2:
		return []Kind{MeldingBegin, MeldingEinde, DRPlan, Risicomelding}
	}
	return nil
}

// validateKind checks the soort against the message's version. A soort of the other
// version is named (it is one of the spec's codes), with the version it belongs to.
func (m *Message) validateKind() error {
	for _, k := range KindsOf(m.Versie) {
		if m.Soort == k {
			return nil
		}
	}
	switch {
	case m.Versie == Versie2 && (m.Soort == Informatieblad || m.Soort == Intrekking):
		return Invalid("de soort %s bestaat alleen in versie 1 van het berichtformaat, niet in versie 2", m.Soort)
	case m.Versie == Versie1 && (m.Soort == DRPlan || m.Soort == Risicomelding):
		return Invalid("onbekende soort bericht %q voor versie 1 van het berichtformaat (die soort bestaat alleen in versie 2)", m.Soort)
	}
	return Invalid("onbekende soort bericht%s", quoteCode(string(m.Soort)))
}
