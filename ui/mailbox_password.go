package ui

import "github.com/terugkeer/terugkeer/app"

// PasswordSource is where the mailbox password comes from.
type PasswordSource int

// The sources a Mailbox can report.
const (
	PasswordUnknown   PasswordSource = iota // the Mailbox cannot say (only HasPassword)
	PasswordNone                            // none in the environment, none in the keyring
	PasswordInKeyring                       // saved in the operating system's keyring
	PasswordFromEnv                         // from an environment variable, which goes first
	PasswordNoKeyring                       // this computer has no keyring: asked per fetch
)

// MailboxPasswordSource is optionally implemented by a Mailbox to say where its password
// comes from; env names the environment variable for PasswordFromEnv. It may ask the
// keyring, so call it off the Fyne goroutine. Without it the settings screen only knows
// whether there is a password (HasPassword).
type MailboxPasswordSource interface {
	PasswordSource(s app.MailboxSettings) (src PasswordSource, env string)
}

// mailboxPasswordSource asks mb where the password for s comes from.
func mailboxPasswordSource(mb Mailbox, s app.MailboxSettings) (PasswordSource, string) {
	if mb == nil {
		return PasswordNone, ""
	}
	if ps, ok := mb.(MailboxPasswordSource); ok {
		return ps.PasswordSource(s)
	}
	if s.Server != "" && mb.HasPassword(s) {
		return PasswordUnknown, ""
	}
	return PasswordNone, ""
}

// passwordPlaceholder is the password field's placeholder for where the password comes
// from.
func passwordPlaceholder(src PasswordSource, env string) string {
	switch src {
	case PasswordInKeyring:
		return T("er is een wachtwoord bewaard; vul alleen in om het te wijzigen")
	case PasswordFromEnv:
		return tf("het wachtwoord komt uit de omgevingsvariabele {{.Naam}} en gaat voor op de sleutelbos", "Naam", env)
	case PasswordNoKeyring:
		return T("geen sleutelbos op deze computer: het wachtwoord wordt bij elk ophalen gevraagd")
	case PasswordUnknown:
		return T("er is al een wachtwoord (sleutelbos of omgevingsvariabele)")
	}
	return T("wordt bewaard in de sleutelbos van het systeem")
}
