package ui

import (
	"errors"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/terugkeer/terugkeer/app"
)

// Correcting what was recorded (issue 18): every contact, the last status change and the
// planned action of a domain have buttons to correct or remove them, and a closed
// traject can be reopened. A removal asks for confirmation first.

func rowButton(label string, icon fyne.Resource, tapped func()) *widget.Button {
	b := widget.NewButtonWithIcon(label, icon, tapped)
	b.Importance = widget.LowImportance
	return b
}

// rowWithButtons puts buttons at the right of a row.
func (v *PersonView) rowWithButtons(row fyne.CanvasObject, buttons ...fyne.CanvasObject) fyne.CanvasObject {
	return container.NewBorder(nil, nil, nil, container.NewHBox(buttons...), row)
}

// fill puts a recorded contact into the form.
func (f *ContactForm) fill(c app.ContactMoment) {
	if i := slices.Index(f.domains, c.Domain); i >= 0 {
		f.Domein.SetSelectedIndex(i)
	}
	if i := slices.Index(app.Kanalen(), c.Kanaal); i >= 0 {
		f.Kanaal.SetSelectedIndex(i)
	}
	f.Met.SetText(c.Met)
	at := c.Tijd.In(amsterdam)
	f.Datum.Entry.SetText(at.Format("02-01-2006"))
	f.Tijd.SetText(at.Format("15:04"))
	f.Notitie.SetText(c.Notitie)
}

// confirmRemoveContact asks before a contact is removed for good.
func (v *PersonView) confirmRemoveContact(c app.ContactMoment) {
	text := tf("Het contact van {{.T}} ({{.K}}) wordt definitief verwijderd, met de notitie. Dit kan niet ongedaan worden gemaakt.",
		"T", formatTime(c.Tijd), "K", kanaalLabel(c.Kanaal))
	v.lastConfirm = confirmDialog(v.win, T("Contact verwijderen?"), text, T("Verwijderen"), func() {
		v.change(T("Het contact kon niet worden verwijderd."), func() error { return v.svc.RemoveContact(v.ctx, v.id, c.ID) })
	})
}

// lastStatusRow shows the domain's last status change with buttons to correct or
// remove it; nil without one.
func (v *PersonView) lastStatusRow(d app.Domain, df app.DomainFile) fyne.CanvasObject {
	if len(df.Geschiedenis) == 0 {
		return nil
	}
	h := df.Geschiedenis[len(df.Geschiedenis)-1]
	line := tf("Laatste statuswijziging: {{.Van}} → {{.Naar}}, {{.T}}", "Van", followupStatusLabel(h.Van),
		"Naar", followupStatusLabel(h.Naar), "T", formatTime(h.Tijd))
	if h.Door != "" {
		line += "  (" + tf("door {{.Naam}}", "Naam", app.Visible(h.Door)) + ")"
	}
	l := widget.NewLabel(line)
	l.Wrapping = fyne.TextWrapWord
	return v.rowWithButtons(l,
		rowButton(T("Corrigeren"), theme.DocumentCreateIcon(), func() { v.statusCorrectDialog(d, h) }),
		rowButton(T("Verwijderen"), theme.DeleteIcon(), func() { v.confirmRemoveStatus(d, h) }))
}

// confirmRemoveStatus asks before the last status change is undone.
func (v *PersonView) confirmRemoveStatus(d app.Domain, h app.StatusChange) {
	versie := v.followupVersion(d)
	text := tf("De statuswijziging naar '{{.Naar}}' wordt verwijderd; de status van {{.D}} wordt weer '{{.Van}}'.",
		"Naar", followupStatusLabel(h.Naar), "D", lowerFirst(domainLabel(d)), "Van", followupStatusLabel(h.Van))
	v.lastConfirm = confirmDialog(v.win, T("Statuswijziging verwijderen?"), text, T("Verwijderen"), func() {
		v.change(T("De statuswijziging kon niet worden verwijderd."), func() error {
			_, err := v.svc.RemoveStatus(v.ctx, v.id, d, versie)
			return err
		})
	})
}

// StatusCorrectForm is the "Status corrigeren" dialog's form: the right status for the
// last change, which then takes no new place in the history.
type StatusCorrectForm struct {
	Status  *widget.RadioGroup
	domain  app.Domain
	versie  *time.Time // the follow-up's version the form was filled from
	v       *PersonView
	Dialog  *dialog.FormDialog
	Problem *formProblem
}

func (v *PersonView) statusCorrectDialog(d app.Domain, h app.StatusChange) {
	f := &StatusCorrectForm{v: v, domain: d, versie: v.followupVersion(d), Problem: newFormProblem()}
	var labels []string
	for _, s := range app.FollowupStatuses() {
		labels = append(labels, followupStatusLabel(s))
	}
	f.Status = widget.NewRadioGroup(labels, nil)
	f.Status.SetSelected(followupStatusLabel(h.Naar))
	explain := wrapLabel(tf("Kies de status die u bedoelde. De wijziging van {{.T}} wordt daarmee verbeterd; er komt geen nieuwe wijziging bij.",
		"T", formatTime(h.Tijd)))
	items := []*widget.FormItem{
		widget.NewFormItem(T("Status"), f.Status),
		widget.NewFormItem("", explain),
		widget.NewFormItem("", f.Problem.text),
	}
	f.Dialog = dialog.NewForm(tf("Status corrigeren: {{.D}}", "D", lowerFirst(domainLabel(d))), T("Opslaan"), T("Cancel"), items, func(ok bool) {
		if ok {
			f.Submit()
		}
	}, v.win)
	f.Problem.attach(f.Dialog, v.win, nil, nil)
	f.Dialog.Resize(fyne.NewSize(460, 0))
	v.lastStatusCorrectForm = f
	f.Dialog.Show()
}

// Submit saves the corrected status; "nothing changed" keeps the form open.
func (f *StatusCorrectForm) Submit() {
	var st app.FollowupStatus
	for _, s := range app.FollowupStatuses() {
		if followupStatusLabel(s) == f.Status.Selected {
			st = s
		}
	}
	f.Problem.clear()
	v := f.v
	v.bg.run(func() {
		_, err := v.svc.CorrectStatus(v.ctx, v.id, f.domain, st, f.versie)
		fyne.Do(func() {
			if err != nil {
				if v.showChanged(f.Problem, err, &f.versie) {
					return
				}
				if !f.Problem.show(err) {
					showError(v.win, T("De status kon niet worden gecorrigeerd."), err)
				}
				return
			}
			v.notifyChanged()
			v.Reload()
		})
	})
}

// actionRow shows the planned action with buttons to change or remove it.
func (v *PersonView) actionRow(d app.Domain, fu app.Followup, text string) fyne.CanvasObject {
	return v.rowWithButtons(fields(T("Volgende actie"), text),
		rowButton(T("Wijzigen"), theme.DocumentCreateIcon(), func() { v.actionDialog(d, fu) }),
		rowButton(T("Verwijderen"), theme.DeleteIcon(), func() { v.confirmRemoveAction(d) }))
}

// confirmRemoveAction asks before the planned action is removed.
func (v *PersonView) confirmRemoveAction(d app.Domain) {
	versie := v.followupVersion(d)
	text := tf("De geplande actie voor {{.D}} wordt verwijderd. Dit kan niet ongedaan worden gemaakt.", "D", lowerFirst(domainLabel(d)))
	v.lastConfirm = confirmDialog(v.win, T("Actie verwijderen?"), text, T("Verwijderen"), func() {
		v.change(T("De actie kon niet worden verwijderd."), func() error {
			_, err := v.svc.RemoveAction(v.ctx, v.id, d, versie)
			return err
		})
	})
}

// reopenTraject asks, then reopens the closed traject.
func (v *PersonView) reopenTraject() {
	text := T("Het traject gaat weer in behandeling. De uitkomst en de datum van afsluiten vervallen, en daarmee de bewaartermijn die bij het afsluiten ging lopen.")
	v.lastConfirm = confirmDialog(v.win, T("Traject heropenen?"), text, T("Heropenen"), func() {
		v.change(T("Het traject kon niet worden heropend."), func() error { return v.svc.ReopenTraject(v.ctx, v.id) })
	})
}

// change runs a change in the background, then reloads the file and the lists; an
// error is shown with what could not be done.
func (v *PersonView) change(failed string, fn func() error) {
	v.bg.run(func() {
		err := fn()
		fyne.Do(func() {
			if errors.Is(err, app.ErrChangedUnderneath) {
				showNotice(v.win, T("Intussen gewijzigd"), wrapLabel(changedNothingText()))
				v.Reload()
				return
			}
			if err != nil {
				showError(v.win, failed, err)
				return
			}
			v.notifyChanged()
			v.Reload()
		})
	})
}
