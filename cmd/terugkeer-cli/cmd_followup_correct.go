package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/terugkeer/terugkeer/app"
)

// cmdFollowupCorrect is followup status-corrigeer, status-verwijder and actie-verwijder.
func cmdFollowupCorrect(ctx context.Context, e *env) error {
	sub := e.args[0]
	fs := newFlags("followup " + sub)
	var who personFlags
	who.register(fs, false)
	domein := fs.String("domein", "", "domein")
	status := new(string)
	if sub == "status-corrigeer" {
		status = fs.String("status", "", "de juiste status")
	}
	if err := parse(fs, e.args[1:]); err != nil {
		return err
	}
	d, err := app.ParseDomain(*domein)
	if err != nil {
		return usagef("Geef met --domein een van: %s.", choices(app.Leefgebieden()))
	}
	var st app.FollowupStatus
	if sub == "status-corrigeer" {
		if st, err = app.ParseFollowupStatus(*status); err != nil {
			return usagef("Geef met --status een van: %s.", choices(app.FollowupStatuses()))
		}
	}
	id, err := personID(ctx, e, fs, who)
	if err != nil {
		return err
	}
	var f app.Followup
	var done string
	switch sub {
	case "status-corrigeer":
		f, err = e.svc.CorrectStatus(ctx, id, d, st, nil)
		done = "De laatste statuswijziging van %s voor persoon %d is gecorrigeerd.\n"
	case "status-verwijder":
		f, err = e.svc.RemoveStatus(ctx, id, d, nil)
		done = "De laatste statuswijziging van %s voor persoon %d is verwijderd.\n"
	default:
		f, err = e.svc.RemoveAction(ctx, id, d, nil)
		done = "De geplande actie van %s voor persoon %d is verwijderd.\n"
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, done, strings.ToLower(d.Label()), id)
	printFollowupLines(e.stdout, "  ", f)
	return nil
}
