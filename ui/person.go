package ui

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/terugkeer/terugkeer/app"
)

// PersonView is one person's file: detention, consent and content per domain, the DJI
// casemanager, follow-up and the timeline of received messages, with the actions a
// casemanager takes on it.
type PersonView struct {
	svc     PersonService
	win     fyne.Window
	ctx     context.Context
	bg      *tasks
	id      int64
	onBack  func()
	changed func() // the person changed or was removed: lists must reload
	pdf     PDFWriter
	openURL func(*url.URL) error // hands a saved PDF to the system viewer
	folders *pdfFolders          // where the PDF dialog starts; the shell's, shared by every person

	file *app.PersonFile // nil until loaded; Fyne goroutine only

	// The forms of the last dialogs opened, so headless tests can fill and submit them.
	lastContactForm *ContactForm
	lastStatusForm  *StatusForm
	lastActionForm  *ActionForm
	lastCloseForm   *CloseForm
	// lastStatusCorrectForm and lastConfirm: the last "Status corrigeren" form and the
	// last confirmation asked (removing a contact, status change or action, reopening).
	lastStatusCorrectForm *StatusCorrectForm
	lastNoteForm          *NoteForm
	lastConfirm           *dialog.ConfirmDialog
	decision              *dialog.ConfirmDialog // the last controle decision asked

	// scrollTo is a domain whose card the next render scrolls to (ScrollToDomain); cards
	// holds the rendered card of every domain.
	scrollTo app.Domain
	cards    map[app.Domain]fyne.CanvasObject

	// "Wie heeft dit dossier ingezien" (person_access.go): access holds the entries shown
	// (newest first; nil while the section is closed), accessCount their count.
	access      []app.AuditEntry
	accessCount *widget.Label
	accessOpen  bool
	accessBox   *fyne.Container
	accessBtn   *widget.Button

	title   *widget.Label
	body    *fyne.Container
	pdfBtn  *widget.Button
	scroll  *container.Scroll
	content fyne.CanvasObject
}

// NewPersonView shows person id and loads their file in the background.
func NewPersonView(ctx context.Context, svc PersonService, win fyne.Window, bg *tasks, pdf PDFWriter, id int64, onBack, changed func()) *PersonView {
	v := &PersonView{svc: svc, win: win, ctx: ctx, bg: bg, pdf: pdf, openURL: systemOpen, id: id, onBack: onBack, changed: changed}
	back := widget.NewButtonWithIcon(T("Terug (Esc)"), theme.NavigateBackIcon(), func() {
		if v.onBack != nil {
			v.onBack()
		}
	})
	v.title = widget.NewLabelWithStyle(T("Laden…"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.title.SizeName = theme.SizeNameSubHeadingText
	v.title.Truncation = fyne.TextTruncateEllipsis
	v.pdfBtn = widget.NewButtonWithIcon(T("PDF maken (Ctrl+P)"), theme.DocumentPrintIcon(), v.MakePDF)
	v.pdfBtn.Importance = widget.HighImportance
	v.pdfBtn.Disable()
	v.body = container.NewVBox()
	top := container.NewBorder(nil, nil, back, v.pdfBtn, v.title)
	v.scroll = container.NewVScroll(container.NewPadded(v.body))
	v.content = container.NewBorder(top, nil, nil, nil, v.scroll)
	v.Reload()
	return v
}

// Content is the view's canvas object.
func (v *PersonView) Content() fyne.CanvasObject { return v.content }

// ID is the person shown.
func (v *PersonView) ID() int64 { return v.id }

// Reload reads the person's file again.
func (v *PersonView) Reload() {
	v.bg.run(func() {
		f, err := v.svc.PersonFile(v.ctx, v.id)
		fyne.Do(func() {
			if err != nil {
				if errors.Is(err, app.ErrNotFound) {
					v.gone()
					return
				}
				showError(v.win, T("Het dossier van deze persoon kon niet worden gelezen."), err)
				return
			}
			v.file = f
			v.render()
		})
	})
}

// gone shows that the person no longer exists (removed here, by a colleague, or by
// retention).
func (v *PersonView) gone() {
	v.title.SetText(T("Deze persoon bestaat niet meer."))
	v.body.RemoveAll()
	v.body.Add(widget.NewLabel(T("De persoon is verwijderd, bijvoorbeeld na afloop van de bewaartermijn. Ga terug naar de lijst.")))
	v.pdfBtn.Disable()
}

func heading(s string) *widget.Label {
	l := widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

func wrapLabel(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// field is a "Label: value" line in a form-like grid.
func fields(pairs ...string) fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i+1] == "" {
			continue
		}
		k := widget.NewLabelWithStyle(pairs[i], fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		val := widget.NewLabel(pairs[i+1])
		val.Wrapping = fyne.TextWrapWord
		val.Selectable = true
		objs = append(objs, k, val)
	}
	return container.New(formLayout(), objs...)
}

// render builds the body from v.file. Fyne goroutine only.
func (v *PersonView) render() {
	f := v.file
	today := todayOf(v.svc.Now())
	v.title.SetText(app.Visible(f.Person.FullName()))
	v.pdfBtn.Enable()
	v.body.RemoveAll()

	// Header: identity, detention, traject.
	idPairs := []string{
		T("Geboortedatum"), formatDate(f.Person.Geboortedatum),
		T("BSN"), f.Person.BSN,
		T("SKN"), f.Person.SKN,
		T("Traject"), trajectLabel(f.Traject),
	}
	if d, ok := f.LatestDetention(); ok {
		eind := T("onbekend")
		if !d.Einddatum.IsZero() {
			eind = formatDate(d.Einddatum) + " (" + statusLabel(d.EinddatumStatus) + ") — " + daysText(today.DaysUntil(d.Einddatum))
		}
		idPairs = append(idPairs,
			T("Inrichting"), app.Visible(d.Inrichting),
			T("Begindatum"), formatDate(d.Begindatum),
			T("Einddatum"), eind,
			T("Grondslag detentie"), meldingBasis())
	}
	if f.Person.ControleNodig {
		warn := widget.NewLabelWithStyle(T("Controle nodig: er kwam een bericht met hetzelfde BSN maar een andere geboortedatum, of een intrekking die ook een onbekend domein noemt. Controleer de gegevens bij de DJI."),
			fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		warn.Wrapping = fyne.TextWrapWord
		warn.Importance = widget.WarningImportance
		v.body.Add(warn)
	}
	v.body.Add(fields(idPairs...))
	if cs := v.controleSection(); cs != nil {
		v.body.Add(cs)
	}
	if ps := v.planSummary(); ps != nil {
		v.body.Add(ps)
	}
	v.body.Add(v.actions())

	// DJI casemanager.
	if cm := f.Person.Casemanager; cm != (app.Contact{}) {
		v.body.Add(heading(T("Casemanager DJI")))
		v.body.Add(fields(T("Naam"), app.Visible(cm.Naam), T("Telefoon"), app.Visible(cm.Telefoon), T("E-mail"), app.Visible(cm.Email)))
	}

	// Domains: per leefgebied the plan and the informatieblad, each under its basis.
	v.body.Add(heading(T("Basisvoorwaarden en leefgebieden")))
	v.cards = map[app.Domain]fyne.CanvasObject{}
	for _, d := range v.shownDomains() {
		c := v.domainCard(d, f.Domeinen[d])
		v.cards[d] = c
		v.body.Add(c)
	}

	if pg := v.planGeneral(); len(f.Algemeen) > 0 || pg != nil {
		v.body.Add(heading(T("Contact na detentie")))
		if pg != nil {
			v.body.Add(pg)
		}
		if len(f.Algemeen) > 0 {
			v.body.Add(blockHeading(T("Informatieblad"), T("toestemming")))
			v.body.Add(answersBox(f.Algemeen))
		}
	}
	if extra := v.generalContacts(); extra != nil {
		v.body.Add(extra)
	}

	// Timeline.
	v.body.Add(heading(T("Ontvangen berichten")))
	if len(f.Berichten) == 0 {
		v.body.Add(widget.NewLabel(T("Geen berichten.")))
	}
	for i := len(f.Berichten) - 1; i >= 0; i-- {
		m := f.Berichten[i]
		v.body.Add(widget.NewLabel(formatDay(m.Verzonden) + "  ·  " + kindLabel(m.Soort)))
	}
	v.body.Add(v.accessSection())
	v.body.Refresh()
	if v.scrollTo != "" {
		v.scrollLater()
	}
}

// ScrollToDomain scrolls the file to the card of domain d once the file is loaded and
// laid out (used for screenshots and demos: "Persoon:<zoektekst>:<domein>").
func (v *PersonView) ScrollToDomain(d app.Domain) {
	v.scrollTo = d
	if v.file != nil {
		v.scrollLater()
	}
}

// scrollLater scrolls to v.scrollTo after the window has laid the file out: before
// that the card has no position and the scroll container resets any offset.
func (v *PersonView) scrollLater() {
	go func() {
		time.Sleep(300 * time.Millisecond)
		fyne.Do(func() {
			if c, ok := v.cards[v.scrollTo]; ok {
				v.scroll.ScrollToOffset(fyne.NewPos(0, c.Position().Y+theme.Padding()))
			}
		})
	}()
}

// answersBox lists answers as question, answer and toelichting.
func answersBox(as []app.Answer) fyne.CanvasObject {
	var pairs []string
	for _, a := range as {
		q := a.Code
		if t, ok := app.TopicByCode(a.Code); ok {
			q = t.Question
		}
		ans := app.Visible(app.AnswerLabel(a.Antwoord))
		if ans == "" {
			ans = "—"
		}
		if a.Toelichting != "" {
			ans += "\n" + T("Toelichting:") + " " + app.VisibleText(a.Toelichting)
		}
		pairs = append(pairs, q, ans)
	}
	return fields(pairs...)
}

// domainCard is one domain: the plan's leefgebied and the informatieblad's data, each
// under its own basis and apart, then the follow-up.
func (v *PersonView) domainCard(d app.Domain, df app.DomainFile) fyne.CanvasObject {
	var items []fyne.CanvasObject
	pb := planBlock(v.file.Plan, d)
	if pb != nil {
		items = append(items, pb)
	}
	if sb := sheetBlock(d, df); sb != nil {
		if pb != nil {
			items = append(items, widget.NewSeparator())
		}
		items = append(items, sb)
	}
	if fu := v.followupBox(d, df); fu != nil {
		items = append(items, fu)
	}
	return widget.NewCard(domainLabel(d), "", container.NewVBox(items...))
}

// actions are the buttons for the whole person: "Traject afsluiten" while the traject
// runs, "Traject heropenen" in its place once it is closed (to change the outcome,
// reopen and close again).
func (v *PersonView) actions() fyne.CanvasObject {
	removeBtn := widget.NewButtonWithIcon(T("Persoon verwijderen"), theme.DeleteIcon(), v.removePerson)
	removeBtn.Importance = widget.DangerImportance
	objs := v.followupActions()
	if v.file != nil && v.file.Traject.Status == app.Afgesloten {
		objs = append(objs, widget.NewButtonWithIcon(T("Traject heropenen"), theme.ViewRefreshIcon(), v.reopenTraject))
	} else {
		objs = append(objs, widget.NewButtonWithIcon(T("Traject afsluiten"), theme.ConfirmIcon(), v.closeTraject))
	}
	objs = append(objs, removeBtn)
	return container.NewHBox(objs...)
}

// CloseForm is the "Traject afsluiten" dialog's form; tests fill it and submit or cancel.
type CloseForm struct {
	Uitkomst *widget.RadioGroup
	Datum    *DateField
	Dialog   *dialog.FormDialog
}

// closeTraject asks for the outcome and date, then closes the person's traject.
func (v *PersonView) closeTraject() {
	f := &CloseForm{Datum: newDateField(v.today)}
	choice := newRequiredChoice([]string{T("met maatregelen"), T("zonder maatregelen")})
	f.Uitkomst = choice.Radio // the confirm button and Enter wait for a choice
	f.Datum.Entry.SetText(formatDate(v.today()))
	explain := wrapLabel(T("Na het afsluiten gaat de bewaartermijn lopen: 9 maanden zonder maatregelen, 5 jaar met maatregelen. Daarna wordt het dossier automatisch verwijderd."))
	items := []*widget.FormItem{
		widget.NewFormItem(T("Uitkomst"), choice),
		widget.NewFormItem(T("Datum (dd-mm-jjjj)"), f.Datum.Entry),
		widget.NewFormItem("", explain),
	}
	f.Dialog = dialog.NewForm(T("Traject afsluiten"), T("Afsluiten"), T("Cancel"), items, func(ok bool) {
		if ok {
			f.submit(v)
		}
	}, v.win)
	formKeys(f.Dialog, f.Datum.Entry)
	f.Dialog.Resize(fyne.NewSize(520, 0))
	v.lastCloseForm = f
	v.showForm(f.Dialog, f.Datum.Entry)
}

func (f *CloseForm) submit(v *PersonView) {
	u, ok := closeOutcome(f.Uitkomst.Selected)
	if !ok {
		return
	}
	on, _ := parseDutchDate(f.Datum.Entry.Text)
	v.CloseTraject(u, on)
}

// showForm shows a form dialog with the cursor in its first text field, so Esc closes it
// straight away.
func (v *PersonView) showForm(d dialog.Dialog, first fyne.Focusable) {
	d.Show()
	if c := v.win.Canvas(); c != nil {
		c.Focus(first)
	}
}

// today is the Amsterdam calendar date of the service's clock.
func (v *PersonView) today() app.Date { return todayOf(v.svc.Now()) }

// CloseTraject closes the traject in the background and reloads the file.
func (v *PersonView) CloseTraject(u app.Uitkomst, on app.Date) {
	v.bg.run(func() {
		err := v.svc.CloseTraject(v.ctx, v.id, u, on)
		fyne.Do(func() {
			if err != nil {
				showError(v.win, T("Het traject kon niet worden afgesloten."), err)
				return
			}
			v.notifyChanged()
			v.Reload()
		})
	})
}

func (v *PersonView) notifyChanged() {
	if v.changed != nil {
		v.changed()
	}
}

// removePerson asks for confirmation and removes the person for good.
func (v *PersonView) removePerson() {
	if v.file == nil {
		return
	}
	name := app.Visible(v.file.Person.FullName())
	text := tf("Alles wat Terugkeer over {{.Naam}} bewaart wordt definitief verwijderd: de detenties, de antwoorden en hulpvragen per domein, de opvolging en de contacten. Dit kan niet ongedaan worden gemaakt.", "Naam", name)
	confirm(v.win, T("Persoon verwijderen?"), text, T("Verwijderen"), func() {
		v.bg.run(func() {
			err := v.svc.RemovePerson(v.ctx, v.id)
			fyne.Do(func() {
				if err != nil {
					showError(v.win, T("De persoon kon niet worden verwijderd."), err)
					return
				}
				v.notifyChanged()
				if v.onBack != nil {
					v.onBack()
				}
			})
		})
	})
}

// join is strings.Join without empty parts.
func join(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}
