package oauth

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"html"
	"net"
	"net/http"
	"sync"
	"time"

	"golang.org/x/oauth2"

	"github.com/terugkeer/terugkeer/app"
)

// signInTimeout bounds how long a sign-in waits for the user in the browser.
const signInTimeout = 10 * time.Minute

// SignInBrowser signs the casemanager in with the authorization-code flow with PKCE
// (S256): it listens on 127.0.0.1 on a random port, has open show the sign-in page in
// the system browser, takes the code from the redirect, exchanges it and keeps the
// refresh token in the keyring. It returns when the sign-in is done, failed or ctx ends.
func SignInBrowser(ctx context.Context, s app.MailboxSettings, open func(url string) error) error {
	cfg, err := userConfig(s)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return errors.New("de aanmelding kan geen poort op deze computer openen voor het antwoord van Microsoft")
	}
	defer ln.Close()
	// No path: Entra matches a registered http://127.0.0.1 on any port, path included.
	cfg.RedirectURL = fmt.Sprintf("http://127.0.0.1:%d", ln.Addr().(*net.TCPAddr).Port)
	verifier := oauth2.GenerateVerifier()
	state := randomState()
	results := make(chan redirectResult, 1)
	srv := &http.Server{Handler: redirectHandler(state, results), ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln) //nolint:errcheck // ends with Close
	defer srv.Close()

	// No login_hint: the casemanager signs in with their own account, which is not the
	// (shared) mailbox's address; select_account lets them pick it on a shared computer.
	opts := []oauth2.AuthCodeOption{oauth2.S256ChallengeOption(verifier), oauth2.SetAuthURLParam("prompt", "select_account")}
	if err := open(cfg.AuthCodeURL(state, opts...)); err != nil {
		return errors.New("de browser kon niet worden geopend; meld u aan met de code (terugkeer-cli imap aanmelden)")
	}
	ctx, cancel := context.WithTimeout(ctx, signInTimeout)
	defer cancel()
	var res redirectResult
	select {
	case res = <-results:
	case <-ctx.Done():
		if errors.Is(ctx.Err(), context.Canceled) {
			return ctx.Err() // the user cancelled or chose the code
		}
		return errors.New("de aanmelding bij Microsoft is niet binnen 10 minuten afgerond")
	}
	if res.err != nil {
		return res.err
	}
	tok, err := cfg.Exchange(httpContext(ctx), res.code, oauth2.VerifierOption(verifier))
	if err != nil {
		return describe(err)
	}
	return keep(s, tok)
}

type redirectResult struct {
	code string
	err  error
}

// redirectHandler takes the first redirect with the right state; it answers the
// browser with a short Dutch page.
func redirectHandler(state string, results chan<- redirectResult) http.Handler {
	var mu sync.Mutex
	done := false
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		mu.Lock()
		defer mu.Unlock()
		if r.URL.Path != "/" || done || q.Get("state") != state {
			http.NotFound(w, r)
			return
		}
		done = true
		var res redirectResult
		msg := "U bent aangemeld bij Microsoft. U kunt dit venster sluiten en teruggaan naar Terugkeer."
		switch {
		case q.Get("error") != "":
			res.err = describe(&oauth2.RetrieveError{ErrorCode: q.Get("error")})
			msg = "De aanmelding is niet gelukt: " + res.err.Error() + "."
		case q.Get("code") == "":
			res.err = errors.New("Microsoft stuurde geen aanmeldcode terug")
			msg = "De aanmelding is niet gelukt."
		default:
			res.code = q.Get("code")
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<!doctype html><html lang=\"nl\"><meta charset=\"utf-8\"><title>Terugkeer</title><p>%s</p></html>", html.EscapeString(msg))
		results <- res
	})
}

func randomState() string {
	b := make([]byte, 16)
	rand.Read(b) //nolint:errcheck // crypto/rand does not fail
	return hex.EncodeToString(b)
}

// DeviceCode is what the user must do for the device-code flow.
type DeviceCode struct {
	UserCode        string // the code to type
	VerificationURI string // where to type it
}

// SignInDevice signs the casemanager in with the device-code flow, for where a policy
// blocks the browser flow or there is no browser: show tells the user the code and the
// address; it returns once the user signed in there (or it expired, or ctx ended).
func SignInDevice(ctx context.Context, s app.MailboxSettings, show func(DeviceCode)) error {
	cfg, err := userConfig(s)
	if err != nil {
		return err
	}
	hctx := httpContext(ctx)
	da, err := cfg.DeviceAuth(hctx)
	if err != nil {
		return describe(err)
	}
	uri := da.VerificationURI
	if uri == "" {
		uri = da.VerificationURIComplete
	}
	show(DeviceCode{UserCode: da.UserCode, VerificationURI: uri})
	tok, err := cfg.DeviceAccessToken(hctx, da)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if errors.Is(err, context.DeadlineExceeded) {
			return errors.New("de aanmeldcode is verlopen: begin opnieuw met aanmelden")
		}
		return describe(err)
	}
	return keep(s, tok)
}
