package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/storage"
)

// cmdDBOpschonen rewrites the tables of the team's database (--db or TERUGKEER_DB)
// whose files may still hold the bytes of removed rows (app.Eraser, PostgreSQL's VACUUM
// FULL), for IT's nightly schedule, run as the owner of the schema: on PostgreSQL 15 no
// other role may rewrite them. It fails when a table stays owed, so that the schedule
// shows it.
func cmdDBOpschonen(ctx context.Context, e *env) error {
	fs := newFlags("db opschonen")
	if err := parse(fs, e.args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("Onverwacht argument %q.", fs.Arg(0))
	}
	uri, ok := storage.URIFrom(e.dbFlag, e.getenv)
	if !ok {
		fmt.Fprintln(e.stdout, "Een SQLite-database wist verwijderde gegevens zelf bij het verwijderen (secure_delete, "+
			"en het logbestand wordt daarna leeggemaakt): er is niets te herschrijven.")
		return nil
	}
	db, err := storage.Open(ctx, uri, storage.WithPassword(storage.KeyringPassword(uri)))
	if err != nil {
		return err
	}
	defer db.Close()
	rep, _, err := app.NewService(db, nil, e.now).EraseOwed(ctx)
	printErased(e, rep)
	if err != nil {
		return err
	}
	if len(rep.Owed) > 0 {
		return fmt.Errorf("%d %s nog niet herschreven; de verwijderde gegevens kunnen daar nog in de "+
			"databasebestanden staan", len(rep.Owed), plural(int64(len(rep.Owed)), "tabel is", "tabellen zijn"))
	}
	return nil
}

// printErased says which tables were rewritten and which stay owed, and why.
func printErased(e *env, rep app.EraseReport) {
	if len(rep.Rewritten) == 0 && len(rep.Owed) == 0 {
		fmt.Fprintln(e.stdout, "Er was niets te herschrijven: geen tabel bevat nog verwijderde gegevens.")
		return
	}
	if len(rep.Rewritten) > 0 {
		fmt.Fprintf(e.stdout, "Herschreven (de verwijderde gegevens staan niet meer in de bestanden): %s.\n",
			strings.Join(rep.Rewritten, ", "))
	}
	for _, o := range rep.Owed {
		fmt.Fprintf(e.stdout, "Niet herschreven: %s: %s.\n", o.Table, o.Reason)
	}
}
