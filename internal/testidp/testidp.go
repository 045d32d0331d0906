// Package testidp is a small OAuth2 identity provider for tests, shaped like Microsoft's
// (TENANT/oauth2/v2.0/token, .../authorize, .../devicecode) on a loopback address. It
// implements the grants Terugkeer uses — client credentials, authorization code with
// PKCE (S256), device code, refresh token (rotated on every use) — and token
// introspection (RFC 7662) for Dovecot's oauth2 passdb. The test controls expiry and
// revocation, and plays the browser: SignIn names the user signed in at the IdP, and
// the authorize and device pages then approve at once.
//
// It is test tooling: everything is kept in memory, nothing is secret.
package testidp

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// The scopes Microsoft 365 uses for IMAP, and what the tokens then carry.
const (
	AppScope      = "https://outlook.office365.com/.default"
	UserScope     = "https://outlook.office.com/IMAP.AccessAsUser.All"
	OfflineAccess = "offline_access"
	// AppRole and UserPermission are what introspection reports as the token's scope.
	AppRole        = "IMAP.AccessAsApp"
	UserPermission = "IMAP.AccessAsUser.All"
)

// Grant types.
const (
	GrantClientCredentials = "client_credentials"
	GrantAuthorizationCode = "authorization_code"
	GrantRefreshToken      = "refresh_token"
	GrantDeviceCode        = "urn:ietf:params:oauth:grant-type:device_code"
)

// IdP is a running identity provider.
type IdP struct {
	// URL is the base address, http://127.0.0.1:PORT.
	URL    string
	Tenant string

	srv *httptest.Server
	mu  sync.Mutex
	// AccessLifetime is the expires_in of new access tokens (default an hour).
	accessLifetime time.Duration
	clients        map[string]*client
	signedIn       string // the user signed in in "the browser"
	access         map[string]*accessToken
	refresh        map[string]*grant
	codes          map[string]*authCode
	devices        map[string]*device // by device_code
	issued         map[string]int     // tokens issued per grant type
	introspected   int
}

type client struct {
	id, secret string // secret "" for a public client
	mailbox    string // the mailbox an app (client credentials) may open
}

// grant is a user's consent to a client: refresh tokens and access tokens hang off it.
type grant struct {
	user, clientID string
	revoked        bool
}

type accessToken struct {
	user, clientID, scope string
	expires               time.Time
	expired               bool // made to expire by the test
	grant                 *grant
}

type authCode struct {
	clientID, redirectURI, challenge, user string
	used                                   bool
}

type device struct {
	clientID, userCode, user string // user "" until approved
}

// Start runs an IdP on 127.0.0.1 until the test ends.
func Start(t testing.TB) *IdP {
	t.Helper()
	p := &IdP{
		Tenant: "gemeente-test", accessLifetime: time.Hour,
		clients: map[string]*client{}, access: map[string]*accessToken{}, refresh: map[string]*grant{},
		codes: map[string]*authCode{}, devices: map[string]*device{}, issued: map[string]int{},
	}
	mux := http.NewServeMux()
	base := "/" + p.Tenant + "/oauth2/v2.0/"
	mux.HandleFunc("POST "+base+"token", p.token)
	mux.HandleFunc("GET "+base+"authorize", p.authorize)
	mux.HandleFunc("POST "+base+"devicecode", p.deviceCode)
	mux.HandleFunc("GET /device", p.approveDevice)
	mux.HandleFunc("POST /introspect", p.introspect)
	p.srv = httptest.NewServer(mux)
	p.URL = p.srv.URL
	t.Cleanup(p.srv.Close)
	return p
}

// TokenURL is the token endpoint, to give to 'imap set token-url'.
func (p *IdP) TokenURL() string { return p.URL + "/" + p.Tenant + "/oauth2/v2.0/token" }

// IntrospectionURL is the RFC 7662 endpoint (POST token=...).
func (p *IdP) IntrospectionURL() string { return p.URL + "/introspect" }

// AddApp registers a confidential client that may use client credentials for one
// mailbox (IMAP.AccessAsApp plus the mailbox permission, in Microsoft's terms).
func (p *IdP) AddApp(clientID, secret, mailbox string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clients[clientID] = &client{id: clientID, secret: secret, mailbox: strings.ToLower(mailbox)}
}

// AddPublicClient registers a public client (desktop app: PKCE and device code).
func (p *IdP) AddPublicClient(clientID string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clients[clientID] = &client{id: clientID}
}

// SignIn makes user the one signed in at the IdP's pages ("" signs out).
func (p *IdP) SignIn(user string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.signedIn = strings.ToLower(user)
}

// SetAccessLifetime sets expires_in for access tokens issued from now on.
func (p *IdP) SetAccessLifetime(d time.Duration) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.accessLifetime = d
}

// ExpireAccessTokens makes every access token issued so far inactive, while the
// clients still think them valid: the server will refuse them.
func (p *IdP) ExpireAccessTokens() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, a := range p.access {
		a.expired = true
	}
}

// RevokeGrants revokes the user's consents: refresh tokens give invalid_grant and
// access tokens are inactive (an admin's "revoke sessions").
func (p *IdP) RevokeGrants(user string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, g := range p.refresh {
		if g.user == strings.ToLower(user) {
			g.revoked = true
		}
	}
}

// Issued returns how many access tokens the grant type produced.
func (p *IdP) Issued(grantType string) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.issued[grantType]
}

// Introspected returns how many introspection requests arrived.
func (p *IdP) Introspected() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.introspected
}

func random(prefix string) string {
	b := make([]byte, 16)
	rand.Read(b) //nolint:errcheck // crypto/rand does not fail
	return prefix + hex.EncodeToString(b)
}

func oauthError(w http.ResponseWriter, status int, code, description string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"error": code, "error_description": description}) //nolint:errcheck // test server
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	json.NewEncoder(w).Encode(v) //nolint:errcheck // test server
}

// clientAuth returns the client of the request: by basic auth or client_id (and
// client_secret) in the body. A confidential client must present its secret.
func (p *IdP) clientAuth(r *http.Request) (*client, bool) {
	id, secret, basic := r.BasicAuth()
	if !basic {
		id, secret = r.PostFormValue("client_id"), r.PostFormValue("client_secret")
	}
	c := p.clients[id]
	if c == nil || (c.secret != "" && c.secret != secret) || (c.secret == "" && secret != "") {
		return nil, false
	}
	return c, true
}

func scopes(s string) []string { return strings.Fields(s) }

// userScopesOK checks the delegated scopes: IMAP.AccessAsUser.All and offline_access.
func userScopesOK(s string) bool {
	sc := scopes(s)
	return slices.Contains(sc, UserScope) && slices.Contains(sc, OfflineAccess)
}

func (p *IdP) token(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		oauthError(w, http.StatusBadRequest, "invalid_request", "unreadable form")
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	c, ok := p.clientAuth(r)
	if !ok {
		oauthError(w, http.StatusUnauthorized, "invalid_client", "AADSTS7000215: Invalid client secret provided.")
		return
	}
	switch gt := r.PostFormValue("grant_type"); gt {
	case GrantClientCredentials:
		p.clientCredentials(w, r, c)
	case GrantAuthorizationCode:
		p.authorizationCode(w, r, c)
	case GrantRefreshToken:
		p.refreshToken(w, r, c)
	case GrantDeviceCode:
		p.deviceToken(w, r, c)
	default:
		oauthError(w, http.StatusBadRequest, "unsupported_grant_type", gt)
	}
}

func (p *IdP) clientCredentials(w http.ResponseWriter, r *http.Request, c *client) {
	if c.secret == "" || c.mailbox == "" {
		oauthError(w, http.StatusBadRequest, "unauthorized_client", "not an app with IMAP.AccessAsApp")
		return
	}
	if r.PostFormValue("scope") != AppScope {
		oauthError(w, http.StatusBadRequest, "invalid_scope", "client credentials need "+AppScope)
		return
	}
	p.issue(w, GrantClientCredentials, &accessToken{user: c.mailbox, clientID: c.id, scope: AppRole}, nil)
}

// issue writes a token response: an access token, and a refresh token when g is set.
func (p *IdP) issue(w http.ResponseWriter, grantType string, a *accessToken, g *grant) {
	tok := random("at-")
	a.expires = time.Now().Add(p.accessLifetime)
	a.grant = g
	p.access[tok] = a
	p.issued[grantType]++
	resp := map[string]any{"access_token": tok, "token_type": "Bearer", "expires_in": int(p.accessLifetime / time.Second)}
	if g != nil {
		rt := random("rt-")
		p.refresh[rt] = g
		resp["refresh_token"] = rt
		resp["scope"] = UserScope + " " + OfflineAccess
	}
	writeJSON(w, resp)
}

func (p *IdP) authorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	p.mu.Lock()
	defer p.mu.Unlock()
	c := p.clients[q.Get("client_id")]
	redirect, err := url.Parse(q.Get("redirect_uri"))
	switch {
	case c == nil || c.secret != "":
		http.Error(w, "unknown public client", http.StatusBadRequest)
		return
	case err != nil || redirect.Scheme != "http" || redirect.Hostname() != "127.0.0.1":
		http.Error(w, "redirect_uri must be a loopback address", http.StatusBadRequest)
		return
	}
	back := func(params url.Values) {
		params.Set("state", q.Get("state"))
		u := *redirect
		u.RawQuery = params.Encode()
		http.Redirect(w, r, u.String(), http.StatusFound)
	}
	switch {
	case q.Get("response_type") != "code" || q.Get("code_challenge_method") != "S256" || q.Get("code_challenge") == "":
		back(url.Values{"error": {"invalid_request"}, "error_description": {"PKCE with S256 is required"}})
	case !userScopesOK(q.Get("scope")):
		back(url.Values{"error": {"invalid_scope"}})
	case p.signedIn == "":
		back(url.Values{"error": {"access_denied"}, "error_description": {"nobody signed in"}})
	default:
		code := random("code-")
		p.codes[code] = &authCode{clientID: c.id, redirectURI: redirect.String(), challenge: q.Get("code_challenge"), user: p.signedIn}
		back(url.Values{"code": {code}})
	}
}

func (p *IdP) authorizationCode(w http.ResponseWriter, r *http.Request, c *client) {
	code := p.codes[r.PostFormValue("code")]
	if code == nil || code.used || code.clientID != c.id || code.redirectURI != r.PostFormValue("redirect_uri") {
		oauthError(w, http.StatusBadRequest, "invalid_grant", "unknown or used code")
		return
	}
	code.used = true
	sum := sha256.Sum256([]byte(r.PostFormValue("code_verifier")))
	if base64.RawURLEncoding.EncodeToString(sum[:]) != code.challenge {
		oauthError(w, http.StatusBadRequest, "invalid_grant", "AADSTS501481: The Code_Verifier does not match the code_challenge")
		return
	}
	g := &grant{user: code.user, clientID: c.id}
	p.issue(w, GrantAuthorizationCode, &accessToken{user: code.user, clientID: c.id, scope: UserPermission}, g)
}

func (p *IdP) refreshToken(w http.ResponseWriter, r *http.Request, c *client) {
	rt := r.PostFormValue("refresh_token")
	g := p.refresh[rt]
	if g == nil || g.revoked || g.clientID != c.id {
		oauthError(w, http.StatusBadRequest, "invalid_grant", "AADSTS70008: The refresh token has expired or been revoked")
		return
	}
	delete(p.refresh, rt) // rotated: each refresh token works once
	p.issue(w, GrantRefreshToken, &accessToken{user: g.user, clientID: c.id, scope: UserPermission}, g)
}

func (p *IdP) deviceCode(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		oauthError(w, http.StatusBadRequest, "invalid_request", "unreadable form")
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	c := p.clients[r.PostFormValue("client_id")]
	if c == nil || c.secret != "" {
		oauthError(w, http.StatusBadRequest, "invalid_client", "unknown public client")
		return
	}
	if !userScopesOK(r.PostFormValue("scope")) {
		oauthError(w, http.StatusBadRequest, "invalid_scope", "")
		return
	}
	dc := random("dc-")
	uc := strings.ToUpper(random("")[:8])
	p.devices[dc] = &device{clientID: c.id, userCode: uc}
	writeJSON(w, map[string]any{
		"device_code": dc, "user_code": uc, "verification_uri": p.URL + "/device",
		"expires_in": 900, "interval": 1,
		"message": "Ga naar " + p.URL + "/device en voer de code " + uc + " in.",
	})
}

// approveDevice is the page where the signed-in user enters the code (?user_code=).
func (p *IdP) approveDevice(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.signedIn == "" {
		http.Error(w, "nobody signed in", http.StatusForbidden)
		return
	}
	for _, d := range p.devices {
		if d.userCode == r.URL.Query().Get("user_code") {
			d.user = p.signedIn
			w.Write([]byte("approved")) //nolint:errcheck // test server
			return
		}
	}
	http.Error(w, "unknown code", http.StatusNotFound)
}

func (p *IdP) deviceToken(w http.ResponseWriter, r *http.Request, c *client) {
	dc := r.PostFormValue("device_code")
	d := p.devices[dc]
	switch {
	case d == nil || d.clientID != c.id:
		oauthError(w, http.StatusBadRequest, "expired_token", "unknown device code")
	case d.user == "":
		oauthError(w, http.StatusBadRequest, "authorization_pending", "")
	default:
		delete(p.devices, dc)
		g := &grant{user: d.user, clientID: c.id}
		p.issue(w, GrantDeviceCode, &accessToken{user: d.user, clientID: c.id, scope: UserPermission}, g)
	}
}

// introspect answers RFC 7662: active with username and scope, or only active false.
func (p *IdP) introspect(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, "unreadable form", http.StatusBadRequest)
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.introspected++
	a := p.access[r.PostFormValue("token")]
	if a == nil || a.expired || time.Now().After(a.expires) || (a.grant != nil && a.grant.revoked) {
		writeJSON(w, map[string]any{"active": false})
		return
	}
	writeJSON(w, map[string]any{
		"active": true, "username": a.user, "scope": a.scope, "client_id": a.clientID,
		"token_type": "Bearer", "exp": a.expires.Unix(), "sub": a.user,
	})
}
