package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/terugkeer/terugkeer/app"
)

// noteList shows a domain's notes (aantekeningen) newest first, each with its buttons
// to correct or remove it.
func (v *PersonView) noteList(ns []app.Note) []fyne.CanvasObject {
	if len(ns) == 0 {
		return nil
	}
	out := []fyne.CanvasObject{widget.NewLabelWithStyle(T("Aantekeningen"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	for i := len(ns) - 1; i >= 0; i-- {
		n := ns[i]
		line := formatTime(n.Vastgelegd)
		if n.Door != "" {
			line += "  (" + tf("door {{.Naam}}", "Naam", app.Visible(n.Door)) + ")"
		}
		if !n.Gewijzigd.IsZero() {
			line += "  · " + tf("gewijzigd {{.T}}", "T", formatTime(n.Gewijzigd))
		}
		out = append(out, v.rowWithButtons(wrapLabel(line),
			rowButton(T("Wijzigen"), theme.DocumentCreateIcon(), func() { v.noteDialog(n.Domain, &n) }),
			rowButton(T("Verwijderen"), theme.DeleteIcon(), func() { v.confirmRemoveNote(n) })))
		text := wrapLabel(app.VisibleText(n.Tekst))
		out = append(out, container.NewPadded(text))
	}
	return out
}

// NoteForm is the "Aantekening maken" (or "Aantekening wijzigen") dialog's form.
type NoteForm struct {
	Tekst   *EscEntry
	domain  app.Domain
	editing *app.Note
	v       *PersonView
	Dialog  *dialog.FormDialog
	Problem *formProblem
}

// noteDialog opens the note form for domain d, or filled with editing to correct it.
func (v *PersonView) noteDialog(d app.Domain, editing *app.Note) {
	f := &NoteForm{v: v, domain: d, editing: editing, Problem: newFormProblem()}
	f.Tekst = newEscMultiLineEntry()
	f.Tekst.SetPlaceHolder(T("Wat wilt u over dit domein onthouden?"))
	f.Tekst.SetMinRowsVisible(6)
	f.Tekst.Wrapping = fyne.TextWrapWord
	title := tf("Aantekening maken: {{.D}}", "D", lowerFirst(domainLabel(d)))
	if editing != nil {
		f.Tekst.SetText(editing.Tekst)
		title = tf("Aantekening wijzigen: {{.D}}", "D", lowerFirst(domainLabel(d)))
	}
	items := []*widget.FormItem{
		widget.NewFormItem(T("Aantekening"), f.Tekst),
		widget.NewFormItem("", f.Problem.text),
	}
	f.Dialog = dialog.NewForm(title, T("Opslaan"), T("Cancel"), items, func(ok bool) {
		if ok {
			f.Submit()
		}
	}, v.win)
	f.Problem.attach(f.Dialog, v.win, f.Tekst, map[string]fyne.Focusable{app.FieldAantekening: f.Tekst})
	f.Dialog.Resize(fyne.NewSize(560, 0))
	v.lastNoteForm = f
	v.showForm(f.Dialog, f.Tekst)
}

// Submit saves the note in the background; a reason the user can correct keeps the
// form open with the text.
func (f *NoteForm) Submit() {
	v := f.v
	f.Problem.clear()
	text := f.Tekst.Text
	v.bg.run(func() {
		var err error
		if f.editing != nil {
			_, err = v.svc.CorrectNote(v.ctx, v.id, f.editing.ID, text)
		} else {
			_, err = v.svc.AddNote(v.ctx, v.id, f.domain, text)
		}
		fyne.Do(func() {
			if err != nil {
				if !f.Problem.show(err) {
					showError(v.win, T("De aantekening kon niet worden opgeslagen."), err)
				}
				return
			}
			v.notifyChanged()
			v.Reload()
		})
	})
}

// confirmRemoveNote asks before a note is removed for good.
func (v *PersonView) confirmRemoveNote(n app.Note) {
	text := tf("De aantekening van {{.T}} wordt definitief verwijderd. Dit kan niet ongedaan worden gemaakt.", "T", formatTime(n.Vastgelegd))
	v.lastConfirm = confirmDialog(v.win, T("Aantekening verwijderen?"), text, T("Verwijderen"), func() {
		v.change(T("De aantekening kon niet worden verwijderd."), func() error { return v.svc.RemoveNote(v.ctx, v.id, n.ID) })
	})
}
