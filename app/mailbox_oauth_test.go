package app

import (
	"strings"
	"testing"
)

func TestMailboxOAuthSettings(t *testing.T) {
	if d := (MailboxSettings{}).WithDefaults(); d.Aanmelding != SignInPassword || d.OAuth2() {
		t.Errorf("default sign-in %q", d.Aanmelding)
	}
	s := MailboxSettings{Server: "outlook.office365.com", Gebruiker: "nazorg@gemeente.nl", Aanmelding: SignInOAuth2}
	if err := s.Complete(); err == nil || !strings.Contains(err.Error(), "client-id") {
		t.Errorf("oauth2 without client-id: %v", err)
	}
	s.OAuth.ClientID = "1b2c"
	if err := s.Complete(); err == nil || !strings.Contains(err.Error(), "tenant") {
		t.Errorf("oauth2 without tenant: %v", err)
	}
	s.OAuth.Tenant = "gemeente.onmicrosoft.com"
	if err := s.Complete(); err != nil {
		t.Errorf("complete: %v", err)
	}
	if got := s.OAuth.TokenEndpoint(); got != "https://login.microsoftonline.com/gemeente.onmicrosoft.com/oauth2/v2.0/token" {
		t.Errorf("default token URL %q", got)
	}
	s.OAuth.TokenURL = "http://127.0.0.1:8080/t/oauth2/v2.0/token"
	if got := s.OAuth.TokenEndpoint(); got != s.OAuth.TokenURL {
		t.Errorf("override %q", got)
	}
	if err := (MailboxSettings{Aanmelding: "kerberos"}).Validate(); err == nil {
		t.Error("aanmelding kerberos accepted")
	}
	for _, tc := range []struct {
		url string
		ok  bool
	}{
		{"https://login.microsoftonline.com/x/oauth2/v2.0/token", true},
		{"http://127.0.0.1:9000/token", true},
		{"http://[::1]:9000/token", true},
		{"http://localhost/token", true},
		{"http://login.microsoftonline.com/x/oauth2/v2.0/token", false},
		{"http://10.0.0.1/token", false},
		{"ftp://idp.test/token", false},
		{"login.microsoftonline.com/token", false},
		{"https://user:pw@idp.test/token", false},
	} {
		err := (MailboxSettings{OAuth: MailboxOAuth{TokenURL: tc.url}}).Validate()
		if (err == nil) != tc.ok {
			t.Errorf("token-url %s: %v", tc.url, err)
		}
	}
	for _, bad := range []MailboxOAuth{{Tenant: "a/b"}, {Tenant: "x y"}, {ClientID: "id?x=1"}} {
		if err := (MailboxSettings{OAuth: bad}).Validate(); err == nil {
			t.Errorf("%+v accepted", bad)
		}
	}
}
