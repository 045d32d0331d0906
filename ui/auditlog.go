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
	app.ActiePurge, app.ActieBewaring, app.ActieQuarantaine, app.ActieInstelling}

var auditPeriods = []int{1, 7, 30, 365, 0} // days back; 0 is everything

var auditColumns = []struct {
	title string
	width float32
}{
	{"Tijd", 140}, {"Actie", 130}, {"Object", 130}, {"Nummer", 75}, {"Resultaat", 230},
	{"Grondslag", 100}, {"Door", 120}, {"Bron", 170}, {"Domeinen", 160}, {"Aantal", 60},
}

// AuditView is the Logboek: the verwerkingen, filterable, with the chain check.
type AuditView struct {
	svc Service
	win fyne.Window
	ctx context.Context
	bg  *tasks

	Entries []app.AuditEntry // newest first; Fyne goroutine only
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
func NewAuditView(ctx context.Context, svc Service, win fyne.Window, bg *tasks) *AuditView {
	v := &AuditView{svc: svc, win: win, ctx: ctx, bg: bg}
	title := widget.NewLabelWithStyle(T("Logboek"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	acts := []string{T("Alle acties")}
	for _, a := range auditActions[1:] {
		acts = append(acts, a)
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
	v.object.SetPlaceHolder(T("Nummer (bijv. persoon)"))
	v.object.OnSubmitted = func(string) { v.Reload() }
	v.count = widget.NewLabel("")
	v.Check = widget.NewLabel("")
	v.Check.Wrapping = fyne.TextWrapWord
	v.check = widget.NewButtonWithIcon(T("Keten controleren"), theme.ConfirmIcon(), v.VerifyChain)
	v.table = widget.NewTableWithHeaders(func() (int, int) { return len(v.Entries), len(auditColumns) }, newCell,
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Row < len(v.Entries) {
				o.(*widget.Label).SetText(auditCell(v.Entries[id.Row], id.Col))
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
	explain := wrapLabel(T("Het logboek legt elke verwerking vast zonder persoonsgegevens: personen staan er met hun nummer in. Elke regel is met de vorige verbonden, zodat achteraf wijzigen opvalt."))
	filters := container.NewBorder(nil, nil, container.NewHBox(v.period, v.actie), v.check, v.object)
	top := container.NewVBox(container.NewBorder(nil, nil, title, nil, v.count), explain, filters, v.Check)
	v.content = container.NewBorder(top, nil, nil, nil, v.table)
	return v
}

// Content is the view's canvas object.
func (v *AuditView) Content() fyne.CanvasObject { return v.content }

func auditCell(e app.AuditEntry, col int) string {
	switch col {
	case 0:
		return formatTime(e.Tijd)
	case 1:
		return e.Actie
	case 2:
		return e.Object
	case 3:
		if e.ObjectID == 0 {
			return ""
		}
		return strconv.FormatInt(e.ObjectID, 10)
	case 4:
		return e.Resultaat
	case 5:
		return e.Grondslag
	case 6:
		return e.Actor
	case 7:
		return e.Bron
	case 8:
		var ds []string
		for _, d := range e.Domeinen {
			ds = append(ds, string(d))
		}
		return strings.Join(ds, ", ")
	case 9:
		if e.Aantal == 0 {
			return ""
		}
		return strconv.Itoa(e.Aantal)
	}
	return ""
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
	if n, err := strconv.ParseInt(strings.TrimSpace(v.object.Text), 10, 64); err == nil {
		f.ObjectID = n
	}
	return f
}

// Reload reads the log with the current filter.
func (v *AuditView) Reload() {
	if v.period == nil || v.actie == nil || v.object == nil || v.table == nil {
		return
	}
	v.gen++
	gen, f := v.gen, v.filter()
	v.bg.run(func() {
		entries, err := v.svc.AuditLog(v.ctx, f)
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
			v.Entries = entries
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
			msg := tf("De keten is verbroken bij regel {{.ID}}: die regel of een regel ervoor is gewijzigd of verwijderd. Meld dit bij de functionaris gegevensbescherming.", "ID", c.FirstBad)
			v.Check.SetText(msg)
			showInformation(v.win, T("Logboek niet intact"), msg)
		})
	})
}
