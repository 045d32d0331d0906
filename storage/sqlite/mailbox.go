package sqlite

import (
	"fmt"
	"strconv"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/storage/sqlstore"
)

// The IMAP settings live in the settings table under these keys. The password is never
// stored here.
const (
	imapServer      = "imap.server"
	imapPoort       = "imap.poort"
	imapBeveiliging = "imap.beveiliging"
	imapGebruiker   = "imap.gebruiker"
	imapMap         = "imap.map"
	imapVerwerkt    = "imap.verwerkt"
	imapQuarantaine = "imap.quarantaine"
	imapCABestand   = "imap.ca-bestand"
	imapAanmelding  = "imap.aanmelding"
	imapTenant      = "imap.tenant"
	imapClientID    = "imap.client-id"
	imapTokenURL    = "imap.token-url"
	imapVerwijderen = "imap.verwijderen-na"
)

// MailboxSettings returns the stored IMAP settings, without defaults.
func (r *reader) MailboxSettings() (app.MailboxSettings, error) {
	var s app.MailboxSettings
	var poort string
	var sec, signIn string
	for key, dst := range map[string]*string{
		imapServer: &s.Server, imapPoort: &poort, imapBeveiliging: &sec, imapGebruiker: &s.Gebruiker,
		imapMap: &s.Map, imapVerwerkt: &s.Verwerkt, imapQuarantaine: &s.Quarantaine, imapCABestand: &s.CABestand,
		imapAanmelding: &signIn, imapTenant: &s.OAuth.Tenant, imapClientID: &s.OAuth.ClientID, imapTokenURL: &s.OAuth.TokenURL,
		imapVerwijderen: &s.VerwijderenNa,
	} {
		v, err := r.Setting(key)
		if err != nil {
			return s, err
		}
		*dst = v
	}
	s.Beveiliging = app.Security(sec)
	s.Aanmelding = app.SignIn(signIn)
	if poort != "" {
		p, err := strconv.Atoi(poort)
		if err != nil {
			return s, fmt.Errorf("de opgeslagen IMAP-poort is beschadigd")
		}
		s.Poort = p
	}
	return s, nil
}

// SaveMailboxSettings stores the IMAP settings; empty fields are removed.
func (w *writer) SaveMailboxSettings(s app.MailboxSettings) error {
	poort := ""
	if s.Poort != 0 {
		poort = strconv.Itoa(s.Poort)
	}
	for _, kv := range [][2]string{
		{imapServer, s.Server}, {imapPoort, poort}, {imapBeveiliging, string(s.Beveiliging)},
		{imapGebruiker, s.Gebruiker}, {imapMap, s.Map}, {imapVerwerkt, s.Verwerkt},
		{imapQuarantaine, s.Quarantaine}, {imapCABestand, s.CABestand},
		{imapAanmelding, string(s.Aanmelding)}, {imapTenant, s.OAuth.Tenant}, {imapClientID, s.OAuth.ClientID}, {imapTokenURL, s.OAuth.TokenURL},
		{imapVerwijderen, s.VerwijderenNa},
	} {
		var err error
		if kv[1] == "" {
			_, err = w.exec(`DELETE FROM settings WHERE key = ?`, kv[0])
			w.cacheSetting(kv[0], "")
		} else {
			err = w.SetSetting(kv[0], kv[1])
		}
		if err != nil {
			return fmt.Errorf("IMAP-instellingen opslaan: %w", err)
		}
	}
	return nil
}

// MailboxState runs sqlstore.MailboxState in this transaction.
func (r *reader) MailboxState(sleutel string) (app.MailboxState, error) {
	return sqlstore.MailboxState(r, sleutel)
}

// ResetMailboxState runs sqlstore.ResetMailboxState in this transaction.
func (w *writer) ResetMailboxState(sleutel string, uidValidity uint32) error {
	return sqlstore.ResetMailboxState(w, sleutel, uidValidity)
}

// RecordMailboxUID runs sqlstore.RecordMailboxUID in this transaction.
func (w *writer) RecordMailboxUID(sleutel string, u app.MailboxUID) error {
	return sqlstore.RecordMailboxUID(w, sleutel, u)
}

// ForgetMailboxUIDs runs sqlstore.ForgetMailboxUIDs in this transaction.
func (w *writer) ForgetMailboxUIDs(sleutel string, uids []uint32) error {
	return sqlstore.ForgetMailboxUIDs(w, sleutel, uids)
}
