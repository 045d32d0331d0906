package app

import (
	"strings"
	"testing"
)

func TestMailboxSettingsDefaults(t *testing.T) {
	d := MailboxSettings{Server: "imap.gemeente.test"}.WithDefaults()
	if d.Beveiliging != SecurityTLS || d.Poort != 993 || d.Map != "INBOX" || d.Verwerkt != "Verwerkt" || d.Quarantaine != "Quarantaine" {
		t.Errorf("defaults %+v", d)
	}
	if p := (MailboxSettings{Beveiliging: SecurityStartTLS}).WithDefaults().Poort; p != 143 {
		t.Errorf("starttls port %d", p)
	}
}

func TestMailboxSettingsPlainTextOnlyOnLoopback(t *testing.T) {
	for _, tc := range []struct {
		server string
		ok     bool
	}{
		{"localhost", true}, {"127.0.0.1", true}, {"127.8.9.10", true}, {"::1", true},
		{"imap.gemeente.test", false}, {"10.0.0.1", false}, {"localhost.gemeente.test", false}, {"::ffff:10.0.0.1", false},
	} {
		err := MailboxSettings{Server: tc.server, Beveiliging: SecurityNone, Gebruiker: "u"}.Complete()
		if (err == nil) != tc.ok {
			t.Errorf("geen to %s: %v", tc.server, err)
		}
		if err := (MailboxSettings{Server: tc.server, Beveiliging: SecurityTLS, Gebruiker: "u"}).Complete(); err != nil {
			t.Errorf("tls to %s: %v", tc.server, err)
		}
	}
}

func TestMailboxDeleteAfter(t *testing.T) {
	for v, want := range map[string]Term{"": {7, 'd'}, "0d": {0, 'd'}, "30d": {30, 'd'}, "1m": {1, 'm'}} {
		got, err := MailboxSettings{VerwijderenNa: v}.DeleteAfter()
		if err != nil || got != want {
			t.Errorf("verwijderen-na %q: %v %v, want %v", v, got, err, want)
		}
	}
	for _, v := range []string{"7", "-1d", "een week", "7u"} {
		if err := (MailboxSettings{VerwijderenNa: v}).Validate(); err == nil || !strings.Contains(err.Error(), "verwijderen-na") {
			t.Errorf("verwijderen-na %q: %v", v, err)
		}
	}
}

func TestMailboxSettingsSet(t *testing.T) {
	var s MailboxSettings
	for _, kv := range [][2]string{{"server", "imap.gemeente.test"}, {"poort", "1993"}, {"beveiliging", "STARTTLS"},
		{"gebruiker", "nazorg"}, {"map", "Postvak IN"}, {"verwerkt", "Klaar"}, {"quarantaine", "Fout"}, {"ca-bestand", "/ca.pem"},
		{"aanmelding", "OAuth2"}, {"tenant", "gemeente.onmicrosoft.com"}, {"client-id", "0d1e2f"}, {"token-url", "https://idp.test/token"},
		{"verwijderen-na", "30D"}} {
		if err := s.Set(kv[0], kv[1]); err != nil {
			t.Fatalf("set %s: %v", kv[0], err)
		}
	}
	want := MailboxSettings{Server: "imap.gemeente.test", Poort: 1993, Beveiliging: SecurityStartTLS, Gebruiker: "nazorg",
		Map: "Postvak IN", Verwerkt: "Klaar", Quarantaine: "Fout", CABestand: "/ca.pem", Aanmelding: SignInOAuth2,
		OAuth:         MailboxOAuth{Tenant: "gemeente.onmicrosoft.com", ClientID: "0d1e2f", TokenURL: "https://idp.test/token"},
		VerwijderenNa: "30d"}
	if s != want {
		t.Errorf("got %+v", s)
	}
	for _, k := range MailboxKeys {
		if v, err := s.Get(k); err != nil || v == "" {
			t.Errorf("get %s: %q %v", k, v, err)
		}
	}
	for _, bad := range [][2]string{{"poort", "0"}, {"poort", "abc"}, {"poort", "70000"}, {"wachtwoord", "x"}} {
		if err := s.Set(bad[0], bad[1]); err == nil {
			t.Errorf("set %s=%s accepted", bad[0], bad[1])
		}
	}
	if err := s.Set("wachtwoord", "geheim"); err == nil || strings.Contains(err.Error(), "geheim") {
		t.Errorf("unknown key error %v", err)
	}
	for _, bad := range []MailboxSettings{
		{Beveiliging: "ssl"},
		{Server: "imap.test:993"},
		{Server: "imap.test", Verwerkt: "INBOX"},
		{Server: "imap.test", Quarantaine: "verwerkt"},
		{Server: "imap.test", Map: "IN*"},
	} {
		if err := bad.Validate(); err == nil {
			t.Errorf("%+v accepted", bad)
		}
	}
	if err := (MailboxSettings{}).Complete(); err != ErrMailboxNotConfigured {
		t.Errorf("empty settings: %v", err)
	}
}

func TestMailboxSleutelNamesAccountAndFolder(t *testing.T) {
	a := MailboxSettings{Server: "Imap.Test", Gebruiker: "Nazorg"}.Sleutel()
	if a != "nazorg@imap.test:993/INBOX" {
		t.Errorf("sleutel %q", a)
	}
	if b := (MailboxSettings{Server: "imap.test", Gebruiker: "nazorg", Map: "Ander"}).Sleutel(); b == a {
		t.Error("another folder has the same key")
	}
}
