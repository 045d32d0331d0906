package oauth

import (
	"context"
	"errors"
	"sync"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers/mailbox"
)

// Tokens returns the token source for the settings: client credentials when a client
// secret is in SecretEnv or the keyring (unattended runs), else the signed-in user's
// refresh token from the keyring; ErrNotSignedIn when there is neither. ctx bounds the
// token requests of the source's life (one run).
func Tokens(ctx context.Context, s app.MailboxSettings, getenv func(string) string) (mailbox.TokenSource, error) {
	secret, err := ClientSecret(s, getenv)
	switch {
	case err == nil:
		return AppTokens(ctx, s, secret)
	case !errors.Is(err, errNoSecret) && !errors.Is(err, ErrNoKeyring):
		return nil, err
	}
	rt, rerr := loadRefresh(s)
	if rerr == nil && rt != "" {
		return UserTokens(ctx, s)
	}
	if errors.Is(err, ErrNoKeyring) {
		return nil, err
	}
	return nil, ErrNotSignedIn
}

// Login is the mailbox sign-in for the settings, with Tokens.
func Login(ctx context.Context, s app.MailboxSettings, getenv func(string) string) (mailbox.Authenticator, error) {
	ts, err := Tokens(ctx, s, getenv)
	if err != nil {
		return nil, err
	}
	return mailbox.OAuth2Login{User: s.Gebruiker, Tokens: ts}, nil
}

// appTokens are client-credentials tokens, cached until shortly before they expire.
type appTokens struct {
	ctx context.Context
	cfg clientcredentials.Config
	mu  sync.Mutex
	tok *oauth2.Token
}

// AppTokens returns client-credentials tokens for the app registration (IMAP.AccessAsApp).
func AppTokens(ctx context.Context, s app.MailboxSettings, secret string) (mailbox.TokenSource, error) {
	ep, err := endpointsFor(s)
	if err != nil {
		return nil, err
	}
	return &appTokens{ctx: httpContext(ctx), cfg: clientcredentials.Config{
		ClientID: s.OAuth.ClientID, ClientSecret: secret, TokenURL: ep.token,
		Scopes: []string{AppScope}, AuthStyle: oauth2.AuthStyleInParams,
	}}, nil
}

func (a *appTokens) AccessToken(fresh bool) (string, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if !fresh && a.tok.Valid() {
		return a.tok.AccessToken, nil
	}
	tok, err := a.cfg.Token(a.ctx)
	if err != nil {
		return "", describe(err)
	}
	a.tok = tok
	return tok.AccessToken, nil
}

// userTokens are the signed-in user's tokens, from the refresh token in the keyring; a
// rotated refresh token is stored back.
type userTokens struct {
	ctx context.Context
	s   app.MailboxSettings
	cfg *oauth2.Config
	mu  sync.Mutex
	tok *oauth2.Token
}

// UserTokens returns the signed-in user's tokens (ErrNotSignedIn when nobody is).
func UserTokens(ctx context.Context, s app.MailboxSettings) (mailbox.TokenSource, error) {
	cfg, err := userConfig(s)
	if err != nil {
		return nil, err
	}
	return &userTokens{ctx: httpContext(ctx), s: s, cfg: cfg}, nil
}

// userConfig is the public client (no secret) for the delegated scopes.
func userConfig(s app.MailboxSettings) (*oauth2.Config, error) {
	ep, err := endpointsFor(s)
	if err != nil {
		return nil, err
	}
	return &oauth2.Config{
		ClientID: s.OAuth.ClientID, Scopes: UserScopes,
		Endpoint: oauth2.Endpoint{AuthURL: ep.authorize, TokenURL: ep.token, DeviceAuthURL: ep.device, AuthStyle: oauth2.AuthStyleInParams},
	}, nil
}

func (u *userTokens) AccessToken(fresh bool) (string, error) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if !fresh && u.tok.Valid() {
		return u.tok.AccessToken, nil
	}
	rt, err := loadRefresh(u.s)
	if err != nil {
		return "", err
	}
	if rt == "" {
		return "", ErrNotSignedIn
	}
	return u.refreshWith(rt, true)
}

// refreshWith gets tokens with the refresh token rt and keeps the rotated one. Another
// process (the desktop app and a scheduled import) may have refreshed meanwhile: when rt
// is refused but the keyring holds a newer one, that one is tried (once) instead of
// signing out, so that one process never deletes the other's fresh sign-in.
func (u *userTokens) refreshWith(rt string, retry bool) (string, error) {
	tok, err := u.cfg.TokenSource(u.ctx, &oauth2.Token{RefreshToken: rt}).Token()
	if err != nil {
		err = describe(err)
		if !errors.Is(err, ErrSignInExpired) {
			return "", err
		}
		now, lerr := loadRefresh(u.s)
		switch {
		case lerr != nil:
		case now != "" && now != rt && retry:
			return u.refreshWith(now, false)
		case now == rt:
			SignOut(u.s) //nolint:errcheck // the grant is gone either way; the user must sign in again
		}
		return "", err
	}
	if tok.RefreshToken != "" && tok.RefreshToken != rt {
		if err := storeRefresh(u.s, tok.RefreshToken); err != nil {
			return "", err
		}
	}
	u.tok = tok
	return tok.AccessToken, nil
}

// keep stores a new sign-in's refresh token.
func keep(s app.MailboxSettings, tok *oauth2.Token) error {
	if tok.RefreshToken == "" {
		return errors.New("Microsoft gaf geen vernieuwingstoken: de app-registratie moet offline_access toestaan")
	}
	return storeRefresh(s, tok.RefreshToken)
}
