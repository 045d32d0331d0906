package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/terugkeer/terugkeer/app"
)

// newTestDateField puts a date field in a test window; today is 28-10-2026.
func newTestDateField(t *testing.T) (*DateField, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	f := newDateField(func() app.Date { return app.NewDate(2026, time.October, 28) })
	w := test.NewTempWindow(t, f.Entry)
	w.Resize(fyne.NewSize(600, 500))
	return f, w
}

// The picker opens at the field's date, shows Dutch month names, navigates by month and
// writes the tapped day as dd-mm-jjjj.
func TestDatePickerPicksDutchDate(t *testing.T) {
	f, w := newTestDateField(t)
	f.Entry.SetText("14-10-2026")
	f.OpenPicker()
	p := f.Picker
	if p == nil || !p.IsOpen() {
		t.Fatal("the picker did not open")
	}
	if p.Heading() != "oktober 2026" {
		t.Fatalf("heading %q, want oktober 2026", p.Heading())
	}
	test.Tap(p.prev)
	if p.Heading() != "september 2026" {
		t.Fatalf("after < the heading is %q", p.Heading())
	}
	test.Tap(p.next)
	test.Tap(p.next)
	if p.Heading() != "november 2026" {
		t.Fatalf("after two > the heading is %q", p.Heading())
	}
	texts := visibleTexts(p.content)
	for _, d := range []string{"ma", "di", "wo", "do", "vr", "za", "zo"} {
		if !containsText(texts, d) {
			t.Errorf("weekday heading %q missing", d)
		}
	}
	day := findButton(p.content, "30")
	if day == nil {
		t.Fatal("no day 30 in november")
	}
	test.Tap(day)
	if f.Entry.Text != "30-11-2026" {
		t.Fatalf("entry %q after picking, want 30-11-2026", f.Entry.Text)
	}
	if p.IsOpen() || w.Canvas().Overlays().Top() != nil {
		t.Fatal("the picker stays open after picking a day")
	}
	if w.Canvas().Focused() != f.Entry {
		t.Error("after picking, the cursor is not back in the field")
	}
}

// Without a valid date the picker starts at today; Esc closes it without a change.
func TestDatePickerStartsTodayAndEscCloses(t *testing.T) {
	f, w := newTestDateField(t)
	f.Entry.SetText("32-13-2026")
	f.OpenPicker()
	if f.Picker.Heading() != "oktober 2026" {
		t.Fatalf("heading %q, want today's month oktober 2026", f.Picker.Heading())
	}
	pressEsc(w.Canvas())
	if f.Picker.IsOpen() || f.Entry.Text != "32-13-2026" {
		t.Fatalf("after Esc: open %v, text %q", f.Picker.IsOpen(), f.Entry.Text)
	}
	f.Entry.SetText("")
	test.Type(f.Entry, "3-2-2027")
	if f.Entry.Validate() != nil {
		t.Error("a typed d-m-jjjj date must stay valid")
	}
	f.OpenPicker()
	if f.Picker.Heading() != "februari 2027" {
		t.Fatalf("heading %q for a typed date, want februari 2027", f.Picker.Heading())
	}
}

// The grid starts on Monday: 1 november 2026 is a Sunday, so six empty cells precede it.
func TestMondayOffsetAndMonthLength(t *testing.T) {
	if got := mondayOffset(time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC).Weekday()); got != 6 {
		t.Errorf("offset for Sunday = %d, want 6", got)
	}
	if got := mondayOffset(time.Monday); got != 0 {
		t.Errorf("offset for Monday = %d, want 0", got)
	}
	for _, c := range []struct {
		y    int
		m    time.Month
		want int
	}{{2026, time.February, 28}, {2028, time.February, 29}, {2026, time.November, 30}, {2026, time.December, 31}} {
		if got := daysInMonth(time.Date(c.y, c.m, 1, 0, 0, 0, 0, time.UTC)); got != c.want {
			t.Errorf("%d-%d has %d days, want %d", c.y, c.m, got, c.want)
		}
	}
}

// The dialogs' date fields open the picker at their date.
func TestFollowupDateFieldHasPicker(t *testing.T) {
	svc := realService(t, exampleNow, []string{"0193"}, true)
	s, _ := newShell(t, svc, Options{})
	p := openBerg(t, svc, s)
	p.actionDialog(app.Onderdak, app.Followup{})
	af := p.lastActionForm
	if af.Datum.Entry.ActionItem == nil {
		t.Fatal("the action date has no calendar button")
	}
	test.Tap(af.Datum.Entry.ActionItem.(fyne.Tappable))
	if af.Datum.Picker == nil || af.Datum.Picker.Heading() != "augustus 2019" {
		t.Fatalf("picker for the action date (12-08-2019): %v", af.Datum.Picker)
	}
	af.Datum.Picker.Pick(20)
	if af.Datum.Entry.Text != "20-08-2019" {
		t.Fatalf("action date %q, want 20-08-2019", af.Datum.Entry.Text)
	}
}
