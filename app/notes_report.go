package app

import (
	"strings"
	"time"
)

// RecentNotes is how many notes per domain a person overview prints.
const RecentNotes = 3

// ReportNote is one note as printed.
type ReportNote struct {
	Tijd      time.Time // vastgelegd, in the report's time zone
	Door      string
	Gewijzigd bool
	Tekst     string // shortened to MaxReportNote characters
}

// recentNotes returns the last n notes (given oldest first), newest first, with times
// in loc and texts shortened, and how many older ones were left out.
func recentNotes(ns []Note, n int, loc *time.Location) ([]ReportNote, int) {
	var out []ReportNote
	for i := len(ns) - 1; i >= 0 && len(out) < n; i-- {
		t := ns[i].Tekst
		if r := []rune(t); len(r) > MaxReportNote {
			t = strings.TrimSpace(string(r[:MaxReportNote])) + "…"
		}
		out = append(out, ReportNote{Tijd: ns[i].Vastgelegd.In(loc), Door: ns[i].Door, Gewijzigd: !ns[i].Gewijzigd.IsZero(), Tekst: t})
	}
	return out, len(ns) - len(out)
}
