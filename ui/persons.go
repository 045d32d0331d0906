package ui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/terugkeer/terugkeer/app"
)

// Texts shown by the person list; tests refer to them (in Dutch, the default language).
const (
	EmptyText       = "Nog geen personen. Importeer berichten of laad de voorbeeldberichten."
	LoadExamplesBtn = "Voorbeeldberichten laden"
	NoResultsText   = "Geen personen gevonden. Pas de zoekopdracht of de filters aan."
	NoUpcomingText  = "Geen vrijlatingen vanaf vandaag. Kies 'Alle einddatums' om iedereen te zien."
)

// PageSize is how many persons one database query fetches.
const PageSize = 100

// maxCachedPages bounds the page cache: 20 pages of 100 rows.
const maxCachedPages = 20

// Columns of the person table, in order: width is the preferred width; a column with a
// min shares the room the others leave (see fitColumns). Vrijlating comes second, so
// that it is in view at 800 px; then the six domains, compact (in caption size), and
// what identifies a person besides the name. A header with a sort sorts the list (a
// second tap the other way round).
const (
	colNaam = iota
	colVrijlating
	colEinddatum
	colStatus
	colDomain     // the first of six, in the order of app.Domains()
	colGeboren    = colDomain + 6
	colInrichting = colGeboren + 1
)

var columns = []tableColumn{
	{title: "Naam", width: 250, min: 130, sort: app.SortByName, sortable: true},
	{title: "Vrijlating", width: 110, sort: app.SortByRelease, sortable: true},
	{title: "Einddatum", width: 96, sort: app.SortByRelease, sortable: true},
	{title: "Status", width: 80, sort: app.SortByEindStatus, sortable: true},
	domainColumn("ID-bewijs", app.Identiteitsbewijs),
	domainColumn("Onderdak", app.Onderdak),
	domainColumn("Werk/ink.", app.WerkEnInkomen),
	domainColumn("Schulden", app.Schulden),
	domainColumn("Zorg", app.Zorg),
	domainColumn("Thuis", app.ZorgVoorThuis),
	{title: "Geboren", width: 96, sort: app.SortByBirth, sortable: true},
	{title: "Inrichting", width: 200, min: 110, sort: app.SortByInrichting, sortable: true},
}

// domainWidth fits "n. bereikb." and "Onderdak" in caption size.
const domainWidth = 71

// domainColumn is the compact column of domain d: it sorts by the domain's status
// (app.SortByDomein: open first, those without follow-up last).
func domainColumn(title string, d app.Domain) tableColumn {
	return tableColumn{title: title, width: domainWidth, small: true, sort: app.SortByDomein, domain: d, sortable: true}
}

// release-window filter choices, in days: fromToday (the default: upcoming releases,
// not those of years ago), 0 (no filter), or the days from today.
const fromToday = -1

var releaseWindows = []int{fromToday, 0, 7, 14, 30, 90}

// PersonsView is the searchable, filterable list of persons. The table asks for rows
// through callbacks; rows come from the database a page at a time (PersonQuery.Limit and
// Offset) into a small cache, so 150,000 persons cost no more than 100.
type PersonsView struct {
	svc      PersonsService
	win      fyne.Window
	examples []Example
	ctx      context.Context
	onOpen   func(id int64)
	bg       *tasks
	// searchDelay is how long typing must pause before the search runs.
	searchDelay time.Duration

	Search   *EscEntry // Esc leaves the field
	release  *widget.Select
	controle *widget.Check
	mijn     *widget.Check  // mijn dossiers: where the user is verantwoordelijke (app.PersonQuery.Mijn)
	plan     *widget.Select // met en zonder D&R-plan, met D&R-plan, open afspraken voor de gemeente
	traject  *widget.Select
	// sort, sortDomain and desc are the order the column headers chose.
	sort       app.PersonSort
	sortDomain app.Domain // of app.SortByDomein
	desc       bool
	// The domain filter: domein (0: all domains) and domeinStatus (0: no filter).
	domein, domeinStatus *widget.Select
	signal               *widget.Select // 0: every person; else personSignalKinds()[i-1], as the Overzicht counts it

	table     *personTable
	count     *widget.Label
	loadBtn   *widget.Button
	pdfBtn    *widget.Button
	csvBtn    *widget.Button
	lists     ListWriter
	saver     *fileSaver
	noText    *widget.Label
	empty     fyne.CanvasObject
	noResults fyne.CanvasObject
	listPane  fyne.CanvasObject
	content   fyne.CanvasObject

	// Paging state, touched only on the Fyne goroutine.
	gen      int // bumped on every new query; stale pages are dropped
	query    app.PersonQuery
	pages    map[int][]app.PersonListRow
	lru      []int
	pending  map[int]bool
	known    int  // rows known to exist
	complete bool // known is the exact total
	total    int  // the count of the query (CountPersons); -1 until it is in
	// anyone: the database holds persons, whatever the filters (the empty state
	// otherwise).
	anyone bool
	timer  *time.Timer
	cancel context.CancelFunc
	qctx   context.Context
	ready  bool
	// afterLoad is what a key pressed in the search box still has to do when the results
	// of what was typed come in (Enter: open one person or enter the list; Down: enter
	// the list). Typing again clears it.
	afterLoad searchKey
}

// searchKey is a key in the search box waiting for the results of the search.
type searchKey int

const (
	noKey searchKey = iota
	enterKey
	downKey
)

// NewPersonsView builds the view and starts loading the persons in the background.
// win is where dialogs appear; onOpen is called with a person's id when the user opens
// them. Of opts it uses Examples (what "Voorbeeldberichten laden" imports), Lists and
// SearchDelay.
func NewPersonsView(ctx context.Context, svc PersonsService, win fyne.Window, bg *tasks, onOpen func(int64), opts Options) *PersonsView {
	if bg == nil {
		bg = &tasks{}
	}
	v := &PersonsView{svc: svc, win: win, examples: opts.Examples, ctx: ctx, bg: bg, onOpen: onOpen, sort: app.SortByRelease, total: -1,
		lists: opts.Lists, searchDelay: orDefault(opts.SearchDelay, DefaultSearchDelay)}
	v.saver = &fileSaver{win: win, bg: bg, folders: newPDFFolders(app.Platform{}), openURL: systemOpen}

	v.table = newPersonTable(v.tableSize, newCell, v.updateCell, columns)
	v.table.toSearch = v.FocusSearch
	v.table.typeInSearch = func(r rune) {
		v.FocusSearch()
		v.Search.CursorColumn = len([]rune(v.Search.Text))
		v.Search.TypedRune(r)
	}
	v.table.CreateHeader = func() fyne.CanvasObject { return newSortHeader(v.sortOn) }
	v.table.UpdateHeader = v.updateHeader
	v.table.OnSelected = v.selected

	v.Search = NewEscEntry(nil)
	v.Search.SetPlaceHolder(T("Zoek op naam, BSN of SKN (Ctrl+F)"))
	v.Search.OnChanged = func(string) { v.scheduleQuery() }
	v.Search.OnSubmitted = func(string) { v.submitSearch() }
	v.Search.OnDown = v.downFromSearch

	releaseOpts := make([]string, len(releaseWindows))
	for i, d := range releaseWindows {
		releaseOpts[i] = releaseLabel(d)
	}
	v.release = widget.NewSelect(releaseOpts, func(string) { v.runQueryNow() })
	v.release.SetSelectedIndex(0)
	v.controle = widget.NewCheck(T("Alleen controle nodig"), func(bool) { v.runQueryNow() })
	v.mijn = widget.NewCheck(T("Alleen mijn dossiers"), func(bool) { v.runQueryNow() })
	v.traject = widget.NewSelect([]string{T("Alle trajecten"), T("Aangemeld"), T("In behandeling"), T("Afgesloten")},
		func(string) { v.runQueryNow() })
	v.traject.SetSelectedIndex(0)
	v.domein, v.domeinStatus = domainFilterSelects(v.runQueryNow)
	v.plan = widget.NewSelect([]string{T("Met en zonder D&R-plan"), T("Met D&R-plan"), T("Open afspraken voor de gemeente")},
		func(string) { v.runQueryNow() })
	v.plan.SetSelectedIndex(0)
	signals := []string{T("Alle signalen")}
	for _, k := range personSignalKinds() {
		signals = append(signals, signalLabel(k))
	}
	v.signal = widget.NewSelect(signals, func(string) { v.runQueryNow() })
	v.signal.SetSelectedIndex(0)

	v.count = widget.NewLabel("")
	title := widget.NewLabelWithStyle(T("Personen"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	refresh := widget.NewButtonWithIcon(T("Vernieuwen"), theme.ViewRefreshIcon(), v.Reload)
	v.pdfBtn = widget.NewButtonWithIcon(T("PDF"), theme.DocumentPrintIcon(), func() { v.Export(false) })
	v.csvBtn = widget.NewButtonWithIcon(T("CSV"), theme.DocumentSaveIcon(), func() { v.Export(true) })
	filters := container.NewGridWithColumns(3, v.release, v.traject, v.plan, v.domein, v.domeinStatus, v.signal, v.controle, v.mijn)
	top := container.NewVBox(
		container.NewBorder(nil, nil, title, container.NewHBox(v.pdfBtn, v.csvBtn, refresh), v.count),
		v.Search,
		filters,
	)

	v.loadBtn = widget.NewButtonWithIcon(T(LoadExamplesBtn), theme.DownloadIcon(), v.loadExamples)
	v.loadBtn.Importance = widget.HighImportance
	emptyLabel := widget.NewLabelWithStyle(T(EmptyText), fyne.TextAlignCenter, fyne.TextStyle{})
	v.empty = container.NewCenter(container.NewVBox(emptyLabel, container.NewCenter(v.loadBtn)))
	v.noText = widget.NewLabel(T(NoResultsText))
	v.noResults = container.NewCenter(v.noText)

	v.empty.Hide()
	v.noResults.Hide()
	body := container.NewStack(v.table, v.noResults)
	v.listPane = container.NewBorder(top, nil, nil, nil, body)
	v.content = container.NewStack(v.listPane, v.empty)
	v.ready = true
	v.Reload()
	return v
}

// Content is the view's canvas object for a window.
func (v *PersonsView) Content() fyne.CanvasObject { return v.content }

// domainFilterSelects builds the domain filter: which domain ("Alle domeinen" first) and
// which state (none first: no filter). Choosing a domain alone does not filter.
func domainFilterSelects(changed func()) (domein, status *widget.Select) {
	doms := []string{T("Alle domeinen")}
	for _, d := range app.Domains() {
		doms = append(doms, domainLabel(d))
	}
	states := []string{T("Elke domeinstatus")}
	for _, f := range app.DomainFilters() {
		states = append(states, T(f.Label()))
	}
	domein = widget.NewSelect(doms, func(string) { changed() })
	domein.SetSelectedIndex(0)
	status = widget.NewSelect(states, func(string) { changed() })
	status.SetSelectedIndex(0)
	return domein, status
}

func releaseLabel(days int) string {
	switch days {
	case fromToday:
		return T("Vrijlating vanaf vandaag")
	case 0:
		return T("Alle einddatums")
	}
	return tf("Vrijlating binnen {{.N}} dagen", "N", days)
}

// currentQuery builds the query from the search box and filters.
func (v *PersonsView) currentQuery() app.PersonQuery {
	q := app.PersonQuery{Zoek: strings.TrimSpace(v.Search.Text), ControleNodig: v.controle.Checked, Mijn: v.mijn.Checked,
		Sort: v.sort, SortDomein: v.sortDomain, Desc: v.desc}
	if i := v.traject.SelectedIndex(); i > 0 {
		q.Traject = []app.TrajectStatus{app.Aangemeld, app.InBehandeling, app.Afgesloten}[i-1]
	}
	if i := v.domeinStatus.SelectedIndex(); i > 0 {
		q.DomeinStatus = app.DomainFilters()[i-1]
		if j := v.domein.SelectedIndex(); j > 0 {
			q.Domein = app.Domains()[j-1]
		}
	}
	switch v.plan.SelectedIndex() {
	case 1:
		q.HeeftPlan = true
	case 2:
		q.HeeftPlan, q.AfsprakenGemeente = true, true
	}
	if i := v.release.SelectedIndex(); i >= 0 && releaseWindows[i] != 0 {
		today := todayOf(v.svc.Now())
		q.ReleaseFrom = today
		if releaseWindows[i] > 0 {
			q.ReleaseTo = today.AddDays(releaseWindows[i])
		}
	}
	if i := v.signal.SelectedIndex(); i > 0 {
		q.Signaal, q.SignaalVandaag = personSignalKinds()[i-1], todayOf(v.svc.Now())
	}
	return q
}

// onlyFromToday: q filters on nothing but the default release window.
func onlyFromToday(q app.PersonQuery) bool {
	q.Sort, q.SortDomein, q.Desc, q.ReleaseFrom = 0, "", false, app.Date{}
	return q == (app.PersonQuery{})
}

func filtered(q app.PersonQuery) bool {
	return q.Zoek != "" || q.ControleNodig || q.Mijn || q.Traject != "" || q.DomeinStatus != "" || q.HeeftPlan || q.AfsprakenGemeente ||
		!q.ReleaseFrom.IsZero() || !q.ReleaseTo.IsZero() || q.Signaal != ""
}

// personSignalKinds are the signals of the Overzicht that Personen can filter on: all
// but quarantaine, which has no person.
func personSignalKinds() []app.SignalKind {
	var out []app.SignalKind
	for _, k := range app.SignalKinds() {
		if k != app.SignaalQuarantaine {
			out = append(out, k)
		}
	}
	return out
}

// scheduleQuery runs the query once typing pauses for searchDelay.
func (v *PersonsView) scheduleQuery() {
	v.afterLoad = noKey
	if v.bg.inline {
		v.runQueryNow() // headless tests: no timer goroutine racing the test
		return
	}
	v.stopTimer()
	v.bg.wg.Add(1)
	v.timer = time.AfterFunc(v.searchDelay, func() {
		defer v.bg.wg.Done()
		fyne.DoAndWait(v.runQueryNow)
	})
}

// stopTimer stops a search waiting for typing to pause.
func (v *PersonsView) stopTimer() {
	if v.timer != nil && v.timer.Stop() {
		v.bg.wg.Done() // the stopped timer's work never runs
	}
}

// runQueryNow starts a fresh query from the first page. Fyne goroutine only.
func (v *PersonsView) runQueryNow() {
	if !v.ready {
		return // still being built
	}
	v.stopTimer()
	if v.cancel != nil {
		v.cancel()
	}
	ctx, cancel := context.WithCancel(v.ctx)
	v.cancel, v.qctx = cancel, ctx
	v.gen++
	v.query = v.currentQuery()
	v.pages = map[int][]app.PersonListRow{}
	v.lru = nil
	v.pending = map[int]bool{}
	v.known, v.complete, v.total = 0, false, -1
	v.fetch(ctx, 0, true)
	v.countAll(ctx)
}

// countAll counts the persons of the query off the UI goroutine: the total the list
// shows ("1.234 personen"), and with it the table's length. When there are none, it
// also finds out whether the database holds anyone at all (the empty state).
func (v *PersonsView) countAll(ctx context.Context) {
	gen, q := v.gen, v.query
	v.bg.run(func() {
		n, err := v.svc.CountPersons(ctx, q)
		anyone := n > 0
		if err == nil && n == 0 {
			var all int
			all, err = v.svc.CountPersons(ctx, app.PersonQuery{})
			anyone = all > 0
		}
		fyne.Do(func() {
			if gen != v.gen {
				return
			}
			if err != nil {
				v.listError(err)
				return
			}
			v.total, v.anyone = n, anyone
			v.known, v.complete = n, true
			v.show()
		})
	})
}

// submitSearch is Enter in the search box: the search runs at once, and then a single
// person found opens, while with more the first row is highlighted in the list (Up/Down,
// Enter opens). A casemanager opens only the file they mean to: never the first of many.
func (v *PersonsView) submitSearch() {
	v.afterLoad = enterKey
	v.runQueryNow()
}

// downFromSearch is Down in the search box: into the list, but only into the results of
// what is in the box. Typed quickly, "kofi" and Down would otherwise land on the first
// row of the list from before the search ran, and Enter would open someone else.
func (v *PersonsView) downFromSearch() {
	if v.query == v.currentQuery() && !v.pending[0] {
		v.keyOnResults(downKey)
		return
	}
	v.afterLoad = downKey
	v.runQueryNow()
}

// keyOnResults does what Enter or Down asked for, on results that match the search box:
// Enter opens the only person found, and otherwise both highlight the first row.
func (v *PersonsView) keyOnResults(key searchKey) {
	switch {
	case key == enterKey && v.complete && v.known == 1:
		v.OpenRow(0)
	case v.known > 0:
		v.table.enterAt(v.win.Canvas(), 0)
	}
}

// ReturnToList puts the focus in the list on the row that was opened last, so that the
// keys go on from there (Back from a person).
func (v *PersonsView) ReturnToList() { v.table.enterAt(v.win.Canvas(), v.table.row) }

// Reload fetches the persons again, keeping the search and filters.
func (v *PersonsView) Reload() { v.runQueryNow() }

// fetch loads page p off the UI goroutine. Fyne goroutine only.
func (v *PersonsView) fetch(ctx context.Context, p int, first bool) {
	if v.pending[p] {
		return
	}
	v.pending[p] = true
	gen, q := v.gen, v.query
	q.Limit, q.Offset = PageSize, p*PageSize
	v.bg.run(func() {
		rows, err := v.svc.PersonList(ctx, q)
		fyne.Do(func() {
			if gen != v.gen {
				return // a newer query replaced this one
			}
			delete(v.pending, p)
			if err != nil {
				v.listError(err)
				return
			}
			v.storePage(p, rows)
			if first {
				v.table.ScrollToTop()
			}
			v.show()
			if first && v.afterLoad != noKey {
				key := v.afterLoad
				v.afterLoad = noKey
				v.keyOnResults(key)
			}
		})
	})
}

func (v *PersonsView) storePage(p int, rows []app.PersonListRow) {
	v.pages[p] = rows
	v.lru = append(v.lru, p)
	for len(v.lru) > maxCachedPages {
		old := v.lru[0]
		v.lru = v.lru[1:]
		delete(v.pages, old)
	}
	if v.total >= 0 {
		return // the count is in: the table's length
	}
	if end := p*PageSize + len(rows); end > v.known {
		v.known = end
	}
	if len(rows) < PageSize {
		v.complete = true
		v.known = p*PageSize + len(rows)
	}
}

// show switches between list, "no results" and the empty state and updates the count.
func (v *PersonsView) show() {
	if v.known == 0 && v.complete {
		if v.total < 0 {
			return // the count decides between "no results" and the empty state
		}
		v.table.Hide()
		if v.anyone || filtered(v.query) && !onlyFromToday(v.query) {
			v.empty.Hide()
			v.listPane.Show()
			v.noResults.Show()
			v.noText.SetText(T(NoResultsText))
			if onlyFromToday(v.query) {
				v.noText.SetText(T(NoUpcomingText))
			}
		} else {
			v.listPane.Hide()
			v.empty.Show()
		}
		v.count.SetText(tf("{{.N}} personen", "N", 0))
		return
	}
	v.empty.Hide()
	v.noResults.Hide()
	v.listPane.Show()
	v.table.Show()
	switch {
	case v.complete && v.known == 1:
		v.count.SetText(tf("{{.N}} persoon", "N", 1))
	case v.complete:
		v.count.SetText(tf("{{.N}} personen", "N", formatCount(v.known)))
	default:
		v.count.SetText(tf("{{.N}} of meer personen", "N", formatCount(v.known)))
	}
	v.table.Refresh()
}

// Rows is the number of rows the table shows (tests).
func (v *PersonsView) Rows() int { r, _ := v.tableSize(); return r }

func (v *PersonsView) tableSize() (int, int) {
	n := v.known
	if !v.complete && n > 0 {
		n++ // a row that loads the next page when it comes into view
	}
	return n, len(columns)
}

// row returns the person at index i, loading its page when it is not cached.
func (v *PersonsView) row(i int) (app.PersonListRow, bool) {
	p := i / PageSize
	rows, ok := v.pages[p]
	if !ok || i-p*PageSize >= len(rows) {
		if v.qctx != nil && (i < v.known || !v.complete) {
			v.fetch(v.qctx, p, false)
		}
		return app.PersonListRow{}, false
	}
	return rows[i-p*PageSize], true
}

func newCell() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

func newHeader() fyne.CanvasObject {
	return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// updateHeader shows a column's title and, on the column the list is sorted by, which
// way.
func (v *PersonsView) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	if id.Col < 0 || id.Col >= len(columns) {
		return
	}
	c := columns[id.Col]
	h := o.(*sortHeader)
	h.col = id.Col
	h.set(T(c.title), c.small, v.sortColumn() == id.Col, v.desc)
}

// sortsBy: column c sorts as the list is sorted now.
func (v *PersonsView) sortsBy(c tableColumn) bool {
	return c.sortable && c.sort == v.sort && (c.sort != app.SortByDomein || c.domain == v.sortDomain)
}

// sortColumn is the column whose header shows the sort: Einddatum and Vrijlating sort
// alike, and the arrow stands on Vrijlating.
func (v *PersonsView) sortColumn() int {
	for i, c := range columns {
		if v.sortsBy(c) {
			return i
		}
	}
	return -1
}

// sortOn is a tap on column col's header: sort by it, or the other way round when the
// list is sorted by it already.
func (v *PersonsView) sortOn(col int) {
	if col < 0 || col >= len(columns) || !columns[col].sortable {
		return
	}
	if c := columns[col]; v.sortsBy(c) {
		v.desc = !v.desc
	} else {
		v.sort, v.sortDomain, v.desc = c.sort, c.domain, false
	}
	v.table.Refresh()
	v.runQueryNow()
}

// SortBy sorts the list as tapping headers does (tests, the Overzicht); d is the domain
// of app.SortByDomein.
func (v *PersonsView) SortBy(s app.PersonSort, d app.Domain, desc bool) {
	v.sort, v.sortDomain, v.desc = s, d, desc
	if s != app.SortByDomein {
		v.sortDomain = ""
	}
	v.table.Refresh()
	v.runQueryNow()
}

func (v *PersonsView) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	// The highlighted row is bold while the list has the keyboard: Fyne's own marker is
	// a faint box around one cell.
	l.TextStyle.Bold = v.table.focused && id.Row == v.table.row
	l.SizeName = theme.SizeNameText
	l.Alignment = fyne.TextAlignLeading
	if id.Col >= 0 && id.Col < len(columns) && columns[id.Col].small {
		l.SizeName = theme.SizeNameCaptionText
		l.Alignment = fyne.TextAlignCenter
	}
	text := ""
	if r, ok := v.row(id.Row); ok {
		text = cellText(r, id.Col, todayOf(v.svc.Now()))
	} else if id.Col == 0 {
		text = T("Laden…")
	}
	l.SetText(text)
}

// cellText is the text of one column for one person.
func cellText(r app.PersonListRow, col int, today app.Date) string {
	switch {
	case col == colNaam:
		name := app.Visible(r.Person.FullName())
		if r.ControleNodig {
			name += " (" + T("controle nodig") + ")"
		}
		return name
	case col == colGeboren:
		return formatDate(r.Geboortedatum)
	case col == colInrichting:
		return app.Visible(r.Inrichting)
	case col == colEinddatum:
		if r.Einddatum.IsZero() {
			return T("onbekend")
		}
		return formatDate(r.Einddatum)
	case col == colStatus:
		return statusLabel(r.EinddatumStatus)
	case col == colVrijlating:
		if r.Einddatum.IsZero() {
			return ""
		}
		return daysText(today.DaysUntil(r.Einddatum))
	case col >= colDomain && col < colDomain+6 && col-colDomain < len(r.Domeinen):
		return domainShort(r.Domeinen[col-colDomain])
	}
	return ""
}

// domainShort is a domain's compact status in the list (app.ListDomainStatuses).
func domainShort(s app.DomainStatus) string {
	if s.Opvolging != "" {
		switch s.Opvolging {
		case app.FollowupInBehandeling:
			return T("in beh.")
		case app.FollowupNietNodig:
			return T("n. nodig")
		case app.FollowupNietBereikbaar:
			return T("n. bereikb.")
		}
		return T(s.Opvolging.Label())
	}
	switch s.Toestemming {
	case app.ConsentNee:
		return T("nee")
	case app.ConsentIngetrokken:
		return T("ingetr.")
	}
	return "—"
}

func (v *PersonsView) selected(id widget.TableCellID) {
	v.table.UnselectAll()
	v.table.row = id.Row
	r, ok := v.row(id.Row)
	if !ok || v.onOpen == nil {
		return
	}
	v.onOpen(r.ID)
}

// OpenRow opens the person on row i, as tapping it does (tests).
func (v *PersonsView) OpenRow(i int) { v.selected(widget.TableCellID{Row: i}) }

// ShowReleasesWithin sets the release filter to the shortest window of at least days
// (sorted by release date) and runs the query.
func (v *PersonsView) ShowReleasesWithin(days int) {
	for i, d := range releaseWindows {
		if d > 0 && d >= days {
			v.sort, v.sortDomain, v.desc = app.SortByRelease, "", false
			v.table.Refresh()
			v.release.SetSelectedIndex(i)
			return
		}
	}
}

// ShowSignal lists the persons with a signal of kind k (the Overzicht's default window
// of days), as the Overzicht counts them: the search and the other filters are cleared,
// so that nothing else narrows the list. One query runs.
func (v *PersonsView) ShowSignal(k app.SignalKind) {
	i := slices.Index(personSignalKinds(), k)
	if i < 0 {
		return
	}
	v.ready = false // one query below, not one per widget reset
	v.Search.SetText("")
	v.controle.SetChecked(false)
	for _, s := range []*widget.Select{v.traject, v.domein, v.domeinStatus, v.plan} {
		s.SetSelectedIndex(0)
	}
	v.release.SetSelectedIndex(slices.Index(releaseWindows, 0)) // every release date: the signal has its own window
	v.ready = true
	if v.signal.SelectedIndex() == i+1 {
		v.runQueryNow()
		return
	}
	v.signal.SetSelectedIndex(i + 1)
}

// Export saves the list as filtered and sorted: as the release-list PDF, or with csv as
// a CSV file for Excel (BSN masked). Both are recorded in the audit log.
func (v *PersonsView) Export(csv bool) {
	if v.lists == nil {
		showError(v.win, T("Deze lijst opslaan is in deze versie niet beschikbaar."), nil)
		return
	}
	v.saver.ask(v.exportJob(csv))
}

// exportJob is the list as shown, as a file to save.
func (v *PersonsView) exportJob(csv bool) saveJob {
	q := v.currentQuery()
	req := app.ListRequest{Query: &q, Options: app.ListOptions{Max: MaxPDFRows}}
	btn := v.pdfBtn
	if csv {
		req.Options.Max, btn = 0, v.csvBtn
	}
	return saveJob{
		name:  listFileName("personen", csv, todayOf(v.svc.Now())),
		csv:   csv,
		write: func(path string) error { return v.lists(v.ctx, req, csv, path) },
		open:  true,
		busy:  buttonBusy(btn),
	}
}

// MaxPDFRows bounds the Personen list on paper: beyond it a PDF is no help at a
// consultation, and the CSV holds any length.
const MaxPDFRows = 2000

// listFileName is a list's default file name: <soort>-<dd-mm-jjjj>.pdf or .csv.
func listFileName(kind string, csv bool, today app.Date) string {
	ext := ".pdf"
	if csv {
		ext = ".csv"
	}
	return kind + "-" + formatDate(today) + ext
}

// buttonBusy disables b while its file is being written.
func buttonBusy(b *widget.Button) func(bool) {
	return func(busy bool) {
		if busy {
			b.Disable()
		} else {
			b.Enable()
		}
	}
}

// FocusSearch puts the cursor in the search box (Ctrl+F).
func (v *PersonsView) FocusSearch() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(v.Search); c != nil {
		c.Focus(v.Search)
	}
}

// loadExamples imports the example messages, initialising the database for the
// examples' gemeente first when it was never initialised.
func (v *PersonsView) loadExamples() {
	v.loadBtn.Disable()
	v.bg.run(func() {
		initialised, results, err := importExamples(v.ctx, v.svc, v.examples)
		fyne.Do(func() {
			v.loadBtn.Enable()
			if err != nil {
				showError(v.win, T("De voorbeeldberichten konden niet worden geladen."), err)
				v.Reload()
				return
			}
			sum := app.Summarise(results)
			title := T("Voorbeeldberichten geladen")
			note := T("De voorbeeldberichten dateren uit 2019 en 2024. Wat daarvan al buiten de bewaartermijn valt, verwijdert de bewaartermijncontrole bij de volgende start van Terugkeer weer.")
			if sum.Geimporteerd == 0 && sum.Dubbel > 0 {
				// Loaded before and removed by retention: their kenmerken are kept, so that a
				// removed person cannot be read in again. Say so, not "geladen".
				title = T("Voorbeeldberichten al bekend")
				note = T("Deze database kent de voorbeeldberichten al. Staan de personen er niet meer in, dan zijn ze na afloop van de bewaartermijn verwijderd, en een verwijderd bericht wordt niet opnieuw ingelezen. Om ze opnieuw te bekijken: start Terugkeer met een nieuwe database, bijvoorbeeld terugkeer --db voorbeeld.db.")
			}
			msg := T("Resultaat:") + " " + summaryText(sum) + ".\n\n" + note
			if initialised {
				msg = tf("De database was nog niet ingericht en is nu ingericht voor gemeente {{.G}}, de gemeente van de voorbeeldberichten.", "G", ExampleGemeente) +
					"\n\n" + msg
			}
			showInformation(v.win, title, msg)
			v.Reload()
		})
	})
}

func importExamples(ctx context.Context, svc PersonsService, examples []Example) (initialised bool, results []app.Result, err error) {
	if _, err := svc.Gemeenten(ctx); errors.Is(err, app.ErrNotInitialised) {
		if err := svc.Init(ctx, []string{ExampleGemeente}); err != nil {
			return false, nil, fmt.Errorf("inrichten voor gemeente %s: %w", ExampleGemeente, err)
		}
		initialised = true
	} else if err != nil {
		return false, nil, fmt.Errorf("instellingen lezen: %w", err)
	}
	for _, ex := range examples {
		rs, err := svc.ImportBytes(ctx, ex.Name, "", ex.Data)
		results = append(results, rs...)
		if err != nil {
			return initialised, results, fmt.Errorf("voorbeeldbericht %s: %w", ex.Name, err)
		}
	}
	return initialised, results, nil
}

// summaryText is the translated one-line import summary.
func summaryText(s app.Summary) string {
	text := tf("{{.I}} geïmporteerd, {{.D}} dubbel, {{.Q}} in quarantaine, {{.G}} zonder bericht",
		"I", s.Geimporteerd, "D", s.Dubbel, "Q", s.Quarantaine, "G", s.GeenBericht)
	if s.Controle > 0 {
		text += "; " + plural(s.Controle, "{{.N}} daarvan wacht op controle (nog niet toegepast)", "{{.N}} daarvan wachten op controle (nog niet toegepast)")
	}
	return text
}

// listError says why the list could not be read: "Alleen mijn dossiers" without a user
// name in the count line (both reads of the list fail alike), else in a dialog.
func (v *PersonsView) listError(err error) {
	switch {
	case errors.Is(err, context.Canceled):
	case errors.Is(err, app.ErrNoUserName):
		v.count.SetText(T("Uw naam is nog niet ingesteld, dus Terugkeer weet niet welke dossiers van u zijn. Stel uw naam in onder Instellingen."))
	default:
		showError(v.win, T("De lijst met personen kon niet worden gelezen."), err)
	}
}
