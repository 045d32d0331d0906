package ui

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"

	"github.com/terugkeer/terugkeer/app"
)

// signInMailbox is a Mailbox with Microsoft sign-in; the browser sign-in blocks until
// cancelled unless browserOK, the code sign-in shows a code and succeeds.
type signInMailbox struct {
	sourceMailbox
	mu        sync.Mutex
	signedIn  bool
	browserOK bool
	browser   []app.MailboxSettings // settings of each browser sign-in
	codes     int
	fetches   int
}

func (m *signInMailbox) SignedIn(app.MailboxSettings) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.signedIn
}

func (m *signInMailbox) SignIn(ctx context.Context, s app.MailboxSettings, open func(string) error) error {
	m.mu.Lock()
	m.browser = append(m.browser, s)
	ok := m.browserOK
	m.mu.Unlock()
	if err := open("https://login.example.test/authorize?client_id=" + s.OAuth.ClientID); err != nil {
		return err
	}
	if !ok {
		return errors.New("de browser kon niet worden geopend")
	}
	m.mu.Lock()
	m.signedIn = true
	m.mu.Unlock()
	return nil
}

func (m *signInMailbox) SignInWithCode(_ context.Context, _ app.MailboxSettings, show func(code, url string)) error {
	m.mu.Lock()
	m.codes++
	m.mu.Unlock()
	show("ABCD-1234", "https://microsoft.com/devicelogin")
	m.mu.Lock()
	m.signedIn = true
	m.mu.Unlock()
	return nil
}

func (m *signInMailbox) Fetch(ctx context.Context, pw string, p func(int, int)) ([]app.Result, error) {
	m.mu.Lock()
	m.fetches++
	m.mu.Unlock()
	return m.sourceMailbox.Fetch(ctx, pw, p)
}

func oauthService(t *testing.T) *app.Service {
	t.Helper()
	svc := realService(t, exampleNow, []string{"0193"}, false)
	ms := app.MailboxSettings{Server: "outlook.office365.com", Gebruiker: "nazorg@gemeente.nl", Aanmelding: app.SignInOAuth2,
		OAuth: app.MailboxOAuth{Tenant: "gemeente.onmicrosoft.com", ClientID: "app-1", TokenURL: "https://idp.gemeente.test/token"}}
	if err := svc.SaveMailboxSettings(context.Background(), ms); err != nil {
		t.Fatal(err)
	}
	return svc
}

// The form shows and saves the OAuth2 settings, and keeps what it does not show (the
// token-url set with the CLI).
func TestSettingsOAuthFields(t *testing.T) {
	svc := oauthService(t)
	s, _ := newShell(t, svc, Options{Mailbox: &signInMailbox{}})
	f := &s.Settings.mail.oauth
	if f.aanmelding.SelectedIndex() != 1 || f.tenant.Text != "gemeente.onmicrosoft.com" || f.clientID.Text != "app-1" {
		t.Fatalf("form %d %q %q", f.aanmelding.SelectedIndex(), f.tenant.Text, f.clientID.Text)
	}
	if f.status.Text != "Nog niet aangemeld bij Microsoft: kies 'Aanmelden bij Microsoft'." {
		t.Errorf("status %q", f.status.Text)
	}
	if f.button.Disabled() || !s.Settings.mail.wachtwoord.Disabled() {
		t.Error("with oauth2 the sign-in button is off or the password field on")
	}
	f.clientID.SetText("app-2")
	s.Settings.SaveMailbox()
	s.Wait()
	got, _ := svc.StoredMailboxSettings(context.Background())
	if got.OAuth.ClientID != "app-2" || got.OAuth.TokenURL != "https://idp.gemeente.test/token" || !got.OAuth2() {
		t.Errorf("saved %+v", got)
	}
	f.aanmelding.SetSelectedIndex(0)
	if !f.button.Disabled() || s.Settings.mail.wachtwoord.Disabled() {
		t.Error("with a password the sign-in button is on or the password field off")
	}
}

// "Aanmelden bij Microsoft" opens the browser; "Met een code aanmelden" switches to the
// device code and shows it; once signed in the dialog closes and says so.
func TestSettingsSignInBrowserThenCode(t *testing.T) {
	svc := oauthService(t)
	mb := &signInMailbox{}
	s, _ := newShell(t, svc, Options{Mailbox: mb})
	var opened []string
	s.Settings.openURL = func(u *url.URL) error { opened = append(opened, u.String()); return nil }
	test.Tap(s.Settings.mail.oauth.button)
	s.Wait()
	si := s.Settings.SignIn
	if si == nil || len(mb.browser) != 1 || len(opened) != 1 || opened[0] != "https://login.example.test/authorize?client_id=app-1" {
		t.Fatalf("sign-in %v, browser sign-ins %d, opened %v", si, len(mb.browser), opened)
	}
	if !strings.Contains(si.text.Text, "Met een code aanmelden") || !strings.Contains(si.text.Text, "niet gelukt") {
		t.Errorf("after the browser failed the dialog says %q", si.text.Text)
	}
	test.Tap(si.CodeBtn)
	s.Wait()
	if mb.codes != 1 || si.Code == nil || si.Code.Text != "ABCD-1234" {
		t.Fatalf("code sign-ins %d, code shown %v", mb.codes, si.Code)
	}
	if got := s.Settings.mail.oauth.status.Text; got != "Aangemeld bij Microsoft als nazorg@gemeente.nl." {
		t.Errorf("status %q", got)
	}
}

// An expired or revoked grant: one sentence and a button; signing in fetches again.
func TestFetchSignInExpired(t *testing.T) {
	svc := oauthService(t)
	mb := &signInMailbox{signedIn: true, browserOK: true}
	mb.err = app.ErrMailboxSignInExpired
	s, _ := newShell(t, svc, Options{Mailbox: mb})
	s.Import.openURL = func(*url.URL) error { return nil }
	s.Import.FetchMailbox()
	s.Wait()
	d, ok := s.Import.SignInPrompt.(*dialog.ConfirmDialog)
	if !ok {
		t.Fatalf("prompt %T, want the sign-in question", s.Import.SignInPrompt)
	}
	if !containsText(visibleTexts(s.Import.content), "De aanmelding bij Microsoft is verlopen of ingetrokken; meld u opnieuw aan.") {
		t.Errorf("summary %v", visibleTexts(s.Import.content))
	}
	mb.err = nil
	d.Confirm()
	s.Wait()
	if len(mb.browser) != 1 || mb.fetches != 2 {
		t.Errorf("browser sign-ins %d, fetches %d; want a sign-in and a second fetch", len(mb.browser), mb.fetches)
	}
}

// Not signed in yet: the fetch asks to sign in instead of asking for a password.
func TestFetchNotSignedIn(t *testing.T) {
	svc := oauthService(t)
	mb := &signInMailbox{}
	s, _ := newShell(t, svc, Options{Mailbox: mb})
	s.Import.FetchMailbox()
	s.Wait()
	if s.Import.SignInPrompt == nil || s.Import.PasswordPrompt != nil || mb.fetches != 0 {
		t.Errorf("sign-in prompt %v, password prompt %v, fetches %d", s.Import.SignInPrompt, s.Import.PasswordPrompt, mb.fetches)
	}
}
