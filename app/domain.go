package app

// Domain is one of the six basisvoorwaarden of the spec (plus zorg voor thuis).
type Domain string

// The six domains, in the order of the spec.
const (
	Identiteitsbewijs Domain = "identiteitsbewijs"
	Onderdak          Domain = "onderdak"
	WerkEnInkomen     Domain = "werk-en-inkomen"
	Schulden          Domain = "schulden"
	Zorg              Domain = "zorg"
	ZorgVoorThuis     Domain = "zorg-voor-thuis"
)

// Domains returns the six domains in the spec's order.
func Domains() []Domain {
	return []Domain{Identiteitsbewijs, Onderdak, WerkEnInkomen, Schulden, Zorg, ZorgVoorThuis}
}

// Valid reports whether d is one of the six domains.
func (d Domain) Valid() bool {
	for _, x := range Domains() {
		if d == x {
			return true
		}
	}
	return false
}

// Leefgebied reports whether d is one of the seven leefgebieden of a D&R-plan: the six
// domains of version 1 and sociaal-netwerk. Follow-up and contacts exist per leefgebied.
func (d Domain) Leefgebied() bool {
	return d.Valid() || d == SociaalNetwerk
}

// Label is the Dutch name for screens and PDFs.
func (d Domain) Label() string {
	switch d {
	case Identiteitsbewijs:
		return "Identiteitsbewijs"
	case Onderdak:
		return "Onderdak"
	case WerkEnInkomen:
		return "Werk en inkomen"
	case Schulden:
		return "Schulden"
	case Zorg:
		return "Zorg"
	case ZorgVoorThuis:
		return "Zorg voor thuis"
	case SociaalNetwerk:
		return "Sociaal netwerk"
	}
	return string(d)
}
