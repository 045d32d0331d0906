package app

import (
	"context"
	"errors"
	"strings"
)

// ActionGroup says when a planned action is due, seen from today.
type ActionGroup string

// The three groups of "Mijn acties", in their order.
const (
	ActionsOverdue   ActionGroup = "achterstallig" // dated before today
	ActionsThisWeek  ActionGroup = "deze-week"     // today up to and including Sunday
	ActionsLaterOnes ActionGroup = "later"         // after this week's Sunday
)

// ActionGroups returns the groups in their order.
func ActionGroups() []ActionGroup {
	return []ActionGroup{ActionsOverdue, ActionsThisWeek, ActionsLaterOnes}
}

// ErrNoUserName says "my actions" cannot be chosen while no user name is configured.
var ErrNoUserName = errors.New("er is geen gebruikersnaam ingesteld, dus er zijn geen eigen acties te kiezen")

// ActionQuery selects the planned actions.
type ActionQuery struct {
	// Mine keeps the actions whose verantwoordelijke is the configured user (compared
	// as search compares names: case and diacritics do not count).
	Mine bool
	// Today is the day the groups are seen from; zero: today by the service's clock.
	Today Date
}

// ActionList is every planned action, by date, in its group.
type ActionList struct {
	Today   Date
	User    string // the configured user name; "" when none
	Mine    bool
	Groups  map[ActionGroup][]DueAction // each by actiedatum, then person
	Overdue int                         // len(Groups[ActionsOverdue])
}

// Total is the number of actions in all groups.
func (l ActionList) Total() int {
	n := 0
	for _, g := range l.Groups {
		n += len(g)
	}
	return n
}

// GroupOf is the group of an action dated d, seen from today.
func GroupOf(today, d Date) ActionGroup {
	switch {
	case d.Before(today):
		return ActionsOverdue
	case !d.After(endOfWeek(today)):
		return ActionsThisWeek
	}
	return ActionsLaterOnes
}

// endOfWeek is the Sunday of today's week (weeks start on Monday).
func endOfWeek(today Date) Date {
	wd := int(today.Time().Weekday()) // Sunday 0
	return today.AddDays((7 - wd) % 7)
}

// PlannedActions lists every planned action of a domain that is not geregeld or niet
// nodig, for the whole team or (q.Mine) for the configured user, grouped by date.
func (s *Service) PlannedActions(ctx context.Context, q ActionQuery) (ActionList, error) {
	out := ActionList{Today: q.Today, Mine: q.Mine, Groups: map[ActionGroup][]DueAction{}}
	if out.Today.IsZero() {
		out.Today = DateOf(s.now())
	}
	err := s.store.View(ctx, func(tx ReadTx) error {
		user, err := s.userName(tx)
		if err != nil {
			return err
		}
		out.User = strings.TrimSpace(user)
		if q.Mine && out.User == "" {
			return ErrNoUserName
		}
		all, err := tx.PlannedActions()
		if err != nil {
			return err
		}
		me := Fold(out.User)
		for _, a := range all {
			if q.Mine && Fold(strings.TrimSpace(a.Followup.Verantwoordelijke)) != me {
				continue
			}
			g := GroupOf(out.Today, a.Followup.Actiedatum)
			out.Groups[g] = append(out.Groups[g], a)
		}
		return nil
	})
	out.Overdue = len(out.Groups[ActionsOverdue])
	return out, err
}
