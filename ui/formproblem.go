package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/terugkeer/terugkeer/app"
)

// formProblem shows why a form cannot be saved inside the form itself, next to the
// fields, and opens the form again with everything that was typed: a validation error
// never closes the dialog behind an "Er ging iets mis" box (Fyne's form dialog hides
// itself before its callback runs).
type formProblem struct {
	text   *widget.Label
	dialog *dialog.FormDialog
	win    fyne.Window
	fields map[string]fyne.Focusable // by app.Field* code; the first is focused otherwise
	first  fyne.Focusable
}

func newFormProblem() *formProblem {
	t := newProblemLabel()
	t.TextStyle.Bold = true
	return &formProblem{text: t, fields: map[string]fyne.Focusable{}}
}

// attach binds the problem line to its dialog and fields (first is focused when the
// error names no known field).
func (p *formProblem) attach(d *dialog.FormDialog, win fyne.Window, first fyne.Focusable, fields map[string]fyne.Focusable) {
	p.dialog, p.win, p.first = d, win, first
	for k, f := range fields {
		p.fields[k] = f
	}
}

// Text is what the problem line says now ("" when the form is fine).
func (p *formProblem) Text() string {
	if !p.text.Visible() {
		return ""
	}
	return p.text.Text
}

// show puts a ValidationError (or a reason from the window's own checks) in the form and
// opens it again; it reports false for any other error, which the caller handles.
func (p *formProblem) show(err error) bool {
	var ve *app.ValidationError
	if !errors.As(err, &ve) {
		return false
	}
	p.text.SetText(validationText(ve))
	p.text.Show()
	p.dialog.Show()
	if c := p.win.Canvas(); c != nil {
		f, ok := p.fields[ve.Field]
		if !ok {
			f = p.first
		}
		c.Focus(f)
	}
	return true
}

// clear hides the problem line (a new attempt starts clean).
func (p *formProblem) clear() {
	p.text.SetText("")
	p.text.Hide()
}

// uiInvalid is a reason found by the window's own parsing (a date or time that cannot be
// read, already worded), shaped like app's so that formProblem shows both alike.
func uiInvalid(field string, err error) error {
	return &app.ValidationError{Field: field, Msg: err.Error()}
}

// validationText words app's ValidationError in the window's own sentence (Dutch, or
// English when chosen); a reason without a code is the window's own, worded already.
func validationText(ve *app.ValidationError) string {
	f := fieldLabel(ve.Field)
	switch ve.Code {
	case "":
		return ve.Msg
	case app.ProblemMissing:
		switch ve.Field {
		case app.FieldActie:
			return T("Vul in wat er moet gebeuren, of maak ook de datum leeg om de actie te wissen.")
		case app.FieldActiedatum:
			return T("Vul een datum in, of maak ook de actie leeg om de actie te wissen.")
		case app.FieldGemeenten:
			return T("Vul minstens één gemeentecode in.")
		case app.FieldAantekening:
			return T("Schrijf eerst de aantekening.")
		}
		return tf("Vul {{.F}} in.", "F", lowerFirst(f))
	case app.ProblemTooLong:
		return tf("{{.F}} is te lang: hoogstens {{.N}} tekens.", "F", f, "N", ve.Limit)
	case app.ProblemInvalidChars:
		return tf("{{.F}} bevat tekens die niet kunnen worden opgeslagen.", "F", f)
	case app.ProblemFuture:
		return T("Dit moment ligt in de toekomst: kies een datum en tijd tot nu.")
	case app.ProblemNothing:
		return T("Er is niets gewijzigd.")
	case app.ProblemNotTeamMember:
		return T("Kies een collega uit het team: alleen een aanmeldnaam met de rol terugkeer_medewerker of terugkeer_beheerder kan verantwoordelijke zijn.")
	case app.ProblemFormat:
		if ve.Field == app.FieldGemeenten {
			return T("Een gemeentecode heeft vier cijfers, bijvoorbeeld 0193; scheid meer codes met een komma.")
		}
	}
	return T("Deze invoer kan niet worden opgeslagen.")
}

func fieldLabel(field string) string {
	switch field {
	case app.FieldStatus:
		return T("Status")
	case app.FieldVerantwoordelijke:
		return T("Verantwoordelijke")
	case app.FieldActie:
		return T("Actie")
	case app.FieldActiedatum, app.FieldDatum:
		return T("Datum")
	case app.FieldTijd:
		return T("Tijd")
	case app.FieldMet:
		return T("Met")
	case app.FieldNotitie:
		return T("Notitie")
	case app.FieldGemeenten:
		return T("Gemeentecodes")
	case app.FieldAantekening:
		return T("Aantekening")
	}
	return T("Dit veld")
}
