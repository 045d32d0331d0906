package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/storage/postgres"
)

func cmdInit(ctx context.Context, e *env) error {
	fs := newFlags("init")
	gemeente := fs.String("gemeente", "", "CBS-codes, met komma's gescheiden")
	rolesOnly := fs.Bool("rollen-sql", false, "alleen de SQL voor de groepsrollen tonen (teamdatabase)")
	if err := parse(fs, e.args); err != nil {
		return err
	}
	if *rolesOnly {
		return printRolesSQL(ctx, e)
	}
	if *gemeente == "" {
		return usagef("Geef met --gemeente de CBS-code(s) op die deze installatie bedient.")
	}
	codes := strings.Split(*gemeente, ",")
	if err := e.svc.Init(ctx, codes); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Database ingericht voor gemeente %s.\n", withNames(codes))
	return installRoles(ctx, e)
}

// withNames is "0193 (Zwolle), 0200 (Apeldoorn)": each code with its CBS name, or with
// the remark that the CBS list has no such gemeente (the code is kept: see
// ui/gemeentenames.go for why an unknown code is not refused).
func withNames(codes []string) string {
	out := make([]string, len(codes))
	for i, c := range codes {
		c = strings.TrimSpace(c)
		naam, ok := app.GemeenteNaam(c)
		if !ok {
			naam = fmt.Sprintf("geen gemeente in de CBS-lijst van 1 januari %d", app.GemeentenJaar)
		}
		out[i] = c + " (" + naam + ")"
	}
	return strings.Join(out, ", ")
}

// installRoles sets up the group roles of a team database, or prints their SQL for the
// database administrator when the signed-in role may not create roles. A local file has
// no roles: nothing to do.
func installRoles(ctx context.Context, e *env) error {
	r, ok := e.svc.Roles()
	if !ok {
		return nil
	}
	err := r.InstallRoles(ctx)
	if errors.Is(err, postgres.ErrRolesNeedDBA) {
		fmt.Fprintln(e.stdout, "Deze gebruiker mag geen rollen aanmaken. Laat de beheerder van de database deze SQL uitvoeren "+
			"(als eigenaar van de tabellen, met het recht om rollen te maken):")
		return printRolesSQL(ctx, e)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Groepsrollen %s en %s ingericht: ken ze toe aan de eigen aanmelding van elke casemanager "+
		"(GRANT %s TO naam;).\n", postgres.RoleMedewerker, postgres.RoleBeheerder, postgres.RoleMedewerker)
	return nil
}

// printRolesSQL prints the SQL that creates the group roles and their rights.
func printRolesSQL(ctx context.Context, e *env) error {
	r, ok := e.svc.Roles()
	if !ok {
		return usagef("Groepsrollen bestaan alleen in een teamdatabase (PostgreSQL, --db postgres://...).")
	}
	sql, err := r.RolesSQL(ctx)
	if err != nil {
		return err
	}
	fmt.Fprint(e.stdout, sql)
	return nil
}
