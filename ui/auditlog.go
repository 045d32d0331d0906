package ui

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/terugkeer/terugkeer/app"
)

// maxAuditRows bounds how many entries the Logboek shows at once.
const maxAuditRows = 5000

var auditActions = []string{"", app.ActieImport, app.ActieInzage, app.ActieWijziging, app.ActieExport,
	app.ActiePurge, app.ActieBewaring, app.ActieQuarantaine, app.ActieInstelling, app.ActieVerplaatsing, app.ActieControle}

var auditPeriods = []int{1, 7, 30, 365, 0} // days back; 0 is everything

// auditColumns are the Logboek's columns with their minimum widths; each grows to its
// widest shown cell (fitColumns), so nothing is cut off.
var auditColumns = []struct {
	title string
	width float32
}{
	{"Tijd", 140}, {"Actie", 110}, {"Betreft", 200}, {"Resultaat", 140},
	{"Grondslag", 100}, {"Door", 110}, {"Bron", 120}, {"Domeinen", 120}, {"Aantal", 60},
}

// The columns that auditCell fills.
const (
	colTijd = iota
	colActie
	colBetreft
	colResultaat
	colGrondslag
	colDoor
	colBron
	colDomeinen
	colAantal
)

// AuditView is the Logboek: the verwerkingen, filterable, with the chain check.
type AuditView struct {
	svc AuditService
	win fyne.Window
	ctx context.Context
	bg  *tasks

	Entries []app.AuditEntry          // newest first; Fyne goroutine only
	Persons map[int64]app.AuditPerson // names for the entries' person numbers
	open    func(id int64)            // opens a person's file; nil: not offered
	actie   *widget.Select
	period  *widget.Select
	object  *EscEntry
	table   *widget.Table
	count   *widget.Label
	check   *widget.Button
	Check   *widget.Label // outcome of the last chain check
	content fyne.CanvasObject
	gen     int
}

// NewAuditView builds the Logboek screen.
func NewAuditView(ctx context.Context, svc AuditService, win fyne.Window, bg *tasks, open func(id int64)) *AuditView {
	v := &AuditView{svc: svc, win: win, ctx: ctx, bg: bg, open: open}
	title := widget.NewLabelWithStyle(T("Logboek"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	acts := []string{T("Alle acties")}
	for _, a := range auditActions[1:] {
		acts = append(acts, auditActieLabel(a))
	}
	v.actie = widget.NewSelect(acts, func(string) { v.Reload() })
	v.actie.SetSelectedIndex(0)
	var periods []string
	for _, d := range auditPeriods {
		switch d {
		case 0:
			periods = append(periods, T("Alles"))
		case 1:
			periods = append(periods, T("Vandaag"))
		default:
			periods = append(periods, tf("Afgelopen {{.N}} dagen", "N", d))
		}
	}
	v.period = widget.NewSelect(periods, func(string) { v.Reload() })
	v.period.SetSelectedIndex(2)
	v.object = NewEscEntry(nil)
	v.object.SetPlaceHolder(T("Persoon: naam, BSN of nummer"))
	v.object.OnChanged = func(string) { v.Reload() }
	v.object.OnSubmitted = func(string) { v.Reload() }
	v.count = widget.NewLabel("")
	v.Check = widget.NewLabel("")
	v.Check.Wrapping = fyne.TextWrapWord
	v.check = widget.NewButtonWithIcon(T("Keten controleren"), theme.ConfirmIcon(), v.VerifyChain)
	v.table = widget.NewTableWithHeaders(func() (int, int) { return len(v.Entries), len(auditColumns) }, newCell,
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Row < len(v.Entries) {
				o.(*widget.Label).SetText(v.cell(v.Entries[id.Row], id.Col))
			}
		})
	v.table.ShowHeaderColumn = false
	v.table.CreateHeader = newHeader
	v.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(auditColumns) {
			o.(*widget.Label).SetText(T(auditColumns[id.Col].title))
		}
	}
	for i, c := range auditColumns {
		v.table.SetColumnWidth(i, c.width)
	}
	v.table.OnSelected = v.selected
	explain := wrapLabel(T("Het logboek legt elke verwerking vast zonder persoonsgegevens: personen staan er met hun nummer in; de naam ernaast komt uit het dossier zolang dat bestaat. Elke regel is met de vorige verbonden, zodat achteraf wijzigen opvalt."))
	filters := container.NewBorder(nil, nil, container.NewHBox(v.period, v.actie), v.check, v.object)
	top := container.NewVBox(container.NewBorder(nil, nil, title, nil, v.count), explain, filters, v.Check)
	v.content = container.NewBorder(top, nil, nil, nil, v.table)
	return v
}

// Content is the view's canvas object.
func (v *AuditView) Content() fyne.CanvasObject { return v.content }

// cell is the text of one Logboek cell: Dutch labels for the codes, a person by name and
// masked BSN (or "verwijderde persoon" once the file is gone) beside the number.
func (v *AuditView) cell(e app.AuditEntry, col int) string {
	switch col {
	case colTijd:
		return formatTime(e.Tijd)
	case colActie:
		return auditActieLabel(e.Actie)
	case colBetreft:
		return v.betreft(e)
	case colResultaat:
		return auditResultLabel(e.Resultaat)
	case colGrondslag:
		return e.Grondslag
	case colDoor:
		return app.Visible(e.Actor)
	case colBron:
		return app.Visible(e.Bron)
	case colDomeinen:
		var ds []string
		for _, d := range e.Domeinen {
			ds = append(ds, lowerFirst(domainLabel(d)))
		}
		return strings.Join(ds, ", ")
	case colAantal:
		if e.Aantal == 0 {
			return ""
		}
		return strconv.Itoa(e.Aantal)
	}
	return ""
}

func (v *AuditView) betreft(e app.AuditEntry) string {
	if !aboutPerson(e) {
		label := auditObjectLabel(e.Object)
		if e.ObjectID != 0 {
			label += " " + strconv.FormatInt(e.ObjectID, 10)
		}
		return label
	}
	who := tf("verwijderde persoon (nr. {{.N}})", "N", e.ObjectID)
	if p, ok := v.Persons[e.ObjectID]; ok {
		who = app.Visible(p.Naam)
		if p.BSN != "" { // else a person known by SKN only (e.g. "andere persoon" of a controle)
			who += " (" + p.BSN + ")"
		}
	}
	if e.Object == app.ObjectTraject {
		return tf("traject van {{.P}}", "P", who)
	}
	return who
}

// aboutPerson reports whether an entry is about a person's file: the person itself, or
// the person's traject (whose ObjectID is the person's).
func aboutPerson(e app.AuditEntry) bool {
	return e.ObjectID != 0 && (e.Object == app.ObjectPersoon || e.Object == app.ObjectTraject)
}

// selected opens the person a row is about, when the file still exists.
func (v *AuditView) selected(id widget.TableCellID) {
	v.table.UnselectAll()
	if id.Row < 0 || id.Row >= len(v.Entries) || v.open == nil {
		return
	}
	e := v.Entries[id.Row]
	if _, ok := v.Persons[e.ObjectID]; ok && aboutPerson(e) {
		v.open(e.ObjectID)
	}
}

func (v *AuditView) filter() app.AuditFilter {
	f := app.AuditFilter{}
	if i := v.actie.SelectedIndex(); i > 0 {
		f.Actie = auditActions[i]
	}
	if i := v.period.SelectedIndex(); i >= 0 && auditPeriods[i] > 0 {
		now := v.svc.Now().In(amsterdam)
		start := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, amsterdam)
		f.Van = start.AddDate(0, 0, 1-auditPeriods[i])
	}
	if n, err := strconv.ParseInt(strings.TrimSpace(v.object.Text), 10, 64); err == nil && n < 100000000 {
		f.ObjectID = n // a person's number; nine digits are a BSN, searched by name below
	}
	return f
}

// personSearch is the person part of the filter: a name or BSN typed in the field (a
// number is the filter's ObjectID instead); "" when the field holds none.
func (v *AuditView) personSearch() string {
	q := strings.TrimSpace(v.object.Text)
	if n, err := strconv.ParseInt(q, 10, 64); err == nil && n < 100000000 {
		return ""
	}
	return q
}

// readLog reads the entries for f, keeps those about the persons matching search (when
// given), and names the persons they are about.
func (v *AuditView) readLog(f app.AuditFilter, search string) ([]app.AuditEntry, map[int64]app.AuditPerson, error) {
	entries, err := v.svc.AuditLog(v.ctx, f)
	if err != nil {
		return nil, nil, err
	}
	if search != "" {
		rows, err := v.svc.Persons(v.ctx, app.PersonQuery{Zoek: search, Limit: 200})
		if err != nil {
			return nil, nil, err
		}
		match := map[int64]bool{}
		for _, r := range rows {
			match[r.ID] = true
		}
		entries = slices.DeleteFunc(entries, func(e app.AuditEntry) bool {
			return !aboutPerson(e) || !match[e.ObjectID]
		})
	}
	var ids []int64
	for _, e := range entries {
		if aboutPerson(e) {
			ids = append(ids, e.ObjectID)
		}
	}
	persons, err := v.svc.AuditPersons(v.ctx, ids)
	return entries, persons, err
}

// fitColumns widens every column to its widest shown cell (the first rows, enough for
// a screenful and more), so that no value is cut off; the table scrolls sideways.
func (v *AuditView) fitColumns() {
	const sample = 300
	style := fyne.TextStyle{}
	size := theme.TextSize()
	pad := 2*theme.Padding() + 8
	for c, col := range auditColumns {
		w := max(col.width, fyne.MeasureText(T(col.title), size, fyne.TextStyle{Bold: true}).Width+pad)
		for r := 0; r < len(v.Entries) && r < sample; r++ {
			w = max(w, fyne.MeasureText(v.cell(v.Entries[r], c), size, style).Width+pad)
		}
		v.table.SetColumnWidth(c, w)
	}
}

// Reload reads the log with the current filter.
func (v *AuditView) Reload() {
	if v.period == nil || v.actie == nil || v.object == nil || v.table == nil {
		return
	}
	v.gen++
	gen, f, search := v.gen, v.filter(), v.personSearch()
	v.bg.run(func() {
		entries, persons, err := v.readLog(f, search)
		fyne.Do(func() {
			if gen != v.gen {
				return
			}
			if err != nil {
				showError(v.win, T("Het logboek kon niet worden gelezen."), err)
				return
			}
			slices.Reverse(entries)
			total := len(entries)
			if len(entries) > maxAuditRows {
				entries = entries[:maxAuditRows]
			}
			v.Entries, v.Persons = entries, persons
			v.fitColumns()
			if total > maxAuditRows {
				v.count.SetText(tf("de nieuwste {{.N}} van {{.T}} regels; verfijn het filter", "N", maxAuditRows, "T", total))
			} else {
				v.count.SetText(plural(total, "{{.N}} regel", "{{.N}} regels"))
			}
			v.table.Refresh()
		})
	})
}

// VerifyChain checks the whole hash chain in the background.
func (v *AuditView) VerifyChain() {
	v.check.Disable()
	v.Check.SetText(T("Bezig met controleren…"))
	v.bg.run(func() {
		c, err := v.svc.VerifyAudit(v.ctx)
		fyne.Do(func() {
			v.check.Enable()
			if err != nil {
				v.Check.SetText("")
				showError(v.win, T("Het logboek kon niet worden gecontroleerd."), err)
				return
			}
			if c.Intact {
				v.Check.Importance = widget.SuccessImportance
				v.Check.SetText(plural(c.Entries, "De keten is intact: {{.N}} regel gecontroleerd.", "De keten is intact: {{.N}} regels gecontroleerd."))
				return
			}
			v.Check.Importance = widget.DangerImportance
			msg := auditProblem(c)
			v.Check.SetText(msg)
			showInformation(v.win, T("Logboek niet intact"), msg)
		})
	})
}

// auditActieLabel is an action code as the Logboek shows it.
func auditActieLabel(a string) string {
	switch a {
	case app.ActieImport:
		return T("import")
	case app.ActieInzage:
		return T("inzage")
	case app.ActieWijziging:
		return T("wijziging")
	case app.ActieExport:
		return T("afdruk of export")
	case app.ActiePurge:
		return T("gegevens vernietigd")
	case app.ActieBewaring:
		return T("bewaartermijn")
	case app.ActieQuarantaine:
		return T("quarantaine")
	case app.ActieInstelling:
		return T("instelling")
	case app.ActieVerplaatsing:
		return T("database verplaatst")
	case app.ActieControle:
		return T("controle")
	}
	return app.Visible(a)
}

// auditObjectLabel is an object code ("bericht", "rapport") as the Logboek shows it.
func auditObjectLabel(o string) string {
	switch o {
	case app.ObjectPersoon:
		return T("persoon")
	case "bericht":
		return T("bericht")
	case "quarantaine":
		return T("quarantaine")
	case "rapport":
		return T("vrijlatingenlijst")
	case "instelling":
		return T("instelling")
	case "logboek":
		return T("logboek")
	case "toestemmingsregister":
		return T("toestemmingsregister")
	case "database":
		return T("database")
	case app.ObjectControle:
		return T("bericht voor controle")
	}
	return app.Visible(o)
}

// auditResultLabel is a result code as the Logboek shows it; a code it does not know yet
// is shown as it is.
func auditResultLabel(r string) string {
	if key, ok := strings.CutPrefix(r, "vernietigd:"); ok {
		return tf("vernietigd (bewaartermijn {{.T}})", "T", lowerFirst(termLabel(key)))
	}
	switch r {
	case "ok":
		return T("gelukt")
	case string(app.Geimporteerd):
		return T("geïmporteerd")
	case string(app.Dubbel):
		return T("dubbel")
	case string(app.Quarantaine):
		return T("in quarantaine")
	case string(app.GeenBericht):
		return T("zonder bericht")
	case "opnieuw-geimporteerd":
		return T("opnieuw geïmporteerd")
	case "verwijderd":
		return T("verwijderd")
	case "verwijderd-regel-6":
		return T("verwijderd (geen grondslag meer, regel 6)")
	case "vernietigd":
		return T("vernietigd")
	case "gewijzigd":
		return T("gewijzigd")
	case "gewist":
		return T("gewist")
	case app.ResultaatIntrekkingQuarantaine:
		return T("gewist uit de quarantaine (intrekking)")
	case app.ResultaatWachtOpControle:
		return T("ontvangen, wacht op controle")
	case app.ResultaatZelfdePersoon:
		return T("zelfde persoon: toegepast")
	case app.ResultaatAnderePersoon:
		return T("andere persoon: eigen dossier")
	case app.ResultaatAnderQuarantaine:
		return T("andere persoon: naar de quarantaine (geen eigen SKN)")
	case app.ResultaatControleGewist:
		return T("gewist uit de controle (intrekking)")
	case "mislukt":
		return T("mislukt")
	case "naar-lokale-map":
		return T("naar de lokale map")
	case app.ResultaatContactGewijzigd:
		return T("contact gewijzigd")
	case app.ResultaatContactVerwijderd:
		return T("contact verwijderd")
	case app.ResultaatStatusGecorr:
		return T("status gecorrigeerd")
	case app.ResultaatStatusVerwijderd:
		return T("statuswijziging verwijderd")
	case app.ResultaatActieVerwijderd:
		return T("actie verwijderd")
	case app.ResultaatHeropend:
		return T("traject heropend")
	case string(app.InBehandeling):
		return T("in behandeling")
	case string(app.Afgesloten) + ":" + string(app.MetMaatregelen):
		return T("afgesloten (met maatregelen)")
	case string(app.Afgesloten) + ":" + string(app.ZonderMaatregelen):
		return T("afgesloten (zonder maatregelen)")
	case app.ResultaatAantekeningGewijzigd:
		return T("aantekening gewijzigd")
	case app.ResultaatAantekeningVerwijderd:
		return T("aantekening verwijderd")
	}
	return app.Visible(r)
}

// auditProblem words what VerifyAudit found: a broken chain first, else the seal.
func auditProblem(c app.AuditCheck) string {
	if c.FirstBad != 0 {
		return tf("De keten is verbroken bij regel {{.ID}}: die regel of een regel ervoor is gewijzigd of verwijderd. Meld dit bij de functionaris gegevensbescherming.", "ID", c.FirstBad)
	}
	counts := []any{"Verwacht", c.Verwacht, "Aanwezig", c.Aanwezig}
	switch c.Zegel {
	case app.ZegelOntbreekt:
		return T("Het zegel van het logboek ontbreekt: het is verwijderd. Meld dit bij de functionaris gegevensbescherming.")
	case app.ZegelVervalst:
		return T("Het zegel van het logboek is buiten Terugkeer gewijzigd. Meld dit bij de functionaris gegevensbescherming.")
	case app.ZegelBegin, app.ZegelEind:
		if c.Aanwezig == 0 {
			return tf("Alle regels van het logboek zijn verwijderd (het zegel telt er {{.Verwacht}}). Meld dit bij de functionaris gegevensbescherming.", counts...)
		}
		if c.Zegel == app.ZegelBegin {
			return tf("De oudste regels van het logboek zijn verwijderd (het zegel telt er {{.Verwacht}}, er zijn er {{.Aanwezig}}). Meld dit bij de functionaris gegevensbescherming.", counts...)
		}
		return tf("De nieuwste regels van het logboek zijn verwijderd (het zegel telt er {{.Verwacht}}, er zijn er {{.Aanwezig}}). Meld dit bij de functionaris gegevensbescherming.", counts...)
	}
	return tf("Het aantal regels van het logboek klopt niet met het zegel (het zegel telt er {{.Verwacht}}, er zijn er {{.Aanwezig}}). Meld dit bij de functionaris gegevensbescherming.", counts...)
}
