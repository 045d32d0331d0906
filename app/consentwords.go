package app

import "strings"

// ConsentWording is a domain's consent state in words, lower case and in Dutch: Text,
// with {{.D}} where the date of the withdrawal goes, and D that date (dd-mm-jjjj; ""
// when Text has no {{.D}}). The ui translates Text (it is the key of its translation
// files) before it fills in D; the printout and the CSV use String.
type ConsentWording struct {
	Text string
	D    string
}

// String is the wording with the date filled in.
func (w ConsentWording) String() string { return strings.ReplaceAll(w.Text, "{{.D}}", w.D) }

// ConsentStyle is where a consent wording stands.
type ConsentStyle int

const (
	// ConsentSentence stands on its own, as on the person file: "toestemming gegeven",
	// "geen toestemming", "toestemming ingetrokken op {{.D}}" ("toestemming ingetrokken"
	// without the date), "geen informatieblad ontvangen".
	ConsentSentence ConsentStyle = iota
	// ConsentAnswer follows "Toestemming: " where consent was asked, on the printout:
	// "ja", "nee"; the other states as ConsentSentence.
	ConsentAnswer
	// ConsentCell is a cell of a list (the CSV): ConsentSentence without the date, and
	// "geen informatieblad".
	ConsentCell
)

// WordConsent is consent state s in words; ingetrokkenOp is the date of the withdrawal
// (zero: not known, or not ingetrokken). The one wording of the consent states that the
// person file, its printout and the lists share.
func WordConsent(s ConsentState, ingetrokkenOp Date, style ConsentStyle) ConsentWording {
	switch s {
	case ConsentJa, ConsentNee:
		if style == ConsentAnswer {
			return ConsentWording{Text: string(s)}
		}
		if s == ConsentJa {
			return ConsentWording{Text: "toestemming gegeven"}
		}
		return ConsentWording{Text: "geen toestemming"}
	case ConsentIngetrokken:
		if ingetrokkenOp.IsZero() || style == ConsentCell {
			return ConsentWording{Text: "toestemming ingetrokken"}
		}
		return ConsentWording{Text: "toestemming ingetrokken op {{.D}}", D: ingetrokkenOp.Dutch()}
	}
	if style == ConsentCell {
		return ConsentWording{Text: "geen informatieblad"}
	}
	return ConsentWording{Text: "geen informatieblad ontvangen"}
}
