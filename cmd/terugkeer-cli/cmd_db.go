package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers"
	"github.com/terugkeer/terugkeer/storage"
	"github.com/terugkeer/terugkeer/storage/postgres"
	"github.com/terugkeer/terugkeer/storage/sqlite"
)

const dbUsage = "db migreer --van PAD --naar URI   (kopieert een SQLite-database naar een lege PostgreSQL-database) | " +
	"db opschonen   (herschrijft de tabellen van de PostgreSQL-database waaruit gegevens zijn verwijderd; 's nachts, als eigenaar) | " +
	"db wachtwoord [--verwijder]   (bewaart het wachtwoord van de database van --db of " + app.EnvDB + " in de sleutelbos, of verwijdert het)"

// dbCommands are the subcommands of db: the database itself rather than its data.
// They open the databases they name themselves, not the one of --db.
func dbCommands() map[string]func(context.Context, *env) error {
	return map[string]func(context.Context, *env) error{
		"migreer":    cmdDBMigreer,
		"opschonen":  cmdDBOpschonen,
		"wachtwoord": cmdDBWachtwoord,
	}
}

// storeless reports the commands that open the databases they name themselves: they
// get no service, and the database of --db is not opened.
func storeless(name string) bool { return name == "db" }

func cmdDB(ctx context.Context, e *env) error {
	if len(e.args) == 0 {
		return usagef("Geef een onderdeel van db op.")
	}
	sub, ok := dbCommands()[e.args[0]]
	if !ok {
		return usagef("Onbekend onderdeel %q van db.", e.args[0])
	}
	return sub(ctx, &env{args: e.args[1:], stdin: e.stdin, stdout: e.stdout, stderr: e.stderr,
		getenv: e.getenv, now: e.now, dbFlag: e.dbFlag})
}

// cmdDBMigreer moves a team onto the server (issue 16 item 7): it copies the SQLite
// database at --van (its schema and derived data brought up to date first) into the
// empty PostgreSQL database at --naar, and checks the audit chain there as audit
// --verify does. The SQLite file is left as it is.
func cmdDBMigreer(ctx context.Context, e *env) error {
	fs := newFlags("db migreer")
	van := fs.String("van", "", "het SQLite-bestand")
	naar := fs.String("naar", "", "de PostgreSQL-database (postgres://...)")
	if err := parse(fs, e.args); err != nil {
		return err
	}
	switch {
	case fs.NArg() > 0:
		return usagef("Onverwacht argument %q.", fs.Arg(0))
	case *van == "" || *naar == "":
		return usagef("Geef met --van het SQLite-bestand en met --naar de PostgreSQL-database op.")
	case !postgres.IsURI(*naar):
		return usagef("--naar is geen PostgreSQL-adres; schrijf het als postgres://gebruiker@server:5432/database.")
	}
	src, srcCheck, err := openMigrationSource(ctx, e, *van)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := postgres.Open(ctx, *naar, postgres.Options{Password: storage.KeyringPassword(*naar)})
	if err != nil {
		return err
	}
	defer dst.Close()
	progress := func(table string, rows int64) {
		fmt.Fprintf(e.stderr, "db migreer: %s: %d rijen gekopieerd...\n", table, rows)
	}
	copied, err := dst.CopyFromSQLite(ctx, src.SQL(), progress, func(tx app.ReadTx) error {
		return checkCopiedAudit(tx, srcCheck)
	})
	if err != nil {
		return migrationError(err)
	}
	printCopied(e, copied)
	return verifyMigrated(ctx, e, dst, srcCheck)
}

// openMigrationSource opens the SQLite database at path (never creating one), brings
// its derived data up to date and checks its audit chain: a broken chain is not
// carried onto the server.
func openMigrationSource(ctx context.Context, e *env, path string) (*sqlite.DB, app.AuditCheck, error) {
	if _, err := os.Stat(path); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, app.AuditCheck{}, fmt.Errorf("het SQLite-bestand %q bestaat niet", filepath.Base(path))
		}
		return nil, app.AuditCheck{}, err
	}
	src, err := sqlite.Open(path)
	if err != nil {
		return nil, app.AuditCheck{}, err
	}
	svc := app.NewService(src, importers.Decoder{}, e.now)
	if _, err := svc.Prepare(ctx); err != nil {
		src.Close()
		return nil, app.AuditCheck{}, err
	}
	c, err := svc.VerifyAudit(ctx)
	if err == nil && !c.Intact {
		err = errors.New("het logboek van de SQLite-database is niet intact, er is niets gekopieerd: " + auditProblems(c))
	}
	if err != nil {
		src.Close()
		return nil, app.AuditCheck{}, err
	}
	return src, c, nil
}

// migrationError words the refusals of the copy.
func migrationError(err error) error {
	if errors.Is(err, postgres.ErrTargetNotEmpty) {
		return errors.New("de PostgreSQL-database is niet leeg (er staan al personen, berichten, logboekregels of " +
			"quarantaine in); er is niets gekopieerd. Kies een nieuwe, lege database")
	}
	if errors.Is(err, postgres.ErrSchemaMismatch) {
		return fmt.Errorf("%w; er is niets gekopieerd. Gebruik voor beide databases dezelfde versie van Terugkeer", err)
	}
	return err
}

// printCopied lists the copied tables by name with their rows.
func printCopied(e *env, copied []postgres.CopiedTable) {
	copied = slices.Clone(copied)
	slices.SortFunc(copied, func(a, b postgres.CopiedTable) int { return strings.Compare(a.Name, b.Name) })
	var total int64
	width := 0
	for _, t := range copied {
		width = max(width, len(t.Name))
	}
	fmt.Fprintln(e.stdout, "Gekopieerd:")
	for _, t := range copied {
		fmt.Fprintf(e.stdout, "  %-*s %d %s\n", width, t.Name, t.Rows, plural(t.Rows, "rij", "rijen"))
		total += t.Rows
	}
	fmt.Fprintf(e.stdout, "%d tabellen, %d %s.\n", len(copied), total, plural(total, "rij", "rijen"))
}

func plural(n int64, one, more string) string {
	if n == 1 {
		return one
	}
	return more
}

// checkCopiedAudit checks the copied audit chain and its seal before the copy commits,
// and that it holds as many entries as the source: a copy whose log would not verify
// (for instance because the server rewrote a column on the way in) is not kept.
func checkCopiedAudit(tx app.ReadTx, src app.AuditCheck) error {
	c, err := app.VerifyAuditIn(tx)
	switch {
	case err != nil:
		return err
	case !c.Intact:
		return errors.New("het logboek zou in PostgreSQL niet intact zijn: " + auditProblems(c) +
			"; er is niets gekopieerd. Voer de kopie uit als de eigenaar van de tabellen")
	case c.Entries != src.Entries:
		return fmt.Errorf("het logboek zou in PostgreSQL %d regels tellen en in SQLite telt het er %d; "+
			"er is niets gekopieerd", c.Entries, src.Entries)
	}
	return nil
}

// verifyMigrated checks the audit chain and its seal on the target, as audit --verify,
// and that it holds as many entries as the source.
func verifyMigrated(ctx context.Context, e *env, dst *postgres.DB, src app.AuditCheck) error {
	c, err := app.NewService(dst, importers.Decoder{}, e.now).VerifyAudit(ctx)
	if err != nil {
		return err
	}
	if !c.Intact {
		return errors.New("de kopie is gemaakt, maar het logboek in PostgreSQL is niet intact: " + auditProblems(c) +
			". Gebruik de PostgreSQL-database niet en bewaar het SQLite-bestand")
	}
	if c.Entries != src.Entries {
		return fmt.Errorf("de kopie is gemaakt, maar het logboek in PostgreSQL telt %d regels en dat in SQLite %d. "+
			"Gebruik de PostgreSQL-database niet en bewaar het SQLite-bestand", c.Entries, src.Entries)
	}
	fmt.Fprintf(e.stdout, "Het logboek is intact: %d regels gecontroleerd.\n", c.Entries)
	fmt.Fprintln(e.stdout, strings.Join([]string{
		"Laat de app en terugkeer-cli nu de PostgreSQL-database gebruiken (--db of " + app.EnvDB + ").",
		"Bewaar het SQLite-bestand tot u hebt gecontroleerd dat alles klopt, en wis het daarna veilig.",
	}, "\n"))
	return nil
}

// cmdDBWachtwoord keeps the password of the team's database (the URI of --db or
// TERUGKEER_DB) in the OS keyring, read without echo from a terminal or as one line
// from stdin; with --verwijder it removes it. Both programs then find it there when the
// URI and PGPASSWORD give none (storage.KeyringPassword). It does not connect.
func cmdDBWachtwoord(_ context.Context, e *env) error {
	fs := newFlags("db wachtwoord")
	remove := fs.Bool("verwijder", false, "verwijder het bewaarde wachtwoord")
	if err := parse(fs, e.args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("db wachtwoord leest het wachtwoord van de invoer, niet als argument.")
	}
	uri, ok := storage.URIFrom(e.dbFlag, e.getenv)
	if !ok {
		return errors.New("een SQLite-bestand heeft geen wachtwoord: 'db wachtwoord' bewaart het wachtwoord van " +
			"de database van het team; geef die met --db of " + app.EnvDB + " op als postgres://gebruiker@server:5432/database")
	}
	if _, err := storage.PasswordKey(uri); err != nil {
		return err
	}
	if *remove {
		removed, err := storage.RemovePassword(uri)
		switch {
		case err != nil:
			return err
		case removed:
			fmt.Fprintln(e.stdout, "Het wachtwoord van de database is verwijderd uit de sleutelbos van het besturingssysteem.")
		default:
			fmt.Fprintln(e.stdout, "Er was geen wachtwoord van deze database bewaard in de sleutelbos.")
		}
		return nil
	}
	if uriHasPassword(uri) {
		fmt.Fprintln(e.stderr, "Let op: het adres van de database bevat zelf een wachtwoord, en dat gaat voor op de "+
			"sleutelbos. Laat het wachtwoord weg uit --db of "+app.EnvDB+".")
	}
	pw, err := readSecret(e.stdin, e.stderr, "Wachtwoord van de database", "het wachtwoord")
	if err != nil {
		return err
	}
	if err := storage.StorePassword(uri, pw); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, "Het wachtwoord van de database is opgeslagen in de sleutelbos van het besturingssysteem.")
	return nil
}

// uriHasPassword reports whether uri carries a password itself (user:password@).
func uriHasPassword(uri string) bool {
	u, err := url.Parse(uri)
	if err != nil || u.User == nil {
		return false
	}
	_, ok := u.User.Password()
	return ok
}
