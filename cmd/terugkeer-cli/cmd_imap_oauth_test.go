package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers/mailbox"
	"github.com/terugkeer/terugkeer/importers/mailbox/oauth"
	"github.com/terugkeer/terugkeer/internal/testidp"
)

func TestIMAPOAuthSettingsEndToEnd(t *testing.T) {
	c := newCLI(t)
	c.ok("init", "--gemeente", "0193")
	if out := c.ok("imap", "show"); !strings.Contains(out, "wachtwoord (standaard)") {
		t.Errorf("default aanmelding: %q", out)
	}
	c.ok("imap", "set", "server", "outlook.office365.com")
	c.ok("imap", "set", "gebruiker", "nazorg@gemeente.nl")
	if _, errOut, code := c.run("imap", "set", "aanmelding", "kerberos"); code != exitError || !strings.Contains(errOut, "wachtwoord of oauth2") {
		t.Errorf("aanmelding kerberos: exit %d, %q", code, errOut)
	}
	c.ok("imap", "set", "aanmelding", "oauth2")
	c.ok("imap", "set", "tenant", "0b7e6a4c-1d2f-4e3a-9c8b-7a6f5e4d3c2b")
	c.ok("imap", "set", "client-id", "5f1c2d3e-4b5a-6978-8a9b-0c1d2e3f4a5b")
	if _, errOut, code := c.run("imap", "set", "token-url", "http://login.example.test/t/oauth2/v2.0/token"); code != exitError || !strings.Contains(errOut, "https") {
		t.Errorf("plain http token-url to another host: exit %d, %q", code, errOut)
	}
	out := c.ok("imap", "show")
	for _, want := range []string{"oauth2", "0b7e6a4c-1d2f-4e3a-9c8b-7a6f5e4d3c2b", "5f1c2d3e-4b5a-6978-8a9b-0c1d2e3f4a5b",
		"https://login.microsoftonline.com/0b7e6a4c-1d2f-4e3a-9c8b-7a6f5e4d3c2b/oauth2/v2.0/token", "imap geheim", "niet aangemeld"} {
		if !strings.Contains(out, want) {
			t.Errorf("show lacks %q: %q", want, out)
		}
	}
	if strings.Contains(out, "imap wachtwoord") {
		t.Errorf("show with oauth2 speaks of the password: %q", out)
	}
	c.ok("imap", "set", "token-url", "http://127.0.0.1:9/t/oauth2/v2.0/token")
	if runtime.GOOS != "linux" {
		return // elsewhere the OS keyring is always there: the test must not write to it
	}
	noBus := []string{"DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/terugkeer-test-bus"}
	secret := "Cl1ent~Secret-Zeer-Geheim"
	stdout, errOut, code := c.runEnv(noBus, secret+"\n", "imap", "geheim")
	if code != exitError || !strings.Contains(errOut, "sleutelbos") {
		t.Errorf("imap geheim without keyring: exit %d, %q", code, errOut)
	}
	_, errOut2, code := c.runEnv(noBus, "", "import-imap")
	if code != exitError || !strings.Contains(errOut2, oauth.SecretEnv) {
		t.Errorf("import-imap without secret: exit %d, %q", code, errOut2)
	}
	if strings.Contains(stdout+errOut+errOut2, secret) {
		t.Error("secret shown")
	}
	c.assertNotStored(t, secret)
}

// The done-when of issue 17: with aanmelding oauth2 and a client secret, import-imap
// --json imports the examples from a Dovecot that offers no password login and checks
// each token at our IdP; a wrong secret is refused in Dutch, without the secret.
func TestImportIMAPOAuth2EndToEnd(t *testing.T) {
	const user, clientID, secret = "nazorg@gemeente.test", "terugkeer-app", "App~Secret-9d8c7b6a"
	idp := testidp.Start(t)
	idp.AddApp(clientID, secret, user)
	host, port := idp.Dovecot(t)
	prefix := "oauth"
	s := app.MailboxSettings{Server: host, Poort: port, Beveiliging: app.SecurityNone, Gebruiker: user,
		Aanmelding: app.SignInOAuth2, OAuth: app.MailboxOAuth{ClientID: clientID, TokenURL: idp.TokenURL()}}
	ts, err := oauth.AppTokens(t.Context(), s, secret)
	if err != nil {
		t.Fatal(err)
	}
	cl, err := mailbox.Dial(s)
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	if err := (mailbox.OAuth2Login{User: user, Tokens: ts}).Authenticate(cl); err != nil {
		t.Fatal(err)
	}
	deliver(t, cl, prefix+"-in", exampleMailsForIMAP(t))

	c := newCLI(t)
	imapConfig(c, host, strconv.Itoa(port), user, prefix)
	for _, kv := range [][2]string{{"aanmelding", "oauth2"}, {"client-id", clientID}, {"token-url", idp.TokenURL()}} {
		c.ok("imap", "set", kv[0], kv[1])
	}

	wrong := "Wrong~Secret-1a2b3c4d"
	_, errOut, code := c.runEnv([]string{oauth.SecretEnv + "=" + wrong}, "", "import-imap", "--json")
	if code != exitError || !strings.Contains(errOut, "Microsoft weigert de client-id of het clientgeheim") {
		t.Errorf("wrong secret: exit %d, %q", code, errOut)
	}
	if strings.Contains(errOut, wrong) || strings.Contains(errOut, secret) {
		t.Errorf("the error shows the secret: %q", errOut)
	}

	out, errOut, code := c.runEnv([]string{oauth.SecretEnv + "=" + secret}, "", "import-imap", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %q", code, errOut)
	}
	byMap := map[string]int{}
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("line %q: %v", l, err)
		}
		byMap[fmt.Sprint(m["map"], "/", m["resultaat"])]++
	}
	want := map[string]int{prefix + "-verwerkt/geimporteerd": 4, prefix + "-quarantaine/quarantaine": 1, prefix + "-in/geen-bericht": 1}
	if fmt.Sprint(byMap) != fmt.Sprint(want) {
		t.Errorf("results %v, want %v", byMap, want)
	}
	// The examples' intrekking revoked the informatieblad's schulden data: no folder
	// holds that mail any more (issue 17's done-when).
	if n := count(t, cl, prefix+"-verwerkt"); n != 3 {
		t.Errorf("%d mails in verwerkt, want 3", n)
	}
	for _, f := range []string{"-in", "-verwerkt", "-quarantaine"} {
		if n := withMessageID(t, cl, prefix+f, "280939701915570@agg.example.test"); n != 0 {
			t.Errorf("the revoked informatieblad's mail is still in %s%s", prefix, f)
		}
	}
	if idp.Issued(testidp.GrantClientCredentials) < 2 {
		t.Error("the CLI got no client-credentials token")
	}
	c.assertNotStored(t, secret)
	// The access token is not kept anywhere either.
	tok, _ := ts.AccessToken(false)
	c.assertNotStored(t, tok)
}

func exampleMailsForIMAP(t *testing.T) [][]byte {
	t.Helper()
	var mails [][]byte
	entries, _ := os.ReadDir(examples)
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(examples, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(e.Name(), ".xml") {
			b = mailWithXML(e.Name(), b)
		}
		mails = append(mails, b)
	}
	return mails
}

func TestSignInHint(t *testing.T) {
	err := signInHint(oauth.ErrSignInExpired)
	if !errors.Is(err, app.ErrMailboxSignInExpired) || !strings.Contains(err.Error(), "imap aanmelden") {
		t.Errorf("%v", err)
	}
	other := errors.New("iets anders")
	if signInHint(other) != other || signInHint(nil) != nil {
		t.Error("other errors changed")
	}
}
