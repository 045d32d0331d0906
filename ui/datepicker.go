package ui

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/terugkeer/terugkeer/app"
)

// DateField is a dd-mm-jjjj text field with a calendar button at its right end: the date
// can be typed or picked. Fyne's own widget.Calendar names its months in English only,
// hence this small picker with Dutch month and day names.
type DateField struct {
	Entry  *EscEntry   // the form item
	Picker *DatePicker // the picker opened last (tests)
	today  func() app.Date
}

// newDateField is an empty date field; the picker starts at today when the field holds
// no date.
func newDateField(today func() app.Date) *DateField {
	f := &DateField{Entry: NewEscEntry(nil), today: today}
	f.Entry.Validator = func(s string) error { _, err := parseDutchDate(s); return err }
	pick := widget.NewButtonWithIcon("", theme.CalendarIcon(), f.OpenPicker)
	pick.Importance = widget.LowImportance
	f.Entry.ActionItem = pick
	return f
}

// OpenPicker shows the calendar under the field, at the field's date or else today.
func (f *DateField) OpenPicker() {
	c := fyne.CurrentApp().Driver().CanvasForObject(f.Entry)
	if c == nil {
		return
	}
	start, err := parseDutchDate(strings.TrimSpace(f.Entry.Text))
	if err != nil || start.IsZero() {
		start = f.today()
	}
	back := func() { c.Focus(f.Entry) }
	f.Picker = newDatePicker(start, f.today(), func(d app.Date) { f.Entry.SetText(formatDate(d)) }, back)
	f.Picker.popup = widget.NewPopUp(f.Picker, c)
	f.Picker.popup.ShowAtRelativePosition(fyne.NewPos(0, f.Entry.Size().Height), f.Entry)
	c.Focus(f.Picker) // Esc closes the picker, not the dialog under it
}

// DatePicker is one month of days with "< maand jaar >" navigation; weeks start on
// Monday. Esc closes it, Page Up and Page Down change the month.
type DatePicker struct {
	widget.BaseWidget
	month    app.Date // the first day of the month shown
	selected app.Date
	today    app.Date
	onPick   func(app.Date)
	onClose  func()
	heading  *widget.Label
	prev     *widget.Button
	next     *widget.Button
	days     *fyne.Container
	content  fyne.CanvasObject
	popup    *widget.PopUp
}

func newDatePicker(selected, today app.Date, onPick func(app.Date), onClose func()) *DatePicker {
	p := &DatePicker{selected: selected, today: today, onPick: onPick, onClose: onClose}
	p.heading = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	p.prev = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), p.PrevMonth)
	p.next = widget.NewButtonWithIcon("", theme.NavigateNextIcon(), p.NextMonth)
	p.days = container.NewGridWithColumns(7)
	p.content = container.NewVBox(container.NewBorder(nil, nil, p.prev, p.next, p.heading), p.days)
	p.ExtendBaseWidget(p)
	p.showMonth(firstOfMonth(selected))
	return p
}

// CreateRenderer draws the picker's content.
func (p *DatePicker) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(p.content)
}

// Heading is the month shown, such as "november 2026".
func (p *DatePicker) Heading() string { return p.heading.Text }

// PrevMonth shows the month before.
func (p *DatePicker) PrevMonth() { p.showMonth(p.month.AddMonths(-1)) }

// NextMonth shows the month after.
func (p *DatePicker) NextMonth() { p.showMonth(p.month.AddMonths(1)) }

// Pick chooses a day of the month shown and closes the picker.
func (p *DatePicker) Pick(day int) {
	p.onPick(p.month.AddDays(day - 1))
	p.Close()
}

// Close hides the picker without choosing.
func (p *DatePicker) Close() {
	if p.popup != nil {
		p.popup.Hide()
	}
	if p.onClose != nil {
		p.onClose()
	}
}

// IsOpen reports whether the picker is on screen.
func (p *DatePicker) IsOpen() bool {
	return p.popup != nil && p.popup.Visible()
}

func (p *DatePicker) showMonth(first app.Date) {
	p.month = first
	t := first.Time()
	p.heading.SetText(monthName(t.Month()) + " " + strconv.Itoa(t.Year()))
	objs := weekdayHeadings()
	for range mondayOffset(t.Weekday()) {
		objs = append(objs, layout.NewSpacer())
	}
	for d := 1; d <= daysInMonth(t); d++ {
		objs = append(objs, p.dayButton(d))
	}
	p.days.Objects = objs
	p.days.Refresh()
}

// dayButton is one day; the field's date stands out, today a little.
func (p *DatePicker) dayButton(day int) *widget.Button {
	b := widget.NewButton(strconv.Itoa(day), func() { p.Pick(day) })
	d := p.month.AddDays(day - 1)
	switch {
	case d.Equal(p.selected):
		b.Importance = widget.HighImportance
	case d.Equal(p.today):
		b.Importance = widget.MediumImportance
	default:
		b.Importance = widget.LowImportance
	}
	return b
}

// FocusGained is part of fyne.Focusable (for Esc).
func (p *DatePicker) FocusGained() {}

// FocusLost is part of fyne.Focusable.
func (p *DatePicker) FocusLost() {}

// TypedRune is part of fyne.Focusable.
func (p *DatePicker) TypedRune(rune) {}

// TypedKey closes the picker on Esc and changes the month on Page Up and Page Down.
func (p *DatePicker) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyEscape:
		p.Close()
	case fyne.KeyPageUp:
		p.PrevMonth()
	case fyne.KeyPageDown:
		p.NextMonth()
	}
}

// monthName is the month's name in the app's language ("november").
func monthName(m time.Month) string {
	names := [...]string{T("january"), T("february"), T("march"), T("april"), T("may"), T("june"),
		T("july"), T("august"), T("september"), T("october"), T("november"), T("december")}
	return names[m-1]
}

// weekdayHeadings are "ma di wo do vr za zo" as labels.
func weekdayHeadings() []fyne.CanvasObject {
	names := []string{T("monday.short"), T("tuesday.short"), T("wednesday.short"), T("thursday.short"),
		T("friday.short"), T("saturday.short"), T("sunday.short")}
	out := make([]fyne.CanvasObject, len(names))
	for i, n := range names {
		out[i] = widget.NewLabelWithStyle(n, fyne.TextAlignCenter, fyne.TextStyle{Italic: true})
	}
	return out
}

func firstOfMonth(d app.Date) app.Date {
	t := d.Time()
	return app.NewDate(t.Year(), t.Month(), 1)
}

// mondayOffset is how many empty cells precede the 1st in a week that starts on Monday.
func mondayOffset(w time.Weekday) int { return (int(w) + 6) % 7 }

func daysInMonth(t time.Time) int {
	return time.Date(t.Year(), t.Month()+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
