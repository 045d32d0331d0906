package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/terugkeer/terugkeer/app"
)

// A gemeentecode field shows, as it is typed, the CBS name of each code ("0363
// Amsterdam") and a warning for a well-formed code that is no gemeente in the CBS list.
// The warning does not refuse the code: a message is imported only when its code is one
// of the installation's own, so a team whose gemeente merged needs the former gemeenten'
// codes too for messages from before the merger (the app imports messages of years
// back), and a list built into the app is one herindeling behind until it is updated.
// Form errors (three digits, letters) stay the field's validator's.

// gemeenteNames are the two lines under a gemeentecode field.
type gemeenteNames struct {
	known, unknown *widget.Label
	box            *fyne.Container
}

// newGemeenteNames shows the names of what is typed in e; it takes e's OnChanged.
func newGemeenteNames(e *EscEntry) *gemeenteNames {
	g := &gemeenteNames{known: wrapLabel(""), unknown: wrapLabel("")}
	g.unknown.Importance = widget.WarningImportance
	g.box = container.NewVBox(g.known, g.unknown)
	e.OnChanged = g.show
	g.show(e.Text)
	return g
}

// show describes text: the known codes with their names on one line, the unknown ones in
// a sentence on the next; an empty line is hidden.
func (g *gemeenteNames) show(text string) {
	known, unknown := describeGemeenten(text)
	setShown(g.known, known)
	setShown(g.unknown, unknown)
	g.box.Refresh()
}

func setShown(l *widget.Label, s string) {
	l.SetText(s)
	if s == "" {
		l.Hide()
	} else {
		l.Show()
	}
}

// describeGemeenten returns "0193 Zwolle, 0200 Apeldoorn" for the well-formed codes in
// text that the CBS list knows, and the warning for those it does not know ("" for none).
func describeGemeenten(text string) (known, unknown string) {
	var names, missing []string
	for _, c := range app.WellFormedGemeenten(text) {
		if naam, ok := app.GemeenteNaam(c); ok {
			names = append(names, c+" "+naam)
		} else {
			missing = append(missing, c)
		}
	}
	switch len(missing) {
	case 0:
	case 1:
		unknown = tf("{{.C}}: geen gemeente in de CBS-lijst van 1 januari {{.J}}. Klopt de code? Alleen voor oude berichten van een opgeheven gemeente kan zo'n code nodig zijn.",
			"C", missing[0], "J", app.GemeentenJaar)
	default:
		unknown = tf("{{.C}}: geen gemeenten in de CBS-lijst van 1 januari {{.J}}. Kloppen de codes? Alleen voor oude berichten van een opgeheven gemeente kan zo'n code nodig zijn.",
			"C", strings.Join(missing, ", "), "J", app.GemeentenJaar)
	}
	return strings.Join(names, ", "), unknown
}
