package ui

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/terugkeer/terugkeer/app"
)

// Texts shown by the person list; tests refer to them.
const (
	EmptyText       = "Nog geen personen. Importeer berichten of laad de voorbeeldberichten."
	LoadExamplesBtn = "Voorbeeldberichten laden"
)

// columns of the person table, in order.
var columns = []struct {
	title string
	width float32
}{
	{"Naam", 300},
	{"Geboortedatum", 130},
	{"Inrichting", 270},
	{"Einddatum", 120},
	{"Status", 120},
}

// PersonsView is the list of persons, sorted by (expected) release date, with an empty
// state that offers to load the spec's example messages.
type PersonsView struct {
	svc      Service
	win      fyne.Window
	examples []Example
	ctx      context.Context

	// rows is only touched on the Fyne goroutine (inside fyne.Do or callbacks).
	rows []app.PersonRow

	table    *widget.Table
	count    *widget.Label
	loadBtn  *widget.Button
	empty    fyne.CanvasObject
	listPane fyne.CanvasObject
	content  fyne.CanvasObject

	bg sync.WaitGroup // background work; tests wait for it
}

// NewPersonsView builds the view and starts loading the persons in the background.
// win is where dialogs appear; examples are what "Voorbeeldberichten laden" imports.
func NewPersonsView(ctx context.Context, svc Service, win fyne.Window, examples []Example) *PersonsView {
	v := &PersonsView{svc: svc, win: win, examples: examples, ctx: ctx}

	v.table = widget.NewTableWithHeaders(v.tableSize, newCell, v.updateCell)
	v.table.ShowHeaderColumn = false
	v.table.CreateHeader = newHeader
	v.table.UpdateHeader = updateHeader
	for i, c := range columns {
		v.table.SetColumnWidth(i, c.width)
	}

	v.count = widget.NewLabel("")
	title := widget.NewLabelWithStyle("Personen", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	refresh := widget.NewButtonWithIcon("Vernieuwen", theme.ViewRefreshIcon(), v.Reload)
	top := container.NewBorder(nil, nil, title, refresh, v.count)
	v.listPane = container.NewBorder(top, nil, nil, nil, v.table)

	v.loadBtn = widget.NewButtonWithIcon(LoadExamplesBtn, theme.DownloadIcon(), v.loadExamples)
	v.loadBtn.Importance = widget.HighImportance
	emptyLabel := widget.NewLabelWithStyle(EmptyText, fyne.TextAlignCenter, fyne.TextStyle{})
	v.empty = container.NewCenter(container.NewVBox(emptyLabel, container.NewCenter(v.loadBtn)))

	v.listPane.Hide()
	v.empty.Hide()
	v.content = container.NewStack(v.listPane, v.empty)
	v.Reload()
	return v
}

// Content is the view's canvas object for a window.
func (v *PersonsView) Content() fyne.CanvasObject { return v.content }

// Reload fetches the persons again, off the UI goroutine.
func (v *PersonsView) Reload() {
	v.bg.Add(1)
	go func() {
		defer v.bg.Done()
		rows, err := v.svc.Persons(v.ctx, app.PersonQuery{Sort: app.SortByRelease})
		fyne.Do(func() {
			if err != nil {
				v.showError(fmt.Errorf("De lijst met personen kon niet worden gelezen: %w", err))
				return
			}
			v.setRows(rows)
		})
	}()
}

// setRows shows rows, or the empty state when there are none. Fyne goroutine only.
func (v *PersonsView) setRows(rows []app.PersonRow) {
	v.rows = rows
	if len(rows) == 0 {
		v.listPane.Hide()
		v.empty.Show()
		return
	}
	if len(rows) == 1 {
		v.count.SetText("1 persoon")
	} else {
		v.count.SetText(strconv.Itoa(len(rows)) + " personen")
	}
	v.empty.Hide()
	v.listPane.Show()
	v.table.Refresh()
}

func (v *PersonsView) tableSize() (int, int) { return len(v.rows), len(columns) }

func newCell() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

func newHeader() fyne.CanvasObject {
	return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

func updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	if id.Col >= 0 && id.Col < len(columns) {
		o.(*widget.Label).SetText(columns[id.Col].title)
	}
}

func (v *PersonsView) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if id.Row < 0 || id.Row >= len(v.rows) {
		l.SetText("")
		return
	}
	l.SetText(cellText(v.rows[id.Row], id.Col))
}

// cellText is the text of one column for one person.
func cellText(r app.PersonRow, col int) string {
	switch col {
	case 0:
		name := r.Person.FullName()
		if r.ControleNodig {
			name += " (controle nodig)"
		}
		return name
	case 1:
		return r.Geboortedatum.Dutch()
	case 2:
		return r.Inrichting
	case 3:
		if r.Einddatum.IsZero() {
			return "onbekend"
		}
		return r.Einddatum.Dutch()
	case 4:
		return r.EinddatumStatus
	}
	return ""
}

// loadExamples imports the example messages, initialising the database for the
// examples' gemeente first when it was never initialised.
func (v *PersonsView) loadExamples() {
	v.loadBtn.Disable()
	v.bg.Add(1)
	go func() {
		defer v.bg.Done()
		initialised, results, err := v.importExamples()
		fyne.Do(func() {
			v.loadBtn.Enable()
			if err != nil {
				v.showError(err)
				v.Reload()
				return
			}
			msg := "Resultaat: " + app.Summarise(results).String() + "."
			if initialised {
				msg = "De database was nog niet ingericht en is nu ingericht voor gemeente " +
					ExampleGemeente + ", de gemeente van de voorbeeldberichten.\n\n" + msg
			}
			dialog.ShowInformation("Voorbeeldberichten geladen", msg, v.win)
			v.Reload()
		})
	}()
}

func (v *PersonsView) importExamples() (initialised bool, results []app.Result, err error) {
	if _, err := v.svc.Gemeenten(v.ctx); errors.Is(err, app.ErrNotInitialised) {
		if err := v.svc.Init(v.ctx, []string{ExampleGemeente}); err != nil {
			return false, nil, fmt.Errorf("De database kon niet worden ingericht voor gemeente %s: %w", ExampleGemeente, err)
		}
		initialised = true
	} else if err != nil {
		return false, nil, fmt.Errorf("De instellingen van de database konden niet worden gelezen: %w", err)
	}
	for _, ex := range v.examples {
		rs, err := v.svc.ImportBytes(v.ctx, "voorbeelden/"+ex.Name, "", ex.Data)
		results = append(results, rs...)
		if err != nil {
			return initialised, results, fmt.Errorf("Het voorbeeldbericht %s kon niet worden geïmporteerd: %w", ex.Name, err)
		}
	}
	return initialised, results, nil
}

func (v *PersonsView) showError(err error) {
	dialog.ShowError(err, v.win)
}
