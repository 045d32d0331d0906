package app

import "errors"

// match finds the person a subject belongs to: on BSN, else on SKN. A person found on
// SKN who has another BSN is a different person. It returns nil when there is none,
// and whether the match needs review (same BSN, other date of birth).
func match(tx ReadTx, s Subject) (*Person, bool, error) {
	if s.BSN != "" {
		p, err := tx.PersonByBSN(s.BSN)
		if err == nil {
			return p, !p.Geboortedatum.Equal(s.Geboortedatum), nil
		}
		if !errors.Is(err, ErrNotFound) {
			return nil, false, err
		}
	}
	if s.SKN == "" {
		return nil, false, nil
	}
	p, err := tx.PersonBySKN(s.SKN)
	switch {
	case errors.Is(err, ErrNotFound):
		return nil, false, nil
	case err != nil:
		return nil, false, err
	case p.BSN != "" && s.BSN != "" && p.BSN != s.BSN:
		return nil, false, nil
	}
	return p, false, nil
}

// newPerson builds a person record from a subject.
func newPerson(s Subject) *Person {
	return &Person{
		BSN: s.BSN, SKN: s.SKN, Voornamen: s.Voornamen, Voorvoegsel: s.Voorvoegsel,
		Achternaam: s.Achternaam, Geboortedatum: s.Geboortedatum,
	}
}

// absorb fills identifiers and names the person lacks from a subject; it never
// overwrites what is known, so a conflicting message cannot silently merge two people.
func (p *Person) absorb(s Subject) {
	fill := func(dst *string, v string) {
		if *dst == "" {
			*dst = v
		}
	}
	fill(&p.BSN, s.BSN)
	fill(&p.SKN, s.SKN)
	fill(&p.Voornamen, s.Voornamen)
	fill(&p.Voorvoegsel, s.Voorvoegsel)
	fill(&p.Achternaam, s.Achternaam)
	if p.Geboortedatum.IsZero() {
		p.Geboortedatum = s.Geboortedatum
	}
}
