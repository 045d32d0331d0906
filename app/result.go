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
	// ControleID is the held message (Held.ID) when the message waits for controle: it
	// was not applied (Resultaat is Geimporteerd: received and kept, Reden says so).
	ControleID int64
}

// WaitsForReview reports whether the message was held for controle, not applied.
func (r Result) WaitsForReview() bool { return r.ControleID != 0 }

// Summary counts results per outcome.
type Summary struct {
	Geimporteerd, Dubbel, Quarantaine, GeenBericht int
	Controle                                       int // of Geimporteerd: held for controle
}

// Summarise counts a list of results.
func Summarise(rs []Result) Summary {
	var s Summary
	for _, r := range rs {
		switch r.Resultaat {
		case Geimporteerd:
			s.Geimporteerd++
			if r.WaitsForReview() {
				s.Controle++
			}
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

// String is the Dutch one-line summary, e.g. "3 geïmporteerd, 1 dubbel, 1 in quarantaine, 1 zonder bericht",
// with ", waarvan 1 wacht op controle" after the imported ones when some were held.
func (s Summary) String() string {
	imported := strconv.Itoa(s.Geimporteerd) + " geïmporteerd"
	switch {
	case s.Controle == 1:
		imported += " (waarvan 1 wacht op controle)"
	case s.Controle > 1:
		imported += " (waarvan " + strconv.Itoa(s.Controle) + " wachten op controle)"
	}
	return imported + ", " + strconv.Itoa(s.Dubbel) + " dubbel, " +
		strconv.Itoa(s.Quarantaine) + " in quarantaine, " + strconv.Itoa(s.GeenBericht) + " zonder bericht"
}
