package ui

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/layout"
	_ "time/tzdata" // Europe/Amsterdam also on systems without a zone database

	"github.com/terugkeer/terugkeer/app"
)

// amsterdam is the zone every time is shown in.
var amsterdam = func() *time.Location {
	loc, err := app.LoadZone()
	if err != nil {
		return time.UTC
	}
	return loc
}()

// formatDate is dd-mm-jjjj, or "" for an unknown date.
func formatDate(d app.Date) string { return d.Dutch() }

// formatTime is dd-mm-jjjj hh:mm in Europe/Amsterdam, or "" for the zero time.
func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(amsterdam).Format("02-01-2006 15:04")
}

// formatDay is the Amsterdam calendar date of t as dd-mm-jjjj.
func formatDay(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(amsterdam).Format("02-01-2006")
}

// today is the Amsterdam calendar date of t.
func todayOf(t time.Time) app.Date { return app.DateOf(t.In(amsterdam)) }

// parseDutchDate reads dd-mm-jjjj (also d-m-jjjj); an empty text is the zero date.
func parseDutchDate(s string) (app.Date, error) {
	if s == "" {
		return app.Date{}, nil
	}
	t, err := time.Parse("2-1-2006", s)
	if err != nil {
		return app.Date{}, errorf(T("Vul een datum in als dd-mm-jjjj, bijvoorbeeld 01-03-2026."))
	}
	return app.DateOf(t), nil
}

// daysText says how far a date is from today: "nog 12 dagen", "vandaag", "3 dagen
// geleden" (app.WordDays), in the language of the ui.
func daysText(days int) string {
	w := app.WordDays(days, app.DaysSentence)
	return tf(w.Text, "N", w.N)
}

// consentText is the consent state of a domain for screens (app.WordConsent), in the
// language of the ui.
func consentText(df app.DomainFile) string {
	w := app.WordConsent(df.Toestemming, df.IngetrokkenOp, app.ConsentSentence)
	return tf(w.Text, "D", w.D)
}

func domainLabel(d app.Domain) string { return T(d.Label()) }

func kindLabel(k app.Kind) string { return T(k.Label()) }

func statusLabel(s string) string {
	switch s {
	case app.EindVerwacht:
		return T("verwacht")
	case app.EindDefinitief:
		return T("definitief")
	}
	return s
}

func trajectLabel(t app.Traject) string {
	switch t.Status {
	case app.Aangemeld:
		return T("aangemeld")
	case app.InBehandeling:
		return T("in behandeling")
	case app.Afgesloten:
		s := T("afgesloten")
		if !t.Afgesloten.IsZero() {
			s = tf("afgesloten op {{.D}}", "D", t.Afgesloten.Dutch())
		}
		switch t.Uitkomst {
		case app.MetMaatregelen:
			s += " (" + T("met maatregelen") + ")"
		case app.ZonderMaatregelen:
			s += " (" + T("zonder maatregelen") + ")"
		}
		return s
	}
	return string(t.Status)
}

// formLayout is Fyne's two-column label/value layout.
func formLayout() fyne.Layout { return layout.NewFormLayout() }

// formatCount writes n with the language's thousands separator: 1.234 in Dutch, 1,234
// in English (the translation of "1.000" carries it).
func formatCount(n int) string {
	s := strconv.Itoa(n)
	if n < 0 || len(s) <= 3 {
		return s
	}
	sep := "."
	if t := []rune(T("1.000")); len(t) == 5 {
		sep = string(t[1])
	}
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	return b.String()
}
