package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers/mailbox"
)

// cmdIMAP handles "imap set KEY VALUE", "imap show" and "imap wachtwoord", and the
// OAuth2 ones in cmd_imap_oauth.go ("imap geheim", "imap aanmelden", "imap afmelden").
func cmdIMAP(ctx context.Context, e *env) error {
	if len(e.args) == 0 {
		return usagef("Geef een subopdracht: set, show, wachtwoord, geheim, aanmelden of afmelden.")
	}
	switch sub, rest := e.args[0], e.args[1:]; sub {
	case "set":
		if len(rest) != 2 {
			return usagef("Gebruik: imap set SLEUTEL WAARDE (sleutels: %s).", strings.Join(app.MailboxKeys, ", "))
		}
		if err := e.svc.SetMailboxSetting(ctx, rest[0], rest[1]); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "IMAP-instelling %s opgeslagen.\n", rest[0])
		return nil
	case "show":
		if len(rest) != 0 {
			return usagef("imap show heeft geen argumenten.")
		}
		return imapShow(ctx, e)
	case "wachtwoord":
		if len(rest) != 0 {
			return usagef("imap wachtwoord leest het wachtwoord van de invoer, niet als argument.")
		}
		return imapPassword(ctx, e)
	case "geheim", "aanmelden", "afmelden":
		if len(rest) != 0 {
			return usagef("imap %s heeft geen argumenten.", sub)
		}
		return imapOAuth(ctx, e, sub)
	}
	return usagef("Onbekende subopdracht %q: kies set, show, wachtwoord, geheim, aanmelden of afmelden.", e.args[0])
}

func imapShow(ctx context.Context, e *env) error {
	stored, err := e.svc.StoredMailboxSettings(ctx)
	if err != nil {
		return err
	}
	eff := stored.WithDefaults()
	for _, k := range app.MailboxKeys {
		v, _ := eff.Get(k)
		own, _ := stored.Get(k)
		note := ""
		switch {
		case v == "":
			v = "(niet ingesteld)"
		case own == "":
			note = " (standaard)"
		}
		fmt.Fprintf(e.stdout, "%-12s %s%s\n", k+":", app.Visible(v), note)
	}
	if eff.OAuth2() {
		imapShowOAuth(e, eff)
		return nil
	}
	src := "sleutelbos van het besturingssysteem (instellen met 'imap wachtwoord')"
	if e.getenv(mailbox.PasswordEnv) != "" {
		src = "omgevingsvariabele " + mailbox.PasswordEnv
	}
	fmt.Fprintf(e.stdout, "%-12s %s; nooit in de database\n", "wachtwoord:", src)
	return nil
}

func imapPassword(ctx context.Context, e *env) error {
	s, err := e.svc.MailboxSettings(ctx)
	if err != nil {
		return err
	}
	if s.Server == "" || s.Gebruiker == "" {
		return app.ErrMailboxNotConfigured
	}
	pw, err := readSecret(e.stdin, e.stderr, "IMAP-wachtwoord", "het wachtwoord")
	if err != nil {
		return err
	}
	if err := mailbox.StorePassword(s, pw); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, "Het IMAP-wachtwoord is opgeslagen in de sleutelbos van het besturingssysteem.")
	return nil
}

// readSecret reads a password or secret without echo from a terminal (asking for label),
// or one line from stdin; what names it in errors ("het wachtwoord").
func readSecret(stdin io.Reader, prompt io.Writer, label, what string) (string, error) {
	if f, ok := stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprint(prompt, label+": ")
		b, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(prompt)
		if err != nil {
			return "", fmt.Errorf("%s kon niet worden gelezen", what)
		}
		return string(b), nil
	}
	line, err := bufio.NewReader(stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("%s kon niet worden gelezen", what)
	}
	pw := strings.TrimRight(line, "\r\n")
	if pw == "" {
		return "", fmt.Errorf("er is geen %s opgegeven", strings.TrimPrefix(what, "het "))
	}
	return pw, nil
}

// imapResultJSON is one line of import-imap --json: the fields of import --json plus the
// mail's UID and the folder it went to.
type imapResultJSON struct {
	resultJSON
	UID uint32 `json:"uid"`
	Map string `json:"map"`
}

func cmdImportIMAP(ctx context.Context, e *env) error {
	defer raiseGCForImport(e.getenv)()
	fs := newFlags("import-imap")
	asJSON := fs.Bool("json", false, "één JSON-object per bericht")
	if err := parse(fs, e.args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return usagef("import-imap heeft geen argumenten; stel het postvak in met 'imap set'.")
	}
	if _, err := e.svc.Gemeenten(ctx); err != nil {
		return err
	}
	s, err := e.svc.MailboxSettings(ctx)
	if err != nil {
		return err
	}
	if err := s.Complete(); err != nil {
		return err
	}
	auth, err := imapLogin(ctx, e, s)
	if err != nil {
		return err
	}
	var all []app.Result
	var outErr error
	opts := mailbox.Options{
		Auth: auth,
		OnMail: func(m mailbox.Mail) {
			all = append(all, m.Results...)
			if !*asJSON {
				return
			}
			for _, r := range m.Results {
				if err := json.NewEncoder(e.stdout).Encode(imapResultJSON{toResultJSON(r), m.UID, m.Map}); err != nil && outErr == nil {
					outErr = err
				}
			}
		},
	}
	if !*asJSON {
		opts.Progress = progressPrinter(e.stderr)
	}
	sum, err := mailbox.Run(ctx, e.svc, s, opts)
	err = signInHint(err)
	if !*asJSON && (err == nil || len(all) > 0) {
		printImportSummary(e, all)
		fmt.Fprintf(e.stdout, "Postvak: %d naar %s, %d naar %s, %d blijven staan in %s\n",
			sum.Verwerkt, app.Visible(s.Verwerkt), sum.Quarantaine, app.Visible(s.Quarantaine), sum.Gebleven, app.Visible(s.Map))
		if sum.Verwijderd > 0 || sum.Opgeruimd > 0 {
			fmt.Fprintf(e.stdout, "Opgeruimd: %d mails met gewiste gegevens verwijderd, %d verwerkte mails ouder dan %s verwijderd\n",
				sum.Verwijderd, sum.Opgeruimd, app.Visible(s.VerwijderenNa))
		}
	}
	if err != nil {
		return err
	}
	return outErr
}

// progressPrinter writes "12/340" to w: on one line that it rewrites when w is a terminal,
// else one line per step. It shows counts only.
func progressPrinter(w io.Writer) func(done, total int) {
	f, ok := w.(*os.File)
	tty := ok && term.IsTerminal(int(f.Fd()))
	return func(done, total int) {
		switch {
		case total == 0:
			fmt.Fprintln(w, "Geen nieuwe berichten in het postvak.")
		case tty:
			fmt.Fprintf(w, "\r%d/%d", done, total)
			if done == total {
				fmt.Fprintln(w)
			}
		default:
			fmt.Fprintf(w, "%d/%d\n", done, total)
		}
	}
}
