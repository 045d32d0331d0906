package app

import (
	"strconv"
	"strings"
)

// DaysWording is how far a date is from today in words, lower case and in Dutch: Text,
// with {{.N}} where the number of days goes, and N that number (0 when Text has none).
// The ui translates Text (the key of its translation files) before it fills in N; the
// printouts and the CSV use String. The one wording of days that the screens, the
// person overview, the release list and the CSV share (issue 18).
type DaysWording struct {
	Text string
	N    int
}

// String is the wording with the number filled in.
func (w DaysWording) String() string {
	return strings.ReplaceAll(w.Text, "{{.N}}", strconv.Itoa(w.N))
}

// DaysStyle is where a days wording stands.
type DaysStyle int

const (
	// DaysSentence stands on its own: "vandaag", "morgen", "nog {{.N}} dagen",
	// "gisteren", "{{.N}} dagen geleden".
	DaysSentence DaysStyle = iota
	// DaysColumn is the release list's "Over" column: "{{.N}} dagen" for a date to
	// come, else as DaysSentence.
	DaysColumn
)

// WordDays is days (the calendar days from today to the date; negative when it passed)
// in words.
func WordDays(days int, style DaysStyle) DaysWording {
	switch {
	case days == 0:
		return DaysWording{Text: "vandaag"}
	case days == 1:
		return DaysWording{Text: "morgen"}
	case days > 1 && style == DaysColumn:
		return DaysWording{Text: "{{.N}} dagen", N: days}
	case days > 1:
		return DaysWording{Text: "nog {{.N}} dagen", N: days}
	case days == -1:
		return DaysWording{Text: "gisteren"}
	}
	return DaysWording{Text: "{{.N}} dagen geleden", N: -days}
}
