package mailbox

import (
	"encoding/json"
	"errors"
	"strings"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// TokenSource hands out OAuth2 access tokens for the mailbox (importers/mailbox/oauth
// has the client-credentials and the signed-in user's).
type TokenSource interface {
	// AccessToken returns an access token; fresh asks for a new one instead of a cached
	// one, after the server refused the last. Its errors are Dutch sentences without
	// secrets or tokens.
	AccessToken(fresh bool) (string, error)
}

// OAuth2Login signs in with an OAuth2 access token: SASL OAUTHBEARER (RFC 7628) when the
// server offers it, else XOAUTH2 (Microsoft 365, Gmail). User is the mailbox's address.
// When the server refuses a token it fetches a fresh one and tries once more on the
// same connection: a cached token may have been revoked or have expired early.
type OAuth2Login struct {
	User   string
	Tokens TokenSource
	// Mechanism forces "XOAUTH2" or "OAUTHBEARER" (tests); empty picks as above.
	Mechanism string
}

// SASL mechanism names.
const (
	mechOAuthBearer = "OAUTHBEARER"
	mechXOAuth2     = "XOAUTH2"
)

// ErrTokenRefused says that the server refused the access token twice (also after
// getting a fresh one).
var ErrTokenRefused = errors.New("de mailserver weigert het toegangstoken: controleer of de app-registratie toegang heeft tot dit postvak " +
	"(IMAP.AccessAsApp of IMAP.AccessAsUser.All, en de postvakmachtiging; zie docs/installatie.md)")

// errRefused is one refusal; Authenticate retries once with a fresh token.
var errRefused = errors.New("token geweigerd")

// Authenticate picks the mechanism and signs in.
func (o OAuth2Login) Authenticate(c *imapclient.Client) error {
	if o.Tokens == nil || o.User == "" {
		return errors.New("geen gebruiker of toegangstoken voor de mailserver opgegeven")
	}
	mech, err := oauthMechanism(c.Caps())
	if err != nil {
		return err
	}
	if o.Mechanism != "" {
		mech = o.Mechanism
	}
	for _, fresh := range []bool{false, true} {
		token, err := o.Tokens.AccessToken(fresh)
		if err != nil {
			return err
		}
		err = authenticateToken(c, mech, o.User, token)
		if !errors.Is(err, errRefused) {
			return err
		}
	}
	return ErrTokenRefused
}

// oauthMechanism prefers OAUTHBEARER, the standard one.
func oauthMechanism(caps imap.CapSet) (string, error) {
	switch {
	case caps.Has(imap.Cap("AUTH=" + mechOAuthBearer)):
		return mechOAuthBearer, nil
	case caps.Has(imap.Cap("AUTH=" + mechXOAuth2)):
		return mechXOAuth2, nil
	}
	return "", errors.New("de mailserver biedt geen aanmelding met OAuth2 (XOAUTH2 of OAUTHBEARER) aan; kies 'imap set aanmelding wachtwoord' of een andere server")
}

// authenticateToken runs one AUTHENTICATE; errRefused when the server refused the token.
func authenticateToken(c *imapclient.Client, mech, user, token string) error {
	sc := &oauthClient{mech: mech, user: user, token: token}
	err := c.Authenticate(sc)
	if err == nil {
		return nil
	}
	var ie *imap.Error
	switch {
	case errors.Is(err, errUnexpectedChallenge):
		return err
	case !errors.As(err, &ie):
		return connErr(err)
	case ie.Type == imap.StatusResponseTypeNo, sc.failure != nil:
		// Refused, with or without the error challenge before it. After the challenge
		// Dovecot answers XOAUTH2's acknowledgement with BAD: go-imap writes an empty
		// response as "=" (RFC 4959's empty initial response), not as an empty line,
		// which Dovecot takes for bad base64. Either way the token was refused.
		return errRefused
	}
	return serverErr("aanmelden met OAuth2", err)
}

// oauthClient is the client side of SASL XOAUTH2 and OAUTHBEARER (RFC 7628) with the
// token as initial response. A server that refuses the token sends its reason (JSON) as
// a challenge, which the client acknowledges with an empty response (XOAUTH2) or a
// single %x01 (OAUTHBEARER, RFC 7628 section 3.2.3); the server then ends with NO.
// go-sasl had XOAUTH2 once and dropped it; these few lines are ours.
type oauthClient struct {
	mech, user, token string
	failure           *oauthFailure // the server's reason, when it sent one
}

// oauthFailure is the server's error challenge (RFC 7628 section 3.2.2).
type oauthFailure struct {
	Status  string `json:"status"`
	Scope   string `json:"scope"`
	Schemes string `json:"schemes"`
}

func (a *oauthClient) Start() (string, []byte, error) {
	if strings.ContainsAny(a.user+a.token, "\x01\r\n") {
		return "", nil, errors.New("de gebruikersnaam of het toegangstoken bevat ongeldige tekens")
	}
	if a.mech == mechXOAuth2 {
		return a.mech, []byte("user=" + a.user + "\x01auth=Bearer " + a.token + "\x01\x01"), nil
	}
	// gs2-header "n,a=authzid," then key=value pairs separated by %x01.
	return a.mech, []byte("n,a=" + saslName(a.user) + ",\x01auth=Bearer " + a.token + "\x01\x01"), nil
}

func (a *oauthClient) Next(challenge []byte) ([]byte, error) {
	if a.failure != nil {
		// A second challenge after the error: not a protocol either mechanism has.
		return nil, errUnexpectedChallenge
	}
	f := &oauthFailure{}
	if json.Unmarshal(challenge, f) != nil {
		f.Status = "onleesbaar"
	}
	a.failure = f
	if a.mech == mechXOAuth2 {
		return []byte{}, nil
	}
	return []byte{0x01}, nil
}

var errUnexpectedChallenge = errors.New("de mailserver stuurde een onverwacht antwoord op de OAuth2-aanmelding")

// saslName escapes ',' and '=' in an authzid (RFC 5801 saslname).
func saslName(s string) string {
	return strings.NewReplacer("=", "=3D", ",", "=2C").Replace(s)
}
