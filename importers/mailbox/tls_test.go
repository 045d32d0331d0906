package mailbox

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"io"
	"log"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2/imapserver"
	"github.com/emersion/go-imap/v2/imapserver/imapmemserver"
	"github.com/zalando/go-keyring"

	"github.com/terugkeer/terugkeer/app"
)

// testCA makes a CA and a server certificate for localhost; it writes the CA as PEM.
func testCA(t *testing.T) (tls.Certificate, string) {
	t.Helper()
	caKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	ca := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "Test-CA gemeente"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, ca, ca, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	caCert, _ := x509.ParseCertificate(caDER)
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	leaf := &x509.Certificate{
		SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "localhost"}, DNSNames: []string{"localhost"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, leaf, caCert, &key.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: caDER}), 0o600); err != nil {
		t.Fatal(err)
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, path
}

// startTLSMem serves the in-memory server with implicit TLS or with STARTTLS.
func startTLSMem(t *testing.T, cert tls.Certificate, implicit bool) int {
	t.Helper()
	mem := imapmemserver.New()
	user := imapmemserver.NewUser("nazorg", "geheim-test")
	user.Create("INBOX", nil) //nolint:errcheck // a fresh user
	mem.AddUser(user)
	cfg := &tls.Config{Certificates: []tls.Certificate{cert}}
	opts := &imapserver.Options{
		NewSession: func(*imapserver.Conn) (imapserver.Session, *imapserver.GreetingData, error) {
			return mem.NewSession(), nil, nil
		},
		Caps: capsFull, Logger: log.New(io.Discard, "", 0),
	}
	var ln net.Listener
	var err error
	if implicit {
		ln, err = tls.Listen("tcp", "127.0.0.1:0", cfg)
	} else {
		opts.TLSConfig = cfg
		ln, err = net.Listen("tcp", "127.0.0.1:0")
	}
	if err != nil {
		t.Fatal(err)
	}
	srv := imapserver.New(opts)
	go srv.Serve(ln) //nolint:errcheck // ends with Close
	t.Cleanup(func() { srv.Close() })
	return ln.Addr().(*net.TCPAddr).Port
}

func TestRunTLSVerifiesCertificates(t *testing.T) {
	cert, caFile := testCA(t)
	for _, sec := range []app.Security{app.SecurityTLS, app.SecurityStartTLS} {
		t.Run(string(sec), func(t *testing.T) {
			port := startTLSMem(t, cert, sec == app.SecurityTLS)
			svc, _ := newService(t)
			s := app.MailboxSettings{Server: "localhost", Poort: port, Beveiliging: sec, Gebruiker: "nazorg"}
			auth := Options{Auth: PasswordLogin{"nazorg", "geheim-test"}}
			if _, err := Run(t.Context(), svc, s, auth); err == nil || !strings.Contains(err.Error(), "niet vertrouwd") {
				t.Errorf("without the CA file: %v", err)
			}
			s.CABestand = caFile
			if _, err := Run(t.Context(), svc, s, auth); err != nil {
				t.Errorf("with the CA file: %v", err)
			}
			s.Server = "127.0.0.1" // the certificate names localhost only
			if _, err := Run(t.Context(), svc, s, auth); err == nil || !strings.Contains(err.Error(), "servernaam") {
				t.Errorf("wrong host name: %v", err)
			}
		})
	}
	s := app.MailboxSettings{Server: "localhost", Gebruiker: "nazorg", CABestand: filepath.Join(t.TempDir(), "geen.pem")}
	if _, err := Dial(s); err == nil || !strings.Contains(err.Error(), "CA-bestand") {
		t.Errorf("missing CA file: %v", err)
	}
}

func TestPasswordSources(t *testing.T) {
	keyring.MockInit()
	s := app.MailboxSettings{Server: "imap.gemeente.test", Gebruiker: "nazorg"}
	noEnv := func(string) string { return "" }
	if _, err := Password(s, noEnv); err != ErrNoPassword {
		t.Errorf("nothing stored: %v", err)
	}
	if err := StorePassword(s, "uit-de-sleutelbos"); err != nil {
		t.Fatal(err)
	}
	if pw, err := Password(s, noEnv); pw != "uit-de-sleutelbos" || err != nil {
		t.Errorf("from keyring: %q %v", pw, err)
	}
	env := func(k string) string {
		if k == PasswordEnv {
			return "uit-de-omgeving"
		}
		return ""
	}
	if pw, _ := Password(s, env); pw != "uit-de-omgeving" {
		t.Errorf("environment first: %q", pw)
	}
	if _, err := Password(app.MailboxSettings{Server: "other.test", Gebruiker: "nazorg"}, noEnv); err != ErrNoPassword {
		t.Errorf("another server shares the password: %v", err)
	}
	if err := StorePassword(app.MailboxSettings{}, "x"); err != app.ErrMailboxNotConfigured {
		t.Errorf("store without settings: %v", err)
	}
	keyring.MockInitWithError(keyring.ErrUnsupportedPlatform)
	if _, err := Password(s, noEnv); err != ErrNoKeyring {
		t.Errorf("no keyring: %v", err)
	}
	if err := StorePassword(s, "x"); err != ErrNoKeyring {
		t.Errorf("store without keyring: %v", err)
	}
}
