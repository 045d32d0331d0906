package ui

import (
	"testing"

	"github.com/terugkeer/terugkeer/app"
)

// The person file words consent with app.WordConsent; in English mode the words are
// English, the withdrawal date filled in after the translation (issue 18).
func TestConsentTextTranslated(t *testing.T) {
	op := app.MustDate("2019-05-20")
	cases := []struct {
		df     app.DomainFile
		nl, en string
	}{
		{app.DomainFile{Toestemming: app.ConsentJa}, "toestemming gegeven", "consent given"},
		{app.DomainFile{Toestemming: app.ConsentNee}, "geen toestemming", "no consent"},
		{app.DomainFile{Toestemming: app.ConsentIngetrokken, IngetrokkenOp: op}, "toestemming ingetrokken op 20-05-2019", "consent withdrawn on 20-05-2019"},
		{app.DomainFile{Toestemming: app.ConsentIngetrokken}, "toestemming ingetrokken", "consent withdrawn"},
		{app.DomainFile{Toestemming: app.ConsentOnbekend}, "geen informatieblad ontvangen", "no information sheet received"},
	}
	for _, c := range cases {
		if got := consentText(c.df); got != c.nl {
			t.Errorf("%s: %q, want %q", c.df.Toestemming, got, c.nl)
		}
	}
	inEnglish(t)
	for _, c := range cases {
		if got := consentText(c.df); got != c.en {
			t.Errorf("%s in English: %q, want %q", c.df.Toestemming, got, c.en)
		}
	}
}
