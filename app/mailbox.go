package app

import (
	"context"
	"errors"
	"fmt"
	"net/netip"
	"strconv"
	"strings"
)

// MailboxReadTx reads the IMAP settings and the import state of mailboxes.
type MailboxReadTx interface {
	// MailboxSettings returns the stored IMAP settings as stored (no defaults applied).
	MailboxSettings() (MailboxSettings, error)
	// MailboxState returns what is known about one mailbox (MailboxState.Sleutel);
	// UIDValidity 0 and no UIDs when nothing is.
	MailboxState(sleutel string) (MailboxState, error)
}

// MailboxTx writes the IMAP settings and import state.
type MailboxTx interface {
	SaveMailboxSettings(s MailboxSettings) error
	// ResetMailboxState forgets every UID of the mailbox and records its new UIDVALIDITY.
	ResetMailboxState(sleutel string, uidValidity uint32) error
	// RecordMailboxUID stores (or replaces) the record of a mail that stays in the mailbox.
	RecordMailboxUID(sleutel string, u MailboxUID) error
	// ForgetMailboxUIDs removes the given UIDs of the mailbox.
	ForgetMailboxUIDs(sleutel string, uids []uint32) error
}

// Security is how the connection to the IMAP server is protected.
type Security string

// The three kinds of connection.
const (
	SecurityTLS      Security = "tls"      // implicit TLS (port 993)
	SecurityStartTLS Security = "starttls" // STARTTLS upgrade (port 143)
	SecurityNone     Security = "geen"     // plain text: loopback addresses only
)

// Default folder names.
const (
	DefaultMailboxMap         = "INBOX"
	DefaultMailboxVerwerkt    = "Verwerkt"
	DefaultMailboxQuarantaine = "Quarantaine"
	// DefaultVerwijderenNa is how long processed mail stays in the processed folder.
	DefaultVerwijderenNa = "7d"
)

// MailboxSettings are the IMAP settings. The password is never part of them: it lives in
// the operating system's keyring (importers/mailbox).
type MailboxSettings struct {
	Server      string
	Poort       int // 0: the default for Beveiliging
	Beveiliging Security
	Gebruiker   string
	Map         string // the mailbox read from
	Verwerkt    string // folder for processed mail
	Quarantaine string // folder for mail with a quarantined part
	CABestand   string // optional extra CA certificates (PEM) besides the system roots
	// Aanmelding is how the app signs in: a password (default) or OAuth2; the OAuth2
	// fields are in mailbox_oauth.go.
	Aanmelding SignIn
	OAuth      MailboxOAuth
	// VerwijderenNa is how long processed mail stays in the processed folder before a
	// run expunges it (a term such as 7d; 0d: right after its import).
	VerwijderenNa string
}

// MailboxKeys are the setting names of the CLI (imap set KEY VALUE), in display order.
var MailboxKeys = append([]string{"server", "poort", "beveiliging", "gebruiker", "map", "verwerkt", "quarantaine", "ca-bestand",
	"verwijderen-na"}, mailboxOAuthKeys...)

// WithDefaults fills the unset fields with their defaults.
func (s MailboxSettings) WithDefaults() MailboxSettings {
	if s.Beveiliging == "" {
		s.Beveiliging = SecurityTLS
	}
	if s.Poort == 0 {
		s.Poort = 143
		if s.Beveiliging == SecurityTLS {
			s.Poort = 993
		}
	}
	if s.Map == "" {
		s.Map = DefaultMailboxMap
	}
	if s.Verwerkt == "" {
		s.Verwerkt = DefaultMailboxVerwerkt
	}
	if s.Quarantaine == "" {
		s.Quarantaine = DefaultMailboxQuarantaine
	}
	if s.Aanmelding == "" {
		s.Aanmelding = SignInPassword
	}
	if s.VerwijderenNa == "" {
		s.VerwijderenNa = DefaultVerwijderenNa
	}
	return s
}

// Get returns one setting by its CLI key, as text ("" when unset).
func (s MailboxSettings) Get(key string) (string, error) {
	switch key {
	case "server":
		return s.Server, nil
	case "poort":
		if s.Poort == 0 {
			return "", nil
		}
		return strconv.Itoa(s.Poort), nil
	case "beveiliging":
		return string(s.Beveiliging), nil
	case "gebruiker":
		return s.Gebruiker, nil
	case "map":
		return s.Map, nil
	case "verwerkt":
		return s.Verwerkt, nil
	case "quarantaine":
		return s.Quarantaine, nil
	case "ca-bestand":
		return s.CABestand, nil
	case "verwijderen-na":
		return s.VerwijderenNa, nil
	}
	return s.getOAuth(key)
}

// Set changes one setting by its CLI key; the result is not validated as a whole.
func (s *MailboxSettings) Set(key, value string) error {
	value = strings.TrimSpace(value)
	switch key {
	case "server":
		s.Server = value
	case "poort":
		if value == "" {
			s.Poort = 0
			return nil
		}
		p, err := strconv.Atoi(value)
		if err != nil || p < 1 || p > 65535 {
			return fmt.Errorf("de poort moet een getal van 1 tot en met 65535 zijn")
		}
		s.Poort = p
	case "beveiliging":
		s.Beveiliging = Security(strings.ToLower(value))
	case "gebruiker":
		s.Gebruiker = value
	case "map":
		s.Map = value
	case "verwerkt":
		s.Verwerkt = value
	case "quarantaine":
		s.Quarantaine = value
	case "ca-bestand":
		s.CABestand = value
	case "verwijderen-na":
		s.VerwijderenNa = strings.ToLower(value)
	default:
		return s.setOAuth(key, value)
	}
	return nil
}

func unknownMailboxKey(key string) error {
	return fmt.Errorf("onbekende IMAP-instelling %q (kies uit %s)", key, strings.Join(MailboxKeys, ", "))
}

// ErrMailboxNotConfigured says the IMAP settings are incomplete.
var ErrMailboxNotConfigured = errors.New("het postvak is nog niet ingesteld: zet minstens server en gebruiker met 'imap set'")

// Validate checks settings that are about to be stored. Empty server and user are allowed
// (not configured yet); Complete checks those before a run.
func (s MailboxSettings) Validate() error {
	d := s.WithDefaults()
	switch d.Beveiliging {
	case SecurityTLS, SecurityStartTLS:
	case SecurityNone:
		if s.Server != "" && !IsLoopback(s.Server) {
			return fmt.Errorf("beveiliging 'geen' is alleen toegestaan voor een server op deze computer (localhost, 127.0.0.1 of ::1)")
		}
	default:
		return fmt.Errorf("beveiliging moet tls, starttls of geen zijn")
	}
	_, ipErr := netip.ParseAddr(s.Server)
	if strings.ContainsAny(s.Server, " \t/@[]") || (strings.Contains(s.Server, ":") && ipErr != nil) {
		return fmt.Errorf("de server moet een hostnaam of IP-adres zijn, zonder poort of schema")
	}
	if d.Poort < 1 || d.Poort > 65535 {
		return fmt.Errorf("de poort moet een getal van 1 tot en met 65535 zijn")
	}
	names := map[string]string{"map": d.Map, "verwerkt": d.Verwerkt, "quarantaine": d.Quarantaine}
	for _, k := range []string{"map", "verwerkt", "quarantaine"} {
		if strings.ContainsAny(names[k], "*%\r\n") {
			return fmt.Errorf("de mapnaam bij %q mag geen *, %% of regeleinde bevatten", k)
		}
	}
	if _, err := d.DeleteAfter(); err != nil {
		return err
	}
	if strings.EqualFold(d.Map, d.Verwerkt) || strings.EqualFold(d.Map, d.Quarantaine) || strings.EqualFold(d.Verwerkt, d.Quarantaine) {
		return fmt.Errorf("map, verwerkt en quarantaine moeten drie verschillende mappen zijn")
	}
	return s.validateOAuth()
}

// DeleteAfter returns how long processed mail stays in the processed folder: a term
// such as 7d, or 0d (removed at the same run that moved it there).
func (s MailboxSettings) DeleteAfter() (Term, error) {
	v := strings.TrimSpace(strings.ToLower(s.WithDefaults().VerwijderenNa))
	if v == "0d" || v == "0m" || v == "0j" {
		return Term{N: 0, Unit: 'd'}, nil
	}
	t, err := ParseTerm(v)
	if err != nil {
		return Term{}, fmt.Errorf("verwijderen-na: %q is geen geldige termijn: gebruik een getal met d, m of j, bijvoorbeeld 7d, of 0d voor direct na het importeren", v)
	}
	return t, nil
}

// Complete checks that the settings suffice for a run.
func (s MailboxSettings) Complete() error {
	if s.Server == "" || s.Gebruiker == "" {
		return ErrMailboxNotConfigured
	}
	if err := s.completeOAuth(); err != nil {
		return err
	}
	return s.Validate()
}

// IsLoopback reports whether host names this computer: localhost or a loopback IP.
func IsLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	a, err := netip.ParseAddr(host)
	return err == nil && a.IsLoopback()
}

// Sleutel identifies the mailbox read (server, port, user and folder) for the import state.
func (s MailboxSettings) Sleutel() string {
	d := s.WithDefaults()
	return strings.ToLower(d.Gebruiker) + "@" + strings.ToLower(d.Server) + ":" + strconv.Itoa(d.Poort) + "/" + d.Map
}

// MailboxState is what the application remembers of one mailbox.
type MailboxState struct {
	UIDValidity uint32
	UIDs        []MailboxUID // ordered by UID
}

// MailboxUID records a mail of the current UIDVALIDITY that stays in the mailbox after
// its import (a notification without a message), so that it is not fetched again.
type MailboxUID struct {
	UID       uint32
	MessageID string // the mail's Message-ID, for recognising it after a UIDVALIDITY change
	Grootte   int64  // RFC822.SIZE
}

// MailboxSettings returns the stored IMAP settings with defaults applied.
func (s *Service) MailboxSettings(ctx context.Context) (MailboxSettings, error) {
	ms, err := s.StoredMailboxSettings(ctx)
	return ms.WithDefaults(), err
}

// StoredMailboxSettings returns the IMAP settings as stored, without defaults.
func (s *Service) StoredMailboxSettings(ctx context.Context) (MailboxSettings, error) {
	return read(ctx, s.store, func(tx ReadTx) (MailboxSettings, error) { return tx.MailboxSettings() })
}

// SaveMailboxSettings validates and stores the IMAP settings.
func (s *Service) SaveMailboxSettings(ctx context.Context, ms MailboxSettings) error {
	if err := ms.Validate(); err != nil {
		return err
	}
	return s.store.Update(ctx, func(tx Tx) error { return tx.SaveMailboxSettings(ms) })
}

// SetMailboxSetting changes one IMAP setting by its CLI key, keeping the settings valid
// as a whole (beveiliging 'geen' only for a loopback server).
func (s *Service) SetMailboxSetting(ctx context.Context, key, value string) error {
	return s.store.Update(ctx, func(tx Tx) error {
		ms, err := tx.MailboxSettings()
		if err != nil {
			return err
		}
		if err := ms.Set(key, value); err != nil {
			return err
		}
		if err := ms.Validate(); err != nil {
			return err
		}
		return tx.SaveMailboxSettings(ms)
	})
}

// MailboxState returns the import state of a mailbox.
func (s *Service) MailboxState(ctx context.Context, sleutel string) (MailboxState, error) {
	return read(ctx, s.store, func(tx ReadTx) (MailboxState, error) { return tx.MailboxState(sleutel) })
}

// ResetMailboxState forgets a mailbox's UIDs and records its (new) UIDVALIDITY.
func (s *Service) ResetMailboxState(ctx context.Context, sleutel string, uidValidity uint32) error {
	return s.store.Update(ctx, func(tx Tx) error { return tx.ResetMailboxState(sleutel, uidValidity) })
}

// RecordMailboxUID remembers a mail that stays in the mailbox.
func (s *Service) RecordMailboxUID(ctx context.Context, sleutel string, u MailboxUID) error {
	return s.store.Update(ctx, func(tx Tx) error { return tx.RecordMailboxUID(sleutel, u) })
}

// ForgetMailboxUIDs drops UIDs that are no longer of interest (moved or gone).
func (s *Service) ForgetMailboxUIDs(ctx context.Context, sleutel string, uids []uint32) error {
	if len(uids) == 0 {
		return nil
	}
	return s.store.Update(ctx, func(tx Tx) error { return tx.ForgetMailboxUIDs(sleutel, uids) })
}
