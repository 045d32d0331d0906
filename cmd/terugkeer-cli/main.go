// Command terugkeer-cli is the headless companion of the Terugkeer desktop app: it
// imports messages, shows persons and manages quarantine from scripts and schedulers.
// Errors go to stderr as one Dutch sentence without personal data.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers"
	"github.com/terugkeer/terugkeer/storage"
	"github.com/terugkeer/terugkeer/storage/postgres"
	"github.com/terugkeer/terugkeer/storage/sqlite"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr, os.Getenv)
	stop()
	os.Exit(code)
}

// env is what a command gets: its arguments, output streams and the opened service.
type env struct {
	args   []string
	stdin  io.Reader // the password for imap wachtwoord
	stdout io.Writer
	stderr io.Writer
	getenv func(string) string
	svc    *app.Service
	now    func() time.Time
	dbPath string // the database the service works on: a SQLite file's path or a PostgreSQL URI
	dbFlag string // --db as given (the storeless commands: db wachtwoord)
}

type command struct {
	run   func(ctx context.Context, e *env) error
	usage string
}

func commands() map[string]command {
	return map[string]command{
		"imap":        {cmdIMAP, "imap set SLEUTEL WAARDE | imap show | imap wachtwoord | imap geheim | imap aanmelden | imap afmelden   (sleutels: " + strings.Join(app.MailboxKeys, ", ") + ")"},
		"import-imap": {cmdImportIMAP, "import-imap [--json]   (wachtwoord uit de sleutelbos of TERUGKEER_IMAP_PASSWORD; bij aanmelding oauth2 het clientgeheim uit de sleutelbos of TERUGKEER_IMAP_CLIENT_SECRET, of de aanmelding)"},

		"init":       {cmdInit, "init --gemeente 0193[,0200,...] | init --rollen-sql   (teamdatabase: maakt ook de groepsrollen, of toont hun SQL)"},
		"import":     {cmdImport, "import [--json] PAD..."},
		"persons":    {cmdPersons, "persons [--json | --csv [--uit BESTAND.csv] [--volledig-bsn]] [--zoek TEKST] [--sorteer VOLGORDE [--aflopend]] [--domeinstatus STAND [--domein DOMEIN]] [--plan] [--afspraken-gemeente] [--mijn] [--signaal SOORT | --acties-over-datum] [--dagen 14] [--nu JJJJ-MM-DD]"},
		"show":       {cmdShow, "show [--json] [--ingezien [--aantal N]] (--bsn N | --skn N | --id N)"},
		"quarantine": {cmdQuarantine, "quarantine list [--json] | show ID | retry ID | discard ID"},
		"controle":   {cmdControle, "controle list [--json] | show ID | zelfde ID | ander ID   (bericht met een bekend BSN en een andere geboortedatum)"},
		"followup":   {cmdFollowup, followupUsage},
		"contact":    {cmdContact, contactUsage},
		"dashboard":  {cmdDashboard, dashboardUsage},
		"audit":      {cmdAudit, "audit [--json] [--verify]"},
		"close":      {cmdClose, "close (--bsn N | --id N) --uitkomst met-maatregelen|zonder-maatregelen [--datum JJJJ-MM-DD]"},
		"reopen":     {cmdReopen, reopenUsage},
		"acties":     {cmdActies, actiesUsage},
		"retention":  {cmdRetention, retentionUsage},
		"team":       {cmdTeam, teamUsage},
		"remove":     {cmdRemove, "remove (--bsn N | --id N)   (onherroepelijk)"},
		"demo":       {cmdDemo, demoUsage},
		"bench":      {cmdBench, benchUsage},
		"report":     {cmdReport, reportUsage},
		"version":    {cmdVersion, versionUsage},

		"aantekening": {cmdAantekening, aantekeningUsage},
		"db":          {cmdDB, dbUsage},
	}
}

// Exit codes.
const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
)

func run(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	locate := func(flag string) (app.DatabaseLocation, error) {
		return app.LocateDatabase(flag, app.SystemPlatform(getenv))
	}
	return runAt(ctx, args, os.Stdin, stdout, stderr, getenv, locate)
}

// runAt is run with the choice of the database's place injected (tests play the move
// out of the Windows Roaming profile on any system).
func runAt(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string,
	locate func(flag string) (app.DatabaseLocation, error)) int {
	dbFlag, args := extractDB(args)
	if isVersionArg(args) {
		return printVersion(stdout)
	}
	if len(args) == 0 || args[0] == "help" || args[0] == "--help" || args[0] == "-h" {
		printUsage(stdout)
		return exitOK
	}
	cmd, ok := commands()[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "Onbekende opdracht %q; 'terugkeer-cli help' toont de opdrachten.\n", args[0])
		return exitUsage
	}
	if storeless(args[0]) {
		e := &env{args: args[1:], stdin: stdin, stdout: stdout, stderr: stderr, getenv: getenv, now: time.Now, dbFlag: dbFlag}
		return finish(stderr, cmd, cmd.run(ctx, e))
	}
	db, source, moved, err := openStore(ctx, dbFlag, getenv, locate)
	if err != nil {
		return fail(stderr, err)
	}
	defer db.Close()
	e := &env{args: args[1:], stdin: stdin, stdout: stdout, stderr: stderr, getenv: getenv, now: time.Now, dbPath: source}
	e.svc = app.NewService(db, importers.Decoder{}, e.now)
	if moved {
		if err := e.svc.RecordDatabaseMove(ctx); err != nil {
			return fail(stderr, err)
		}
		fmt.Fprintln(stderr, databaseMovedNotice)
	}
	if _, err := e.svc.Prepare(ctx); err != nil {
		return fail(stderr, err)
	}
	err = cmd.run(ctx, e)
	warnWipePending(stderr, db)
	return finish(stderr, cmd, err)
}

// finish reports the error a command returned and gives the exit code.
func finish(stderr io.Writer, cmd command, err error) int {
	if err != nil {
		var ue usageError
		if errors.As(err, &ue) {
			fmt.Fprintf(stderr, "%s\nGebruik: terugkeer-cli %s\n", ue.msg, cmd.usage)
			return exitUsage
		}
		return fail(stderr, err)
	}
	return exitOK
}

// openStore opens the team's PostgreSQL database when --db or TERUGKEER_DB is a
// postgres:// URI, else the SQLite file where locate puts it (moved: out of the Windows
// Roaming profile). source is the URI or the file's path.
func openStore(ctx context.Context, dbFlag string, getenv func(string) string,
	locate func(flag string) (app.DatabaseLocation, error)) (db app.Store, source string, moved bool, err error) {
	if uri, ok := storage.URIFrom(dbFlag, getenv); ok {
		db, err := storage.Open(ctx, uri, storage.WithPassword(storage.KeyringPassword(uri)))
		return db, uri, false, err
	}
	loc, err := locate(dbFlag)
	if err != nil {
		return nil, "", false, err
	}
	sdb, moved, err := sqlite.OpenLocation(loc)
	if err != nil {
		return nil, "", false, err
	}
	// The copies of a killed bench run beside the database go with the next command,
	// not only with the next bench run (issue 15 item 8); a failure is tried again then.
	_ = sqlite.RemoveBenchLeftovers(loc.Path)
	return sdb, loc.Path, moved, nil
}

// wipeReporter is a store whose purges can leave a wipe pending (sqlite.DB: a reader
// of another program holds up the write-ahead log); PostgreSQL vacuums within Update.
type wipeReporter interface {
	WipePending() bool
}

// warnWipePending says, after a command, that removed data is still in the database's
// log because another program was reading (sqlite.DB.Update): the removal itself is
// done and reported, the wipe follows at the next opportunity of any process.
func warnWipePending(stderr io.Writer, db app.Store) {
	if w, ok := db.(wipeReporter); ok && w.WipePending() {
		fmt.Fprintln(stderr, "Let op: de verwijderde gegevens staan nog in het logbestand van de database, omdat "+
			"een ander programma (bijvoorbeeld de Terugkeer-app) er op dit moment in leest. Ze worden gewist "+
			"zodra dat kan: bij de volgende opdracht of door de app.")
	}
}

// databaseMovedNotice tells, once, that the database left the Windows Roaming profile.
const databaseMovedNotice = "Terugkeer heeft de database verplaatst van de zwervende profielmap (%AppData%\\Terugkeer) " +
	"naar de lokale map (%LocalAppData%\\Terugkeer), zodat Windows de dossiers niet meer naar de server van de " +
	"gemeente kopieert."

// extractDB takes --db PATH / --db=PATH from anywhere in the arguments.
func extractDB(args []string) (string, []string) {
	var db string
	var rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case (a == "--db" || a == "-db") && i+1 < len(args):
			db = args[i+1]
			i++
		case strings.HasPrefix(a, "--db=") || strings.HasPrefix(a, "-db="):
			db = a[strings.Index(a, "=")+1:]
		default:
			rest = append(rest, a)
		}
	}
	return db, rest
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "terugkeer-cli — de opdrachtregel van Terugkeer")
	fmt.Fprintln(w, "\nGebruik: terugkeer-cli [--db PAD|URI] OPDRACHT ...  (of TERUGKEER_DB=PAD|URI; URI: postgres://gebruiker@server/database)")
	fmt.Fprintln(w, "\nOpdrachten:")
	for _, name := range sortedNames() {
		fmt.Fprintf(w, "  %s\n", commands()[name].usage)
	}
}

func sortedNames() []string {
	var names []string
	for n := range commands() {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// usageError is a wrong invocation: exit 2 with the command's usage line.
type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// fail prints one Dutch sentence for err and returns the error exit code. Messages come
// from our own code (app, storage, importers) and never carry personal data.
func fail(stderr io.Writer, err error) int {
	fmt.Fprintln(stderr, app.Visible(dutchError(err)))
	return exitError
}

func dutchError(err error) string {
	switch {
	case errors.Is(err, app.ErrNotFound):
		return "Niet gevonden: er is geen persoon of bericht met dat kenmerk."
	case errors.Is(err, app.ErrNotInitialised):
		return "De database is nog niet ingericht: voer eerst 'terugkeer-cli init --gemeente CODE' uit."
	case errors.Is(err, context.Canceled):
		return "Afgebroken."
	case errors.Is(err, app.ErrImportBusy):
		return "Een collega haalt het postvak al op; probeer het over een paar minuten opnieuw."
	}
	var ve *app.ValidationError
	if errors.As(err, &ve) && ve.Code == app.ProblemNotTeamMember {
		return "Deze verantwoordelijke is geen collega van het team: kies een aanmeldnaam met de rol " +
			"terugkeer_medewerker of terugkeer_beheerder ('terugkeer-cli team' toont ze)."
	}
	if errors.Is(err, postgres.ErrAdminOnly) { // the server's own wording adds nothing
		return sentenceOf(postgres.ErrAdminOnly) + " " + connectionHint(err)
	}
	if hint := connectionHint(err); hint != "" {
		return sentenceOf(err) + " " + hint
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		// Only the file's base name: a folder path may name a person or a colleague.
		return fmt.Sprintf("Het bestand %q kan niet worden gelezen (%v).", filepath.Base(pe.Path), pe.Err)
	}
	return sentenceOf(err)
}

// sentenceOf is the error's message as a sentence: a capital first, a full stop last.
func sentenceOf(err error) string {
	msg := err.Error()
	return strings.ToUpper(msg[:1]) + msg[1:] + "."
}

// connectionHint says what to do about a PostgreSQL connection that failed; "" for
// other errors. The messages never hold the URI (it may hold the password).
func connectionHint(err error) string {
	switch {
	case errors.Is(err, postgres.ErrBadURI):
		return "Schrijf het adres als postgres://gebruiker@server:5432/database (in --db of " + app.EnvDB + ")."
	case errors.Is(err, postgres.ErrInsecure):
		return "Laat sslmode weg of zet sslmode=verify-full in de URI; de server heeft dan een certificaat nodig " +
			"dat deze computer vertrouwt (sslrootcert=PAD voor het certificaat van de gemeente)."
	case errors.Is(err, postgres.ErrCertificate):
		return "Controleer het certificaat van de server: geef met sslrootcert=PAD in de URI het certificaat op " +
			"waarmee het is ondertekend, en gebruik de servernaam die in het certificaat staat."
	case errors.Is(err, postgres.ErrAuthentication):
		return "Bewaar het wachtwoord met 'terugkeer-cli db wachtwoord' in de sleutelbos (of geef het in PGPASSWORD), " +
			"of vraag de beheerder of uw gebruiker toegang heeft."
	case errors.Is(err, postgres.ErrNoDatabase):
		return "Controleer de naam van de database in de URI, of vraag de beheerder de database aan te maken."
	case errors.Is(err, postgres.ErrAdminOnly):
		return "Vraag een collega met de rol terugkeer_beheerder, of de beheerder van de database."
	case errors.Is(err, postgres.ErrPermission):
		return "Vraag de beheerder van de database om de rechten van Terugkeer (terugkeer_medewerker of terugkeer_beheerder)."
	case errors.Is(err, postgres.ErrUnreachable):
		return "Controleer de server en de poort in de URI (--db of " + app.EnvDB + ") en of de server draait."
	case errors.Is(err, postgres.ErrForeignDatabase):
		return "Kies met --db of " + app.EnvDB + " een lege database of een database van Terugkeer."
	}
	return ""
}
