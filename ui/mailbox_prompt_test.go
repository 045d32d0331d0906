package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"

	"github.com/terugkeer/terugkeer/app"
)

// promptMailbox is a Mailbox without a stored password that records what Fetch got.
type promptMailbox struct {
	stored    bool
	passwords []string
}

func (m *promptMailbox) HasPassword(app.MailboxSettings) bool { return m.stored }
func (m *promptMailbox) StorePassword(app.MailboxSettings, string) error {
	return nil
}
func (m *promptMailbox) Test(context.Context, app.MailboxSettings) (string, error) { return "", nil }
func (m *promptMailbox) Fetch(_ context.Context, pw string, progress func(int, int)) ([]app.Result, error) {
	m.passwords = append(m.passwords, pw)
	progress(1, 1)
	return []app.Result{{Bron: "INBOX 1", Resultaat: app.Geimporteerd}}, nil
}

// Without a keyring (or a saved password) "Postvak ophalen" asks for the password and
// uses it for that fetch only; with one it fetches straight away.
func TestFetchMailboxAsksPasswordWhenNoneStored(t *testing.T) {
	svc := realService(t, time.Date(2019, 8, 5, 9, 0, 0, 0, time.UTC), []string{"0193"}, false)
	mb := &promptMailbox{}
	s, _ := newShell(t, svc, Options{Mailbox: mb})
	configureMailbox(t, svc)
	s.Import.FetchMailbox()
	if len(mb.passwords) != 0 || s.Import.PasswordPrompt == nil {
		t.Fatalf("fetched without asking: %v", mb.passwords)
	}
	form, ok := s.Import.PasswordPrompt.(*dialog.FormDialog)
	if !ok {
		t.Fatalf("prompt is %T, want a form dialog", s.Import.PasswordPrompt)
	}
	entry := findPasswordEntry(t, s)
	test.Type(entry, "geheim")
	form.Submit()
	s.Wait()
	if len(mb.passwords) != 1 || mb.passwords[0] != "geheim" {
		t.Fatalf("Fetch got passwords %q, want the typed one", mb.passwords)
	}
	mb.stored = true
	s.Import.FetchMailbox()
	s.Wait()
	if len(mb.passwords) != 2 || mb.passwords[1] != "" {
		t.Errorf("with a stored password Fetch got %q, want empty (use the keyring)", mb.passwords)
	}
}

func configureMailbox(t *testing.T, svc *app.Service) {
	t.Helper()
	for k, v := range map[string]string{"server": "imap.gemeente.example", "gebruiker": "nazorg@gemeente.example"} {
		if err := svc.SetMailboxSetting(context.Background(), k, v); err != nil {
			t.Fatal(err)
		}
	}
}

// "Postvak ophalen" with nothing set up goes to Instellingen and says what to fill in
// there, instead of asking for a password and then naming a CLI command (issue 18, 6).
func TestFetchUnconfiguredMailboxGoesToSettings(t *testing.T) {
	svc := realService(t, time.Date(2019, 8, 5, 9, 0, 0, 0, time.UTC), []string{"0193"}, false)
	mb := &promptMailbox{}
	s, w := newShell(t, svc, Options{Mailbox: mb})
	s.Import.FetchMailbox()
	s.Wait()
	if s.Import.PasswordPrompt != nil || len(mb.passwords) != 0 {
		t.Fatalf("asked for a password (%v) or fetched (%v) with no mailbox set up", s.Import.PasswordPrompt != nil, mb.passwords)
	}
	if s.Current() != SectionInstelling {
		t.Errorf("screen = %q, want Instellingen", s.Current())
	}
	top := w.Canvas().Overlays().Top()
	if top == nil || !containsText(visibleTexts(top), T("Postvak nog niet ingesteld")) {
		t.Fatal("no message saying the mailbox is not set up")
	}
	for _, txt := range visibleTexts(top) {
		if strings.Contains(txt, "imap set") {
			t.Errorf("the window tells a desktop user to type a command: %q", txt)
		}
	}
}

func findPasswordEntry(t *testing.T, s *Shell) *EscEntry {
	t.Helper()
	for _, o := range s.win.Canvas().Overlays().List() {
		for _, w := range test.LaidOutObjects(o) {
			if e, ok := w.(*EscEntry); ok && e.Password {
				return e
			}
		}
	}
	t.Fatal("no password entry in the dialog")
	return nil
}
