package ui

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/terugkeer/terugkeer/app"
)

// A new database first needs to know the gemeente(n) the team works for: their CBS codes
// decide which messages belong here. The welcome asks for them before anything else, and
// an import on a database without them asks the same question instead of failing with a
// command-line instruction.

const gemeentenQuestion = "Voor welke gemeente werkt u? Vul de CBS-gemeentecode in: vier cijfers, bijvoorbeeld 0193 (Zwolle). Werkt uw team voor meer gemeenten, scheid de codes dan met een komma."

// newGemeentenEntry is the gemeentecode field, checked as it is typed.
func newGemeentenEntry() *EscEntry {
	e := NewEscEntry(nil)
	e.SetPlaceHolder(T("bijvoorbeeld 0193"))
	e.Validator = func(s string) error {
		if _, err := app.ParseGemeenten(s); err != nil {
			var ve *app.ValidationError
			if errors.As(err, &ve) {
				return errorf(validationText(ve))
			}
			return err
		}
		return nil
	}
	return e
}

// saveGemeenten records the codes in the background, then runs done on the Fyne thread;
// a refusal is shown in problem (a label next to the field).
func saveGemeenten(ctx context.Context, svc GemeenteSetup, bg *tasks, win fyne.Window, text string, problem *widget.Label, done func()) {
	codes, err := app.ParseGemeenten(text)
	if err != nil {
		showProblem(problem, err)
		return
	}
	bg.run(func() {
		err := svc.Init(ctx, codes)
		fyne.Do(func() {
			if err != nil {
				showError(win, T("De gemeentecodes zijn niet opgeslagen."), err)
				return
			}
			done()
		})
	})
}

func showProblem(l *widget.Label, err error) {
	var ve *app.ValidationError
	if errors.As(err, &ve) {
		l.SetText(validationText(ve))
	} else {
		l.SetText(err.Error())
	}
	l.Show()
}

func newProblemLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

// welcomeSetup is the Overzicht of a database without gemeenten: the question, the field
// and "Opslaan"; after saving the usual welcome (examples, import) follows.
func (v *OverviewView) welcomeSetup() {
	v.body.RemoveAll()
	v.Setup = newGemeentenEntry()
	names := newGemeenteNames(v.Setup)
	problem := newProblemLabel()
	save := func() {
		saveGemeenten(v.ctx, v.svc, v.bg, v.win, v.Setup.Text, problem, func() {
			v.shell.gemeentenSaved()
			v.Reload()
		})
	}
	v.Setup.OnSubmitted = func(string) { save() }
	btn := widget.NewButtonWithIcon(T("Opslaan"), theme.DocumentSaveIcon(), save)
	btn.Importance = widget.HighImportance
	v.body.Add(widget.NewCard(T("Welkom bij Terugkeer"), "", container.NewVBox(
		wrapLabel(T(gemeentenQuestion)),
		container.NewBorder(nil, nil, nil, btn, v.Setup),
		names.box,
		problem,
		wrapLabel(T("U kunt de codes later wijzigen onder Instellingen.")),
	)))
	v.body.Refresh()
	if c := v.win.Canvas(); c != nil {
		c.Focus(v.Setup)
	}
}

// gemeentenSaved shows the codes the welcome or the first import saved under
// Instellingen, whose form was filled when the window opened: saving that form with the
// empty field would otherwise be refused or undo them. A nil shell (a view on its own)
// has no Instellingen.
func (s *Shell) gemeentenSaved() {
	if s != nil && s.Settings != nil {
		s.Settings.Reload()
	}
}

// askGemeenten asks for the gemeentecodes in a dialog (an import on a database without
// them) and runs then once they are saved.
func askGemeenten(ctx context.Context, svc GemeenteSetup, bg *tasks, win fyne.Window, then func()) dialog.Dialog {
	entry := newGemeentenEntry()
	problem := newProblemLabel()
	items := []*widget.FormItem{
		widget.NewFormItem("", wrapLabel(T(gemeentenQuestion))),
		widget.NewFormItem(T("Gemeentecodes"), entry),
		widget.NewFormItem("", newGemeenteNames(entry).box),
		widget.NewFormItem("", problem),
	}
	d := dialog.NewForm(T("Eerst: uw gemeente"), T("Opslaan en doorgaan"), T("Annuleren"), items, func(ok bool) {
		if ok {
			saveGemeenten(ctx, svc, bg, win, entry.Text, problem, then)
		}
	}, win)
	formKeys(d, entry)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
	if c := win.Canvas(); c != nil {
		c.Focus(entry)
	}
	return d
}

// notInitialised reports whether the database has no gemeenten yet.
func notInitialised(ctx context.Context, svc GemeenteSetup) bool {
	_, err := svc.Gemeenten(ctx)
	return errors.Is(err, app.ErrNotInitialised)
}
