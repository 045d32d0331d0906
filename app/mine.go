package app

import "strings"

// mine is q with "mijn dossiers" (PersonQuery.Mijn) resolved: Verantwoordelijke is the
// user the application acts for (userName: the signed-in login role on a team database,
// else the configured user name). ErrNoUserName when q.Mijn and there is no user.
func (s *Service) mine(tx ReadTx, q PersonQuery) (PersonQuery, error) {
	if !q.Mijn {
		return q, nil
	}
	user, err := s.userName(tx)
	if err != nil {
		return q, err
	}
	if q.Verantwoordelijke = strings.TrimSpace(user); q.Verantwoordelijke == "" {
		return q, ErrNoUserName
	}
	return q, nil
}

// SameResponsible reports whether two verantwoordelijke names are the same colleague:
// trimmed and folded (Fold), as Mijn acties and PersonQuery.Verantwoordelijke compare.
func SameResponsible(a, b string) bool {
	return Fold(strings.TrimSpace(a)) == Fold(strings.TrimSpace(b))
}
