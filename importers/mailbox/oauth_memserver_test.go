package mailbox

import (
	"bytes"
	"errors"
	"io"
	"log"
	"net"
	"strings"
	"sync"
	"testing"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapserver"
	"github.com/emersion/go-imap/v2/imapserver/imapmemserver"
	"github.com/emersion/go-sasl"

	"github.com/terugkeer/terugkeer/app"
)

// oauthMem is go-imap's memory server with SASL XOAUTH2 and/or OAUTHBEARER only (no
// LOGIN): it accepts the tokens in valid and records each exchange.
type oauthMem struct {
	account
	mu    sync.Mutex
	valid map[string]bool
	// exchanges are the client's messages per AUTHENTICATE: the initial response, then
	// the acknowledgement of an error challenge.
	exchanges [][][]byte
	mechs     []string // in the order AUTHENTICATE named them
}

func startOAuthMem(t *testing.T, mechs ...string) *oauthMem {
	t.Helper()
	mem := imapmemserver.New()
	user := imapmemserver.NewUser("nazorg@gemeente.test", "geheim-test")
	if err := user.Create("INBOX", nil); err != nil {
		t.Fatal(err)
	}
	mem.AddUser(user)
	m := &oauthMem{valid: map[string]bool{}}
	srv := imapserver.New(&imapserver.Options{
		NewSession: func(*imapserver.Conn) (imapserver.Session, *imapserver.GreetingData, error) {
			return &saslSession{SessionIMAP4rev2: mem.NewSession().(imapserver.SessionIMAP4rev2), mechs: mechs, m: m}, nil, nil
		},
		Caps:         capsFull,
		InsecureAuth: true,
		Logger:       log.New(io.Discard, "", 0),
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln) //nolint:errcheck // ends with Close
	t.Cleanup(func() { srv.Close() })
	m.account = account{
		settings: app.MailboxSettings{Server: "127.0.0.1", Poort: ln.Addr().(*net.TCPAddr).Port, Beveiliging: app.SecurityNone,
			Gebruiker: "nazorg@gemeente.test", Aanmelding: app.SignInOAuth2,
			OAuth: app.MailboxOAuth{Tenant: "gemeente.test", ClientID: "terugkeer-test"}},
		password: "geheim-test",
	}
	return m
}

func (m *oauthMem) accept(token string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.valid[token] = true
}

func (m *oauthMem) recorded() ([]string, [][][]byte) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]string(nil), m.mechs...), append([][][]byte(nil), m.exchanges...)
}

type saslSession struct {
	imapserver.SessionIMAP4rev2
	mechs []string
	m     *oauthMem
}

func (s *saslSession) AuthenticateMechanisms() []string { return s.mechs }

func (s *saslSession) Authenticate(mech string) (sasl.Server, error) {
	s.m.mu.Lock()
	s.m.mechs = append(s.m.mechs, mech)
	s.m.exchanges = append(s.m.exchanges, nil)
	n := len(s.m.exchanges) - 1
	s.m.mu.Unlock()
	return &tokenServer{s: s, mech: mech, n: n}, nil
}

// tokenServer is the server side of XOAUTH2 and OAUTHBEARER as Dovecot and Microsoft
// behave: a refused token gets an error challenge, and after the client's
// acknowledgement a NO.
type tokenServer struct {
	s       *saslSession
	mech    string
	n       int
	refused bool
}

func (ts *tokenServer) Next(resp []byte) ([]byte, bool, error) {
	m := ts.s.m
	m.mu.Lock()
	m.exchanges[ts.n] = append(m.exchanges[ts.n], append([]byte{}, resp...))
	m.mu.Unlock()
	if ts.refused {
		return nil, false, &imap.Error{Type: imap.StatusResponseTypeNo, Code: imap.ResponseCodeAuthenticationFailed, Text: "token refused"}
	}
	user, token := parseTokenResponse(ts.mech, resp)
	m.mu.Lock()
	ok := m.valid[token]
	m.mu.Unlock()
	if !ok || user == "" {
		ts.refused = true
		return []byte(`{"status":"invalid_token","schemes":"bearer","scope":"IMAP.AccessAsApp"}`), false, nil
	}
	if err := ts.s.Login(user, m.password); err != nil {
		return nil, false, err
	}
	return nil, true, nil
}

// parseTokenResponse reads the user and token from an initial response.
func parseTokenResponse(mech string, resp []byte) (user, token string) {
	fields := strings.Split(string(resp), "\x01")
	if mech == mechOAuthBearer {
		gs2, _, _ := strings.Cut(fields[0], ",a=")
		authzid, _, _ := strings.Cut(strings.TrimPrefix(fields[0], gs2+",a="), ",")
		if gs2 != "n" {
			return "", ""
		}
		user = strings.NewReplacer("=2C", ",", "=3D", "=").Replace(authzid)
		fields = fields[1:]
	}
	for _, f := range fields {
		if v, ok := strings.CutPrefix(f, "user="); ok && mech == mechXOAuth2 {
			user = v
		}
		if v, ok := strings.CutPrefix(f, "auth=Bearer "); ok {
			token = v
		}
	}
	return user, token
}

// fakeTokens hands out tokens in order, the next one only when fresh is asked for.
type fakeTokens struct {
	tokens []string
	calls  []bool // the fresh argument of each call
	err    error
}

func (f *fakeTokens) AccessToken(fresh bool) (string, error) {
	f.calls = append(f.calls, fresh)
	if f.err != nil {
		return "", f.err
	}
	n := 0
	for _, c := range f.calls {
		if c {
			n++
		}
	}
	if n >= len(f.tokens) {
		n = len(f.tokens) - 1
	}
	return f.tokens[n], nil
}

func oauthOptions(user string, tokens TokenSource) Options {
	return Options{Auth: OAuth2Login{User: user, Tokens: tokens}}
}

func TestOAuthBearerPreferredAndImports(t *testing.T) {
	srv := startOAuthMem(t, mechXOAuth2, mechOAuthBearer)
	srv.accept("tok-1")
	mails := exampleMails(t)
	srv.deliver(t, mails)
	svc, db := newService(t)
	tokens := &fakeTokens{tokens: []string{"tok-1"}}
	sum, err := Run(t.Context(), svc, srv.settings, oauthOptions("nazorg@gemeente.test", tokens))
	if err != nil {
		t.Fatal(err)
	}
	if sum != (Summary{Verwerkt: 4, Quarantaine: 3, Gebleven: 1, Verwijderd: 1}) {
		t.Errorf("summary %+v", sum)
	}
	checkExactlyOnce(t, srv.account, db, mails)
	mechs, ex := srv.recorded()
	if len(mechs) != 1 || mechs[0] != mechOAuthBearer {
		t.Fatalf("mechanisms %v, want one OAUTHBEARER", mechs)
	}
	want := "n,a=nazorg@gemeente.test,\x01auth=Bearer tok-1\x01\x01"
	if len(ex[0]) != 1 || string(ex[0][0]) != want {
		t.Errorf("OAUTHBEARER initial response %q, want %q", ex[0], want)
	}
	if len(tokens.calls) != 1 || tokens.calls[0] {
		t.Errorf("token calls %v, want one cached", tokens.calls)
	}
}

func TestXOAuth2WhenOnlyOffered(t *testing.T) {
	srv := startOAuthMem(t, mechXOAuth2)
	srv.accept("tok-x")
	svc, _ := newService(t)
	if _, err := Run(t.Context(), svc, srv.settings, oauthOptions("nazorg@gemeente.test", &fakeTokens{tokens: []string{"tok-x"}})); err != nil {
		t.Fatal(err)
	}
	mechs, ex := srv.recorded()
	want := "user=nazorg@gemeente.test\x01auth=Bearer tok-x\x01\x01"
	if len(mechs) != 1 || mechs[0] != mechXOAuth2 || string(ex[0][0]) != want {
		t.Errorf("mechanisms %v, exchange %q; want XOAUTH2 %q", mechs, ex, want)
	}
}

// A refused token: the server's error challenge is acknowledged as each mechanism
// prescribes, the server ends with NO, and the login retries once with a fresh token.
func TestOAuthErrorContinuationAndFreshToken(t *testing.T) {
	for _, tc := range []struct {
		mech string
		ack  []byte
	}{
		{mechOAuthBearer, []byte{0x01}},
		{mechXOAuth2, []byte{}},
	} {
		t.Run(tc.mech, func(t *testing.T) {
			srv := startOAuthMem(t, tc.mech)
			srv.accept("tok-nieuw")
			svc, _ := newService(t)
			tokens := &fakeTokens{tokens: []string{"tok-verlopen", "tok-nieuw"}}
			if _, err := Run(t.Context(), svc, srv.settings, oauthOptions("nazorg@gemeente.test", tokens)); err != nil {
				t.Fatal(err)
			}
			if len(tokens.calls) != 2 || tokens.calls[0] || !tokens.calls[1] {
				t.Errorf("token calls %v, want cached then fresh", tokens.calls)
			}
			_, ex := srv.recorded()
			if len(ex) != 2 || len(ex[0]) != 2 || !bytes.Equal(ex[0][1], tc.ack) || len(ex[1]) != 1 {
				t.Fatalf("exchanges %q, want the refused one acknowledged with %q, then one accepted", ex, tc.ack)
			}
			if !strings.Contains(string(ex[1][0]), "tok-nieuw") {
				t.Errorf("second AUTHENTICATE %q", ex[1][0])
			}
		})
	}
}

func TestOAuthTokenRefusedTwice(t *testing.T) {
	srv := startOAuthMem(t, mechOAuthBearer)
	svc, _ := newService(t)
	tokens := &fakeTokens{tokens: []string{"geheim-token-1", "geheim-token-2"}}
	_, err := Run(t.Context(), svc, srv.settings, oauthOptions("nazorg@gemeente.test", tokens))
	if !errors.Is(err, ErrTokenRefused) {
		t.Fatalf("error %v, want ErrTokenRefused", err)
	}
	if strings.Contains(err.Error(), "geheim-token") {
		t.Errorf("error shows the token: %v", err)
	}
	if _, ex := srv.recorded(); len(ex) != 2 {
		t.Errorf("%d AUTHENTICATE commands, want 2 (no endless retry)", len(ex))
	}
}

func TestOAuthTokenSourceErrorStopsTheRun(t *testing.T) {
	srv := startOAuthMem(t, mechOAuthBearer)
	svc, _ := newService(t)
	want := errors.New("de aanmelding bij Microsoft is verlopen")
	_, err := Run(t.Context(), svc, srv.settings, oauthOptions("nazorg@gemeente.test", &fakeTokens{err: want}))
	if !errors.Is(err, want) {
		t.Errorf("error %v", err)
	}
	if _, ex := srv.recorded(); len(ex) != 0 {
		t.Error("AUTHENTICATE sent without a token")
	}
}

func TestOAuthNeedsAMechanism(t *testing.T) {
	srv := startMem(t, capsFull) // PLAIN only
	svc, _ := newService(t)
	_, err := Run(t.Context(), svc, srv.settings, oauthOptions("nazorg", &fakeTokens{tokens: []string{"t"}}))
	if err == nil || !strings.Contains(err.Error(), "XOAUTH2 of OAUTHBEARER") {
		t.Errorf("error %v", err)
	}
}

func TestOAuthBearerEscapesTheUser(t *testing.T) {
	c := &oauthClient{mech: mechOAuthBearer, user: "a,b=c@gemeente.test", token: "t"}
	_, ir, err := c.Start()
	if err != nil || string(ir) != "n,a=a=2Cb=3Dc@gemeente.test,\x01auth=Bearer t\x01\x01" {
		t.Errorf("%q %v", ir, err)
	}
	if _, _, err := (&oauthClient{mech: mechXOAuth2, user: "u", token: "t\x01host=x"}).Start(); err == nil {
		t.Error("token with a 0x01 byte accepted")
	}
}
