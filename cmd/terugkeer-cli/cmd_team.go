package main

import (
	"context"
	"fmt"

	"github.com/terugkeer/terugkeer/app"
)

const teamUsage = "team [--json]   (de collega's die verantwoordelijke kunnen zijn; op de teamdatabase de aanmeldnamen " +
	"met de rol terugkeer_medewerker of terugkeer_beheerder)"

// teamJSON is team --json; the field names are a contract.
type teamJSON struct {
	// Teamdatabase: the verantwoordelijke must be one of Leden (PostgreSQL); false on a
	// local file, where any name may be typed and Leden are the names already known.
	Teamdatabase bool     `json:"teamdatabase"`
	Aangemeld    string   `json:"aangemeld"` // the signed-in login role; "" on a local file
	Leden        []string `json:"leden"`
}

func cmdTeam(ctx context.Context, e *env) error {
	fs := newFlags("team")
	asJSON := fs.Bool("json", false, "JSON-object")
	if err := parse(fs, e.args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("Onverwacht argument.")
	}
	leden, err := e.svc.TeamMembers(ctx)
	if err != nil {
		return err
	}
	me, _ := e.svc.SignedIn()
	out := teamJSON{Teamdatabase: e.svc.TeamClosed(), Aangemeld: me, Leden: leden}
	if *asJSON {
		return writeJSON(e, out)
	}
	switch {
	case out.Teamdatabase:
		fmt.Fprintln(e.stdout, "Teamleden (de aanmeldnamen met de rol terugkeer_medewerker of terugkeer_beheerder); "+
			"alleen zij kunnen verantwoordelijke zijn:")
	case len(leden) == 0:
		fmt.Fprintln(e.stdout, "Nog geen namen: stel een gebruikersnaam in of leg met 'followup set --verantwoordelijke' "+
			"een verantwoordelijke vast. In een lokaal bestand is elke naam toegestaan.")
		return nil
	default:
		fmt.Fprintln(e.stdout, "Bekende verantwoordelijken (de ingestelde gebruikersnaam en de namen die al in gebruik "+
			"zijn); in een lokaal bestand is elke naam toegestaan:")
	}
	for _, n := range leden {
		if n == me {
			fmt.Fprintf(e.stdout, "  %s (aangemeld)\n", app.Visible(n))
			continue
		}
		fmt.Fprintf(e.stdout, "  %s\n", app.Visible(n))
	}
	return nil
}
