package app

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// TeamStore is a store that knows the colleagues who can be verantwoordelijke of a
// domain's follow-up or planned action ("Mijn dossiers", issue 16 item 5).
type TeamStore interface {
	// TeamMembers returns the names, sorted. On a team database (PostgreSQL): the login
	// roles that are members, directly or through nested grants, of terugkeer_medewerker
	// or terugkeer_beheerder, and the signed-in role. On a local file (one casemanager):
	// the configured user name and every verantwoordelijke the file already names, so
	// that no name in use is lost.
	TeamMembers(ctx context.Context) ([]string, error)
}

// TeamClosed reports whether a verantwoordelijke must be one of TeamMembers: on a team
// database, whose store knows who signed in. On a local file any name may be typed.
func (s *Service) TeamClosed() bool {
	_, signed := s.store.(SessionUserStore)
	_, team := s.store.(TeamStore)
	return signed && team
}

// TeamMembers returns the colleagues a verantwoordelijke is chosen from, sorted (case and
// diacritics folded) and each colleague once (SameResponsible); on a store without a
// team, the user's own name.
func (s *Service) TeamMembers(ctx context.Context) ([]string, error) {
	var names []string
	if t, ok := s.store.(TeamStore); ok {
		var err error
		if names, err = t.TeamMembers(ctx); err != nil {
			return nil, fmt.Errorf("teamleden lezen: %w", err)
		}
	}
	err := s.store.View(ctx, func(tx ReadTx) error {
		u, err := s.userName(tx)
		names = append([]string{u}, names...)
		return err
	})
	if err != nil {
		return nil, err
	}
	return teamList(names), nil
}

// teamList trims names, drops the empty ones and keeps each colleague once (the first
// spelling), sorted folded.
func teamList(names []string) []string {
	out := []string{}
	for _, n := range names {
		n = strings.TrimSpace(n)
		if n == "" || slices.ContainsFunc(out, func(o string) bool { return SameResponsible(o, n) }) {
			continue
		}
		out = append(out, n)
	}
	slices.SortStableFunc(out, func(a, b string) int {
		if c := strings.Compare(Fold(a), Fold(b)); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	return out
}

// teamMember returns the member's own spelling of name (exact, else SameResponsible),
// false when name is not one of members.
func teamMember(members []string, name string) (string, bool) {
	name = strings.TrimSpace(name)
	if slices.Contains(members, name) {
		return name, true
	}
	for _, m := range members {
		if SameResponsible(m, name) {
			return m, true
		}
	}
	return "", false
}

// checkResponsible resolves a new verantwoordelijke on a team database: a member's name
// is stored in the member's spelling; the current value (a free text from before the
// team list) may stay as it is; clearing is allowed; any other name is refused with a
// ValidationError (ProblemNotTeamMember) that does not echo the name. members nil: the
// list is open (a local file).
func checkResponsible(members []string, current, name string) (string, error) {
	name = strings.TrimSpace(name)
	if members == nil || name == "" || name == strings.TrimSpace(current) {
		return name, nil
	}
	if m, ok := teamMember(members, name); ok {
		return m, nil
	}
	return "", invalid(FieldVerantwoordelijke, ProblemNotTeamMember, "de verantwoordelijke is geen lid van het team: "+
		"kies een aanmeldnaam met de rol terugkeer_medewerker of terugkeer_beheerder ('terugkeer-cli team' toont ze)")
}
