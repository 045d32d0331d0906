package app

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
)

// PersonKeys returns the pseudonymous keys under which consent and revocation facts
// are kept for these identifiers: HMAC-SHA256 with the installation's secret, so the
// ledger holds no BSN or SKN.
func PersonKeys(secret []byte, bsn, skn string) []string {
	var keys []string
	add := func(kind, id string) {
		if id == "" {
			return
		}
		m := hmac.New(sha256.New, secret)
		m.Write([]byte(kind + ":" + id))
		keys = append(keys, hex.EncodeToString(m.Sum(nil)))
	}
	add("bsn", bsn)
	add("skn", skn)
	return keys
}

// keysFor returns the keys of a message's subject together with those of the matched
// person (whose BSN or SKN may be known from an earlier message), without duplicates.
func keysFor(secret []byte, s Subject, p *Person) []string {
	keys := PersonKeys(secret, s.BSN, s.SKN)
	if p != nil {
		keys = append(keys, PersonKeys(secret, p.BSN, p.SKN)...)
	}
	seen := map[string]bool{}
	out := keys[:0]
	for _, k := range keys {
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}

// loadConsentView reads the consent ledger (newest informatieblad and latest
// revocation per domain) under the given keys.
func loadConsentView(tx ReadTx, keys []string) (ConsentView, error) {
	sheets, err := tx.Consents(keys)
	if err != nil {
		return ConsentView{}, err
	}
	revoked, err := tx.Revocations(keys)
	return ConsentView{Sheets: sheets, Revoked: revoked}, err
}
