package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers/mailbox"
	"github.com/terugkeer/terugkeer/importers/mailbox/oauth"
)

// imapLogin is the sign-in for a run: the password, or with aanmelding oauth2 the client
// credentials (TERUGKEER_IMAP_CLIENT_SECRET or the keyring) or the signed-in user.
func imapLogin(ctx context.Context, e *env, s app.MailboxSettings) (mailbox.Authenticator, error) {
	if s.OAuth2() {
		return oauth.Login(ctx, s, e.getenv)
	}
	pw, err := mailbox.Password(s, e.getenv)
	if err != nil {
		return nil, err
	}
	return mailbox.PasswordLogin{User: s.Gebruiker, Password: pw}, nil
}

// signInHint says how to sign in again from the command line when the Microsoft
// sign-in expired or was revoked.
func signInHint(err error) error {
	if errors.Is(err, app.ErrMailboxSignInExpired) {
		return fmt.Errorf("%w ('terugkeer-cli imap aanmelden', of 'Aanmelden bij Microsoft' in het venster)", err)
	}
	return err
}

// imapOAuth handles "imap geheim" (the client secret into the keyring), "imap aanmelden"
// (device-code sign-in of a casemanager) and "imap afmelden".
func imapOAuth(ctx context.Context, e *env, sub string) error {
	s, err := e.svc.MailboxSettings(ctx)
	if err != nil {
		return err
	}
	if !s.OAuth2() {
		return fmt.Errorf("het postvak meldt zich aan met een wachtwoord; 'imap %s' hoort bij 'imap set aanmelding oauth2'", sub)
	}
	if err := s.Complete(); err != nil {
		return err
	}
	switch sub {
	case "geheim":
		secret, err := readSecret(e.stdin, e.stderr, "Clientgeheim van de app-registratie", "het clientgeheim")
		if err != nil {
			return err
		}
		if err := oauth.StoreClientSecret(s, secret); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, "Het clientgeheim is opgeslagen in de sleutelbos van het besturingssysteem.")
	case "aanmelden":
		err := oauth.SignInDevice(ctx, s, func(dc oauth.DeviceCode) {
			fmt.Fprintf(e.stdout, "Ga in een browser naar %s en voer de code %s in.\n", app.Visible(dc.VerificationURI), app.Visible(dc.UserCode))
			fmt.Fprintln(e.stdout, "Meld u daar aan met het account van het postvak; deze opdracht wacht tot dat gebeurd is.")
		})
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "Aangemeld bij Microsoft voor %s; de aanmelding staat in de sleutelbos en wordt vanzelf vernieuwd.\n", app.Visible(s.Gebruiker))
	case "afmelden":
		if err := oauth.SignOut(s); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, "Afgemeld: de aanmelding bij Microsoft is uit de sleutelbos verwijderd.")
	}
	return nil
}

// imapShowOAuth says where the client secret and the sign-in come from.
func imapShowOAuth(e *env, s app.MailboxSettings) {
	fmt.Fprintf(e.stdout, "%-12s %s\n", "tokenadres:", s.OAuth.TokenEndpoint())
	src := "sleutelbos van het besturingssysteem (instellen met 'imap geheim'), voor onbeheerde runs"
	if e.getenv(oauth.SecretEnv) != "" {
		src = "omgevingsvariabele " + oauth.SecretEnv
	}
	fmt.Fprintf(e.stdout, "%-12s %s; nooit in de database\n", "geheim:", src)
	signedIn := "niet aangemeld (aanmelden met 'imap aanmelden' of in het venster)"
	if oauth.SignedIn(s) {
		signedIn = "aangemeld bij Microsoft (vernieuwingstoken in de sleutelbos)"
	}
	fmt.Fprintf(e.stdout, "%-12s %s\n", "aangemeld:", signedIn)
}
