package ui

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/terugkeer/terugkeer/app"
)

// sourceMailbox is a Mailbox that says where its password comes from, and whose Fetch
// returns fixed results and error.
type sourceMailbox struct {
	promptMailbox
	src     PasswordSource
	results []app.Result
	err     error
}

func (m *sourceMailbox) PasswordSource(app.MailboxSettings) (PasswordSource, string) {
	return m.src, "TERUGKEER_IMAP_PASSWORD"
}

func (m *sourceMailbox) Fetch(context.Context, string, func(int, int)) ([]app.Result, error) {
	return m.results, m.err
}

// The password field says where the password comes from: keyring, environment, none,
// no keyring; a Mailbox that cannot say gets a text that fits both keyring and
// environment.
func TestPasswordPlaceholderPerSource(t *testing.T) {
	cases := []struct {
		mb   Mailbox
		want string
	}{
		{&sourceMailbox{src: PasswordInKeyring}, "er is een wachtwoord bewaard; vul alleen in om het te wijzigen"},
		{&sourceMailbox{src: PasswordFromEnv}, "het wachtwoord komt uit de omgevingsvariabele TERUGKEER_IMAP_PASSWORD en gaat voor op de sleutelbos"},
		{&sourceMailbox{src: PasswordNone}, "wordt bewaard in de sleutelbos van het systeem"},
		{&sourceMailbox{src: PasswordNoKeyring}, "geen sleutelbos op deze computer: het wachtwoord wordt bij elk ophalen gevraagd"},
		{&promptMailbox{stored: true}, "er is al een wachtwoord (sleutelbos of omgevingsvariabele)"},
		{&promptMailbox{}, "wordt bewaard in de sleutelbos van het systeem"},
	}
	for _, c := range cases {
		svc := realService(t, exampleNow, []string{"0193"}, false)
		ms := app.MailboxSettings{Server: "imap.gemeente.nl", Gebruiker: "nazorg"}
		if err := svc.SaveMailboxSettings(context.Background(), ms); err != nil {
			t.Fatal(err)
		}
		s, _ := newShell(t, svc, Options{Mailbox: c.mb})
		if got := s.Settings.mail.wachtwoord.PlaceHolder; got != c.want {
			t.Errorf("%T %+v: placeholder %q, want %q", c.mb, c.mb, got, c.want)
		}
	}
}

// A fetch that fails before any mail shows only the error, not "Resultaat: 0 …"; one
// that fails halfway shows what was handled and that it stopped. Both offer details.
func TestFetchFailureSummary(t *testing.T) {
	cause := errors.New("dial tcp: verbinding geweigerd")
	for _, c := range []struct {
		results []app.Result
		want    string
		dialog  string
	}{
		{nil, "Het postvak kon niet worden opgehaald. Controleer de instellingen en de verbinding.",
			"Het postvak kon niet worden opgehaald."},
		{[]app.Result{{Bron: "INBOX 1", Resultaat: app.Geimporteerd}, {Bron: "INBOX 2", Resultaat: app.Quarantaine}},
			"Gestopt door een fout. Tot dan: 1 geïmporteerd, 0 dubbel, 1 in quarantaine, 0 zonder bericht.",
			"halverwege gestopt"},
	} {
		svc := realService(t, exampleNow, []string{"0193"}, false)
		mb := &sourceMailbox{promptMailbox: promptMailbox{stored: true}, results: c.results, err: cause}
		s, w := newShell(t, svc, Options{Mailbox: mb})
		configureMailbox(t, svc)
		s.Import.FetchMailbox()
		s.Wait()
		got := s.Import.summary.Text
		if got != c.want || strings.Contains(got, "Resultaat") {
			t.Errorf("summary %q, want %q", got, c.want)
		}
		top := w.Canvas().Overlays().Top()
		texts := visibleTexts(top)
		if top == nil || !containsText(texts, c.dialog) || !containsText(texts, "Details") {
			t.Errorf("error dialog shows %q, want %q with Details", texts, c.dialog)
		}
	}
}
