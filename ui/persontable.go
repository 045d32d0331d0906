package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// personTable is the Personen list with keys of its own: Up and Down move the highlight,
// Enter (like Space) opens the person on the highlighted row, and Esc, or Up on the first
// row, goes back to the search box.
type personTable struct {
	widget.Table
	// toSearch gives the focus back to the search box.
	toSearch func()
	// row is the highlighted row. widget.Table keeps its own copy private and moves it
	// only through Select, so every move goes through highlight.
	row int
}

func newPersonTable(length func() (int, int), create func() fyne.CanvasObject,
	update func(widget.TableCellID, fyne.CanvasObject)) *personTable {
	t := &personTable{}
	t.Length, t.CreateCell, t.UpdateCell = length, create, update
	t.ShowHeaderRow = true
	t.ExtendBaseWidget(t)
	return t
}

// TypedKey handles Up, Down, Enter and Esc; other keys go to widget.Table.
func (t *personTable) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
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

// highlight moves the highlight to row (scrolling it into view) without opening it.
func (t *personTable) highlight(row int) {
	on := t.OnSelected
	t.OnSelected = nil
	t.Select(widget.TableCellID{Row: row})
	t.UnselectAll()
	t.OnSelected = on
	t.row = row
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
