package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/emersion/go-imap/v2"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers/mailbox"
	"github.com/terugkeer/terugkeer/ui"
)

// imapMailbox is ui.Mailbox on importers/mailbox. The password comes, as in
// terugkeer-cli, from mailbox.PasswordEnv when set, else from the OS keyring; it is
// never logged and never stored anywhere but the keyring. Without a keyring,
// StorePassword, Test and Fetch fail with mailbox.ErrNoKeyring, which the UI shows.
type imapMailbox struct {
	svc    *app.Service
	getenv func(string) string
}

var _ ui.Mailbox = (*imapMailbox)(nil)

// newMailbox wires the IMAP import into the UI.
func newMailbox(svc *app.Service) ui.Mailbox {
	return &imapMailbox{svc: svc, getenv: os.Getenv}
}

// HasPassword reports whether the environment or the keyring holds a password; with
// aanmelding oauth2, whether a client secret or a Microsoft sign-in is there.
func (m *imapMailbox) HasPassword(s app.MailboxSettings) bool {
	if s.OAuth2() {
		return m.SignedIn(s)
	}
	_, err := mailbox.Password(s, m.getenv)
	return err == nil
}

var _ ui.MailboxPasswordSource = (*imapMailbox)(nil)

// PasswordSource says where the password comes from; the environment goes first, as in
// mailbox.Password.
func (m *imapMailbox) PasswordSource(s app.MailboxSettings) (ui.PasswordSource, string) {
	if m.getenv(mailbox.PasswordEnv) != "" {
		return ui.PasswordFromEnv, mailbox.PasswordEnv
	}
	_, err := mailbox.Password(s, m.getenv)
	switch {
	case err == nil:
		return ui.PasswordInKeyring, ""
	case errors.Is(err, mailbox.ErrNoKeyring):
		return ui.PasswordNoKeyring, ""
	}
	return ui.PasswordNone, ""
}

// StorePassword keeps the password in the OS keyring (mailbox.ErrNoKeyring when none).
func (m *imapMailbox) StorePassword(s app.MailboxSettings, password string) error {
	return mailbox.StorePassword(s, password)
}

// Test connects and logs in with the settings of the form (not necessarily saved), and
// counts the messages in the mailbox read.
func (m *imapMailbox) Test(ctx context.Context, s app.MailboxSettings) (string, error) {
	s = s.WithDefaults()
	if err := s.Complete(); err != nil {
		return "", err
	}
	auth, err := m.login(ctx, s, "")
	if err != nil {
		return "", err
	}
	c, err := mailbox.Dial(s)
	if err != nil {
		return "", err
	}
	stop := context.AfterFunc(ctx, func() { c.Close() })
	defer func() {
		stop()
		c.Close()
	}()
	if err := auth.Authenticate(c); err != nil {
		if ctx.Err() != nil {
			return "", ctx.Err()
		}
		return "", err
	}
	st, err := c.Status(s.Map, &imap.StatusOptions{NumMessages: true}).Wait()
	if ctx.Err() != nil {
		return "", ctx.Err()
	}
	if err != nil {
		var ie *imap.Error
		if errors.As(err, &ie) {
			return "", fmt.Errorf("inloggen lukt, maar de map %q is niet gevonden op de mailserver", s.Map)
		}
		return "", errors.New("de verbinding met de mailserver is verbroken")
	}
	c.Logout().Wait() //nolint:errcheck // the test is done; a failing LOGOUT changes nothing
	n := 0
	if st.NumMessages != nil {
		n = int(*st.NumMessages)
	}
	return fmt.Sprintf("De map %s bevat %d berichten.", s.Map, n), nil
}

// Fetch imports the new mail with the saved settings; it returns the results of the
// mails handled, also when it stops early (error or cancel).
func (m *imapMailbox) Fetch(ctx context.Context, password string, progress func(done, total int)) ([]app.Result, error) {
	s, err := m.svc.MailboxSettings(ctx)
	if err != nil {
		return nil, err
	}
	if err := s.Complete(); err != nil {
		return nil, err
	}
	auth, err := m.login(ctx, s, password)
	if err != nil {
		return nil, err
	}
	var results []app.Result
	_, err = mailbox.Run(ctx, m.svc, s, mailbox.Options{
		Auth:     auth,
		Progress: progress,
		OnMail:   func(ml mailbox.Mail) { results = append(results, ml.Results...) },
	})
	return results, err
}
