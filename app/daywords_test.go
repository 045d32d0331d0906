package app

import "testing"

// The days are worded once for the screens, the printouts and the CSV (issue 18): the
// release list's column drops "nog", everything else says the same.
func TestWordDays(t *testing.T) {
	for _, c := range []struct {
		days           int
		style          DaysStyle
		text, filledIn string
	}{
		{0, DaysSentence, "vandaag", "vandaag"},
		{1, DaysColumn, "morgen", "morgen"},
		{12, DaysSentence, "nog {{.N}} dagen", "nog 12 dagen"},
		{12, DaysColumn, "{{.N}} dagen", "12 dagen"},
		{-1, DaysColumn, "gisteren", "gisteren"},
		{-3, DaysSentence, "{{.N}} dagen geleden", "3 dagen geleden"},
		{-3, DaysColumn, "{{.N}} dagen geleden", "3 dagen geleden"},
	} {
		w := WordDays(c.days, c.style)
		if w.Text != c.text || w.String() != c.filledIn {
			t.Errorf("WordDays(%d, %d) = %q / %q, want %q / %q", c.days, c.style, w.Text, w.String(), c.text, c.filledIn)
		}
	}
}
