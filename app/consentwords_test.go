package app_test

import (
	"testing"

	"github.com/terugkeer/terugkeer/app"
)

// The one wording of the consent states (issue 18): what the person file, its printout
// and the CSV said before it lived in app, word for word.
func TestWordConsent(t *testing.T) {
	op := app.MustDate("2019-05-20")
	cases := []struct {
		s     app.ConsentState
		op    app.Date
		style app.ConsentStyle
		want  string
	}{
		{app.ConsentJa, app.Date{}, app.ConsentSentence, "toestemming gegeven"},
		{app.ConsentNee, app.Date{}, app.ConsentSentence, "geen toestemming"},
		{app.ConsentIngetrokken, op, app.ConsentSentence, "toestemming ingetrokken op 20-05-2019"},
		{app.ConsentIngetrokken, app.Date{}, app.ConsentSentence, "toestemming ingetrokken"},
		{app.ConsentOnbekend, app.Date{}, app.ConsentSentence, "geen informatieblad ontvangen"},
		{"", app.Date{}, app.ConsentSentence, "geen informatieblad ontvangen"},

		{app.ConsentJa, app.Date{}, app.ConsentAnswer, "ja"},
		{app.ConsentNee, app.Date{}, app.ConsentAnswer, "nee"},
		{app.ConsentIngetrokken, op, app.ConsentAnswer, "toestemming ingetrokken op 20-05-2019"},
		{app.ConsentIngetrokken, app.Date{}, app.ConsentAnswer, "toestemming ingetrokken"},
		{app.ConsentOnbekend, app.Date{}, app.ConsentAnswer, "geen informatieblad ontvangen"},

		{app.ConsentNee, app.Date{}, app.ConsentCell, "geen toestemming"},
		{app.ConsentIngetrokken, op, app.ConsentCell, "toestemming ingetrokken"},
		{app.ConsentOnbekend, app.Date{}, app.ConsentCell, "geen informatieblad"},
	}
	for _, c := range cases {
		w := app.WordConsent(c.s, c.op, c.style)
		if got := w.String(); got != c.want {
			t.Errorf("WordConsent(%q, %v, %d) = %q, want %q", c.s, c.op, c.style, got, c.want)
		}
	}
	// The ui translates Text before it fills in the date: the date is not in it.
	if w := app.WordConsent(app.ConsentIngetrokken, op, app.ConsentSentence); w.Text != "toestemming ingetrokken op {{.D}}" || w.D != "20-05-2019" {
		t.Errorf("withdrawn on a date: %+v", w)
	}
}
