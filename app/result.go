package app

import "strconv"

// Outcome is what happened to one message on import.
type Outcome string

// The four outcomes of import --json.
const (
	Geimporteerd Outcome = "geimporteerd"
	Dubbel       Outcome = "dubbel"
	Quarantaine  Outcome = "quarantaine"
	GeenBericht  Outcome = "geen-bericht"
)

// Result reports the import of one message (or of a mail without one).
type Result struct {
	Bron         string
	Kenmerk      string
	Soort        Kind
	Resultaat    Outcome
	Reden        string // Dutch, no personal data; set for quarantaine and dubbel
	Weggelaten   int    // topics and hulpvragen not stored for lack of (newer) consent
	PersonID     int64
	QuarantineID int64
}

// Summary counts results per outcome.
type Summary struct {
	Geimporteerd, Dubbel, Quarantaine, GeenBericht int
}

// Summarise counts a list of results.
func Summarise(rs []Result) Summary {
	var s Summary
	for _, r := range rs {
		switch r.Resultaat {
		case Geimporteerd:
			s.Geimporteerd++
		case Dubbel:
			s.Dubbel++
		case Quarantaine:
			s.Quarantaine++
		case GeenBericht:
			s.GeenBericht++
		}
	}
	return s
}

// String is the Dutch one-line summary, e.g. "3 geïmporteerd, 1 dubbel, 1 in quarantaine, 1 zonder bericht".
func (s Summary) String() string {
	return strconv.Itoa(s.Geimporteerd) + " geïmporteerd, " + strconv.Itoa(s.Dubbel) + " dubbel, " +
		strconv.Itoa(s.Quarantaine) + " in quarantaine, " + strconv.Itoa(s.GeenBericht) + " zonder bericht"
}
