package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/terugkeer/terugkeer/app"
)

func followupStatusLabel(s app.FollowupStatus) string { return T(s.Label()) }

func kanaalLabel(k app.Kanaal) string { return T(k.Label()) }

// followupBox shows a domain's follow-up and contacts with its three actions, with the
// basis it rests on; only where follow-up is allowed (see followupAllowed).
func (v *PersonView) followupBox(d app.Domain, df app.DomainFile) fyne.CanvasObject {
	if !followupAllowed(v.file, d) {
		return nil
	}
	fu := df.Opvolging
	status := fu.Status
	if status == "" {
		status = app.FollowupOpen
	}
	actie := ""
	if fu.Actie != "" {
		actie = app.Visible(fu.Actie) + " — " + formatDate(fu.Actiedatum)
	}
	items := []fyne.CanvasObject{
		widget.NewSeparator(),
		blockHeading(T("Opvolging door de gemeente"), followupBasis(df)),
		fields(T("Opvolging"), followupStatusLabel(status),
			T("Verantwoordelijke"), app.Visible(fu.Verantwoordelijke)),
	}
	if row := v.lastStatusRow(d, df); row != nil {
		items = append(items, row)
	}
	if actie != "" {
		items = append(items, v.actionRow(d, fu, actie))
	}
	items = append(items, v.contactList(df.Contacten)...)
	items = append(items, v.noteList(df.Aantekeningen)...)
	contact := widget.NewButtonWithIcon(T("Contact vastleggen"), theme.ContentAddIcon(), func() { v.contactDialog(d) })
	note := widget.NewButtonWithIcon(T("Aantekening maken"), theme.DocumentIcon(), func() { v.noteDialog(d, nil) })
	statusBtn := widget.NewButtonWithIcon(T("Status wijzigen"), theme.DocumentCreateIcon(), func() { v.statusDialog(d, fu) })
	plan := widget.NewButtonWithIcon(T("Actie plannen"), theme.HistoryIcon(), func() { v.actionDialog(d, fu) })
	// Two by two, so that the card fits a window of 800 pixels wide.
	items = append(items, container.NewHBox(container.NewGridWithColumns(2, contact, note, statusBtn, plan)))
	return container.NewVBox(items...)
}

// contactList shows contacts newest first, each with its buttons to correct or remove it.
func (v *PersonView) contactList(cs []app.ContactMoment) []fyne.CanvasObject {
	if len(cs) == 0 {
		return nil
	}
	out := []fyne.CanvasObject{widget.NewLabelWithStyle(T("Contacten"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	for i := len(cs) - 1; i >= 0; i-- {
		c := cs[i]
		line := join("  ·  ", formatTime(c.Tijd), kanaalLabel(c.Kanaal), app.Visible(c.Met))
		if c.Door != "" {
			line += "  (" + tf("vastgelegd door {{.Naam}}", "Naam", app.Visible(c.Door)) + ")"
		}
		out = append(out, v.rowWithButtons(wrapLabel(line),
			rowButton(T("Wijzigen"), theme.DocumentCreateIcon(), func() { v.correctContactDialog(c) }),
			rowButton(T("Verwijderen"), theme.DeleteIcon(), func() { v.confirmRemoveContact(c) })))
		if c.Notitie != "" {
			n := wrapLabel(app.VisibleText(c.Notitie))
			n.TextStyle = fyne.TextStyle{Italic: true}
			out = append(out, container.NewPadded(n))
		}
	}
	return out
}

// generalContacts shows the contacts that concern no single domain.
func (v *PersonView) generalContacts() fyne.CanvasObject {
	if v.file == nil || len(v.file.Contacten) == 0 {
		return nil
	}
	return container.NewVBox(append([]fyne.CanvasObject{heading(T("Algemene contacten"))}, v.contactList(v.file.Contacten)...)...)
}

// followupActions are the person-level follow-up buttons.
func (v *PersonView) followupActions() []fyne.CanvasObject {
	return []fyne.CanvasObject{
		widget.NewButtonWithIcon(T("Contact vastleggen"), theme.ContentAddIcon(), func() { v.contactDialog(app.DomainAlgemeen) }),
	}
}

// contactDomains are the domains a contact can be recorded for: algemeen, and every
// domain whose consent holds.
func (v *PersonView) contactDomains() []app.Domain {
	out := []app.Domain{app.DomainAlgemeen}
	if v.file == nil {
		return out
	}
	for _, d := range v.shownDomains() {
		if followupAllowed(v.file, d) {
			out = append(out, d)
		}
	}
	return out
}

func contactDomainLabel(d app.Domain) string {
	if d == app.DomainAlgemeen {
		return T("Algemeen")
	}
	return domainLabel(d)
}

// ContactForm is the "Contact vastleggen" dialog's form; tests fill it and call Submit.
type ContactForm struct {
	Domein  *widget.Select
	Kanaal  *widget.Select
	Met     *EscEntry
	Datum   *DateField
	Tijd    *EscEntry
	Notitie *EscEntry
	domains []app.Domain
	v       *PersonView
	Dialog  *dialog.FormDialog
	Problem *formProblem // why the last attempt could not be saved, inside the form
	// editing is the recorded contact the form corrects; nil for a new contact.
	editing *app.ContactMoment
}

func (v *PersonView) contactDialog(d app.Domain) { v.openContactForm(d, nil) }

// correctContactDialog opens the contact form filled with a recorded contact.
func (v *PersonView) correctContactDialog(c app.ContactMoment) { v.openContactForm(c.Domain, &c) }

// openContactForm opens the contact form, for a new contact of domain d or, with
// editing, to correct that contact.
func (v *PersonView) openContactForm(d app.Domain, editing *app.ContactMoment) {
	f := &ContactForm{v: v, domains: v.contactDomains(), Problem: newFormProblem(), editing: editing}
	var dl []string
	sel := 0
	for i, x := range f.domains {
		dl = append(dl, contactDomainLabel(x))
		if x == d {
			sel = i
		}
	}
	f.Domein = widget.NewSelect(dl, nil)
	f.Domein.SetSelectedIndex(sel)
	var kl []string
	for _, k := range app.Kanalen() {
		kl = append(kl, kanaalLabel(k))
	}
	f.Kanaal = widget.NewSelect(kl, nil)
	f.Kanaal.SetSelectedIndex(0)
	f.Met = NewEscEntry(nil)
	f.Met.SetPlaceHolder(T("bijvoorbeeld de persoon zelf, de woningcorporatie"))
	now := v.svc.Now().In(amsterdam)
	f.Datum = newDateField(v.today)
	f.Datum.Entry.SetText(now.Format("02-01-2006"))
	f.Tijd = NewEscEntry(nil)
	f.Tijd.SetText(now.Format("15:04"))
	f.Tijd.Validator = func(s string) error { _, err := parseClock(s); return err }
	f.Notitie = newEscMultiLineEntry()
	f.Notitie.SetPlaceHolder(T("Wat is besproken of afgesproken?"))
	f.Notitie.SetMinRowsVisible(4)
	f.Notitie.Wrapping = fyne.TextWrapWord
	title, confirmLabel := T("Contact vastleggen"), T("Vastleggen")
	if editing != nil {
		f.fill(*editing)
		title, confirmLabel = T("Contact wijzigen"), T("Opslaan")
	}
	items := []*widget.FormItem{
		widget.NewFormItem(T("Domein"), f.Domein),
		widget.NewFormItem(T("Kanaal"), f.Kanaal),
		widget.NewFormItem(T("Met"), f.Met),
		widget.NewFormItem(T("Datum"), f.Datum.Entry),
		widget.NewFormItem(T("Tijd"), f.Tijd),
		widget.NewFormItem(T("Notitie"), f.Notitie),
		widget.NewFormItem("", f.Problem.text),
	}
	f.Dialog = dialog.NewForm(title, confirmLabel, T("Cancel"), items, func(ok bool) {
		if ok {
			f.Submit()
		}
	}, v.win)
	f.Problem.attach(f.Dialog, v.win, f.Met, map[string]fyne.Focusable{
		app.FieldTijd: f.Tijd, app.FieldMet: f.Met, app.FieldNotitie: f.Notitie, app.FieldDatum: f.Datum.Entry,
	})
	formKeys(f.Dialog, f.Met, f.Datum.Entry, f.Tijd, f.Notitie)
	f.Dialog.Resize(fyne.NewSize(560, 0))
	v.lastContactForm = f
	v.showForm(f.Dialog, f.Met)
}

func parseClock(s string) (time.Duration, error) {
	t, err := time.Parse("15:04", strings.TrimSpace(s))
	if err != nil {
		return 0, errorf(T("Vul een tijd in als uu:mm, bijvoorbeeld 14:30."))
	}
	return time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute, nil
}

// Submit records the contact in the background.
func (f *ContactForm) Submit() {
	v := f.v
	f.Problem.clear()
	day, err := parseDutchDate(f.Datum.Entry.Text)
	if err != nil || day.IsZero() {
		f.Problem.show(uiInvalid(app.FieldDatum, errorf(T("Vul een datum in als dd-mm-jjjj, bijvoorbeeld 01-03-2026."))))
		return
	}
	clock, err := parseClock(f.Tijd.Text)
	if err != nil {
		f.Problem.show(uiInvalid(app.FieldTijd, err))
		return
	}
	dt := day.Time()
	when := time.Date(dt.Year(), dt.Month(), dt.Day(), 0, 0, 0, 0, amsterdam).Add(clock)
	c := app.ContactMoment{
		Domain:  f.domains[max(f.Domein.SelectedIndex(), 0)],
		Tijd:    when,
		Kanaal:  app.Kanalen()[max(f.Kanaal.SelectedIndex(), 0)],
		Met:     f.Met.Text,
		Notitie: f.Notitie.Text,
	}
	v.bg.run(func() {
		var err error
		if f.editing != nil {
			_, err = v.svc.CorrectContact(v.ctx, v.id, f.editing.ID, app.ContactEdit{Domain: &c.Domain, Tijd: &c.Tijd,
				Kanaal: &c.Kanaal, Met: &c.Met, Notitie: &c.Notitie})
		} else {
			_, err = v.svc.AddContact(v.ctx, v.id, c)
		}
		fyne.Do(func() {
			if err != nil {
				if !f.Problem.show(err) {
					showError(v.win, T("Het contact kon niet worden vastgelegd."), err)
				}
				return
			}
			v.notifyChanged()
			v.Reload()
		})
	})
}

// StatusForm is the "Status wijzigen" dialog's form. The verantwoordelijke is
// Verantwoordelijke on a local file (type a name or pick a known one) and Teamlid on the
// team database (a choice of the team's colleagues); the other is nil.
type StatusForm struct {
	Status            *widget.RadioGroup
	Verantwoordelijke *ResponsibleEntry
	Teamlid           *ResponsibleSelect
	responsible       responsibleField
	domain            app.Domain
	versie            *time.Time // the follow-up's version the form was filled from
	v                 *PersonView
	Dialog            *dialog.FormDialog
	Problem           *formProblem
}

func (v *PersonView) statusDialog(d app.Domain, fu app.Followup) {
	f := &StatusForm{v: v, domain: d, versie: fu.Version(), Problem: newFormProblem()}
	var labels []string
	for _, s := range app.FollowupStatuses() {
		labels = append(labels, followupStatusLabel(s))
	}
	f.Status = widget.NewRadioGroup(labels, nil)
	cur := fu.Status
	if cur == "" {
		cur = app.FollowupOpen
	}
	f.Status.SetSelected(followupStatusLabel(cur))
	f.responsible = v.newResponsibleField(fu.Verantwoordelijke)
	f.Verantwoordelijke, f.Teamlid = f.responsible.entry, f.responsible.choice
	items := []*widget.FormItem{
		widget.NewFormItem(T("Status"), f.Status),
		widget.NewFormItem(T("Verantwoordelijke"), f.responsible.canvasObject()),
		widget.NewFormItem("", f.Problem.text),
	}
	f.Dialog = dialog.NewForm(tf("Status wijzigen: {{.D}}", "D", lowerFirst(domainLabel(d))), T("Opslaan"), T("Cancel"), items, func(ok bool) {
		if ok {
			f.Submit()
		}
	}, v.win)
	f.Problem.attach(f.Dialog, v.win, f.responsible.widget(), map[string]fyne.Focusable{
		app.FieldVerantwoordelijke: f.responsible.widget(),
	})
	f.responsible.keys(f.Dialog)
	f.Dialog.Resize(fyne.NewSize(460, 0))
	v.lastStatusForm = f
	v.showForm(f.Dialog, f.responsible.widget())
}

// Submit saves the status and responsible colleague.
func (f *StatusForm) Submit() {
	var st app.FollowupStatus
	for _, s := range app.FollowupStatuses() {
		if followupStatusLabel(s) == f.Status.Selected {
			st = s
		}
	}
	name := f.responsible.name()
	f.Problem.clear()
	f.v.saveFollowup(f.domain, app.FollowupEdit{Status: st, Verantwoordelijke: &name, Versie: f.versie}, f.Problem, &f.versie)
}

// ActionForm is the "Actie plannen" dialog's form.
type ActionForm struct {
	Actie   *EscEntry
	Datum   *DateField
	domain  app.Domain
	versie  *time.Time // the follow-up's version the form was filled from
	v       *PersonView
	Dialog  *dialog.FormDialog
	Problem *formProblem
}

func (v *PersonView) actionDialog(d app.Domain, fu app.Followup) {
	f := &ActionForm{v: v, domain: d, versie: fu.Version(), Problem: newFormProblem()}
	f.Actie = NewEscEntry(nil)
	f.Actie.SetText(fu.Actie)
	f.Actie.SetPlaceHolder(T("bijvoorbeeld: woningcorporatie bellen"))
	f.Datum = newDateField(v.today)
	if !fu.Actiedatum.IsZero() {
		f.Datum.Entry.SetText(formatDate(fu.Actiedatum))
	} else {
		f.Datum.Entry.SetText(formatDate(v.today().AddDays(7)))
	}
	hint := wrapLabel(T("Laat beide velden leeg om de geplande actie te wissen."))
	items := []*widget.FormItem{
		widget.NewFormItem(T("Actie"), f.Actie),
		widget.NewFormItem(T("Datum (dd-mm-jjjj)"), f.Datum.Entry),
		widget.NewFormItem("", hint),
		widget.NewFormItem("", f.Problem.text),
	}
	f.Dialog = dialog.NewForm(tf("Actie plannen: {{.D}}", "D", lowerFirst(domainLabel(d))), T("Opslaan"), T("Cancel"), items, func(ok bool) {
		if ok {
			f.Submit()
		}
	}, v.win)
	f.Problem.attach(f.Dialog, v.win, f.Actie, map[string]fyne.Focusable{
		app.FieldActie: f.Actie, app.FieldActiedatum: f.Datum.Entry,
	})
	formKeys(f.Dialog, f.Actie, f.Datum.Entry)
	f.Dialog.Resize(fyne.NewSize(480, 0))
	v.lastActionForm = f
	v.showForm(f.Dialog, f.Actie)
}

// Submit saves (or clears) the next action.
func (f *ActionForm) Submit() {
	f.Problem.clear()
	day, err := parseDutchDate(strings.TrimSpace(f.Datum.Entry.Text))
	if err != nil {
		f.Problem.show(uiInvalid(app.FieldActiedatum, err))
		return
	}
	a := app.NextAction{Tekst: f.Actie.Text, Datum: day}
	if f.Problem.show(a.Check()) {
		return
	}
	f.v.saveFollowup(f.domain, app.FollowupEdit{Actie: &a, Versie: f.versie}, f.Problem, &f.versie)
}

// saveFollowup saves in the background; a reason the user can correct goes back into
// the form (p), and so does a colleague's change meanwhile (versie then moves to it);
// anything else goes into an error dialog.
func (v *PersonView) saveFollowup(d app.Domain, e app.FollowupEdit, p *formProblem, versie **time.Time) {
	v.bg.run(func() {
		_, err := v.svc.SetFollowup(v.ctx, v.id, d, e)
		fyne.Do(func() {
			if err != nil {
				if v.showChanged(p, err, versie) {
					return
				}
				if !p.show(err) {
					showError(v.win, T("De opvolging kon niet worden opgeslagen."), err)
				}
				return
			}
			v.notifyChanged()
			v.Reload()
		})
	})
}
