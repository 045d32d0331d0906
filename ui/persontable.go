package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/terugkeer/terugkeer/app"
)

// personTable is the Personen list with keys of its own: Up and Down move the highlight,
// Enter (like Space) opens the person on the highlighted row, and Esc, or Up on the first
// row, goes back to the search box.
type personTable struct {
	widget.Table
	// toSearch gives the focus back to the search box; typeInSearch types a character
	// there.
	toSearch     func()
	typeInSearch func(rune)
	// row is the highlighted row. widget.Table keeps its own copy private and moves it
	// only through Select, so every move goes through highlight.
	row int
	// cols are the columns whose widths fitColumns sets; width is the last fitted width.
	cols  []tableColumn
	width float32
	// focused: the list has the keyboard, and the highlighted row is drawn bold.
	focused bool
}

// tableColumn is a column's title, preferred width and, for a column that gives and takes
// room, its minimum width (0: always the preferred width); sortable columns sort the
// list by sort, small ones are drawn in caption size.
type tableColumn struct {
	title      string
	width, min float32
	sort       app.PersonSort
	domain     app.Domain // of sort app.SortByDomein
	sortable   bool
	small      bool
}

func newPersonTable(length func() (int, int), create func() fyne.CanvasObject,
	update func(widget.TableCellID, fyne.CanvasObject), cols []tableColumn) *personTable {
	t := &personTable{cols: cols}
	t.Length, t.CreateCell, t.UpdateCell = length, create, update
	t.ShowHeaderRow = true
	t.ExtendBaseWidget(t)
	for i, c := range cols {
		t.SetColumnWidth(i, c.width)
	}
	return t
}

// Resize fits the columns to the new width before the table lays itself out.
func (t *personTable) Resize(s fyne.Size) {
	if s.Width != t.width {
		t.width = s.Width
		for i, w := range fitColumns(t.cols, s.Width-t.chrome()) {
			t.SetColumnWidth(i, w)
		}
	}
	t.Table.Resize(s)
}

// chrome is the width the table needs besides its columns: the gap after every column
// and room for the scroll bar.
func (t *personTable) chrome() float32 {
	th := t.Theme()
	return float32(len(t.cols))*th.Size(theme.SizeNamePadding) + th.Size(theme.SizeNameScrollBar)
}

// fitColumns gives the fixed columns their width and shares what is left among the
// flexible ones in proportion to their preferred widths, never below their minimum: at
// the window's default size every column is in view (Vrijlating used to be off to the
// right), and in a wide window names and inrichtingen get the room.
func fitColumns(cols []tableColumn, avail float32) []float32 {
	widths := make([]float32, len(cols))
	var flexPref float32
	for i, c := range cols {
		widths[i] = c.width
		if c.min > 0 {
			flexPref += c.width
		} else {
			avail -= c.width
		}
	}
	if flexPref == 0 {
		return widths
	}
	for i, c := range cols {
		if c.min > 0 {
			widths[i] = max(c.min, float32(int(avail*c.width/flexPref)))
		}
	}
	return widths
}

// TypedKey handles Up, Down, Enter and Esc; other keys go to widget.Table.
func (t *personTable) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyF1:
		toWindow(t, e)
	case fyne.KeyUp:
		if t.row <= 0 {
			t.leave()
			return
		}
		t.highlight(t.row - 1)
	case fyne.KeyDown:
		if rows, _ := t.Length(); t.row < rows-1 {
			t.highlight(t.row + 1)
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		t.Table.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	case fyne.KeyEscape:
		t.leave()
	default:
		t.Table.TypedKey(e)
	}
}

// TypedRune sends what is typed in the list on to the search box, so that typing a
// name goes on searching. Space is left alone: it opens the highlighted person.
func (t *personTable) TypedRune(r rune) {
	if r != ' ' && t.typeInSearch != nil {
		t.typeInSearch(r)
	}
}

// highlight moves the highlight to row (scrolling it into view) without opening it.
func (t *personTable) highlight(row int) {
	on := t.OnSelected
	t.OnSelected = nil
	t.Select(widget.TableCellID{Row: row})
	t.UnselectAll()
	t.OnSelected = on
	t.row = row
	t.Refresh()
}

// FocusGained draws the highlighted row bold.
func (t *personTable) FocusGained() {
	t.focused = true
	t.Table.FocusGained()
	t.Refresh()
}

// FocusLost draws the rows plain again.
func (t *personTable) FocusLost() {
	t.focused = false
	t.Table.FocusLost()
	t.Refresh()
}

// enterAt gives the list the focus with row highlighted, if the list has that row.
func (t *personTable) enterAt(c fyne.Canvas, row int) {
	if rows, _ := t.Length(); row < 0 || row >= rows || c == nil {
		return
	}
	t.highlight(row)
	c.Focus(t)
}

func (t *personTable) leave() {
	if t.toSearch != nil {
		t.toSearch()
	}
}

// sortHeader is a column header that sorts the list when tapped: its title, and on the
// column the list is sorted by an arrow that says which way.
type sortHeader struct {
	widget.BaseWidget
	label *widget.Label
	icon  *widget.Icon
	col   int
	onTap func(col int)
}

func newSortHeader(onTap func(int)) *sortHeader {
	h := &sortHeader{label: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		icon: widget.NewIcon(nil), onTap: onTap}
	h.label.Truncation = fyne.TextTruncateEllipsis
	h.icon.Hide()
	h.ExtendBaseWidget(h)
	return h
}

// set shows title; sorted puts the arrow on it (down when desc).
func (h *sortHeader) set(title string, small, sorted, desc bool) {
	h.label.SizeName = theme.SizeNameText
	if small {
		h.label.SizeName = theme.SizeNameCaptionText
	}
	h.label.SetText(title)
	switch {
	case !sorted:
		h.icon.Hide()
	case desc:
		h.icon.SetResource(theme.MenuDropDownIcon())
		h.icon.Show()
	default:
		h.icon.SetResource(theme.MenuDropUpIcon())
		h.icon.Show()
	}
}

// Tapped sorts by this column.
func (h *sortHeader) Tapped(*fyne.PointEvent) {
	if h.onTap != nil {
		h.onTap(h.col)
	}
}

// Title is the header's text (tests).
func (h *sortHeader) Title() string { return h.label.Text }

func (h *sortHeader) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, nil, h.icon, h.label))
}
