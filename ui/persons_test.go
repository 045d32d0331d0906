package ui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/terugkeer/terugkeer/app"
)

// fakeService serves a generated list of persons in pages and records the queries.
// Methods the person list does not use come from the embedded (nil) Service.
type fakeService struct {
	Service
	mu        sync.Mutex
	persons   []app.PersonRow
	gemeenten []string
	importErr error
	queries   []app.PersonQuery
	counts    int
	inits     [][]string
	imported  []string
}

func (f *fakeService) Now() time.Time { return exampleNow }

func (f *fakeService) Persons(_ context.Context, q app.PersonQuery) ([]app.PersonRow, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.queries = append(f.queries, q)
	rows := f.persons
	if q.Offset >= len(rows) {
		return nil, nil
	}
	rows = rows[q.Offset:]
	if q.Limit > 0 && q.Limit < len(rows) {
		rows = rows[:q.Limit]
	}
	return slices.Clone(rows), nil
}

func (f *fakeService) PersonList(ctx context.Context, q app.PersonQuery) ([]app.PersonListRow, error) {
	rows, err := f.Persons(ctx, q)
	out := make([]app.PersonListRow, len(rows))
	for i, r := range rows {
		out[i] = app.PersonListRow{PersonRow: r, Domeinen: app.ListDomainStatuses(app.ListStates{})}
	}
	return out, err
}

// CountPersons counts what Persons serves, the filters aside (like Persons).
func (f *fakeService) CountPersons(context.Context, app.PersonQuery) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.counts++
	return len(f.persons), nil
}

func (f *fakeService) ImportBytes(_ context.Context, bron, _ string, raw []byte) ([]app.Result, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.imported = append(f.imported, bron)
	if f.importErr != nil {
		return nil, f.importErr
	}
	return []app.Result{{Bron: bron, Resultaat: app.Geimporteerd}}, nil
}

func (f *fakeService) Gemeenten(context.Context) ([]string, error) {
	if f.gemeenten == nil {
		return nil, app.ErrNotInitialised
	}
	return f.gemeenten, nil
}

func (f *fakeService) Init(_ context.Context, g []string) error {
	f.inits = append(f.inits, g)
	f.gemeenten = g
	return nil
}

func row(id int64, voornamen, voorvoegsel, achternaam, geboren, inrichting, eind, status string) app.PersonRow {
	r := app.PersonRow{
		Person: app.Person{ID: id, Voornamen: voornamen, Voorvoegsel: voorvoegsel, Achternaam: achternaam,
			Geboortedatum: app.MustDate(geboren)},
		Inrichting: inrichting, EinddatumStatus: status,
	}
	if eind != "" {
		r.Einddatum = app.MustDate(eind)
	}
	return r
}

func newPersonsView(t *testing.T, svc Service, examples []Example) (*PersonsView, fyne.Window, *tasks, *[]int64) {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	bg := &tasks{inline: true}
	var opened []int64
	v := NewPersonsView(context.Background(), svc, w, bg, func(id int64) { opened = append(opened, id) }, Options{Examples: examples})
	bg.Wait()
	w.SetContent(v.Content())
	w.Resize(fyne.NewSize(1100, 700))
	return v, w, bg, &opened
}

func TestPersonsListShowsRowsInServiceOrder(t *testing.T) {
	svc := &fakeService{gemeenten: []string{"0193"}, persons: []app.PersonRow{
		row(1, "Jan", "de", "Vries", "1990-03-01", "PI Vught", "2019-08-15", app.EindVerwacht),
		row(2, "Fatima", "", "El Amrani", "1985-12-24", "PI Zwolle", "2019-08-05", app.EindDefinitief),
	}}
	v, w, _, opened := newPersonsView(t, svc, nil)

	if len(svc.queries) != 1 || svc.queries[0].Sort != app.SortByRelease || svc.queries[0].Limit != PageSize {
		t.Fatalf("Persons queries = %+v, want one page sorted by release", svc.queries)
	}
	none := []string{"—", "—", "—", "—", "—", "—"}
	want := [][]string{
		append(append([]string{"Jan de Vries", "nog 10 dagen", "15-08-2019", "verwacht"}, none...), "01-03-1990", "PI Vught"),
		append(append([]string{"Fatima El Amrani", "vandaag", "05-08-2019", "definitief"}, none...), "24-12-1985", "PI Zwolle"),
	}
	if got := tableRows(v); !slices.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("table rows = %q, want %q", got, want)
	}
	if v.count.Text != "2 personen" {
		t.Errorf("count = %q", v.count.Text)
	}
	texts := visibleTexts(w.Canvas().Content())
	for _, s := range []string{"Naam", "Geboren", "Inrichting", "Einddatum", "Jan de Vries", "15-08-2019"} {
		if !containsText(texts, s) {
			t.Errorf("window does not show %q", s)
		}
	}
	v.OpenRow(1)
	if !slices.Equal(*opened, []int64{2}) {
		t.Errorf("opened = %v, want [2]", *opened)
	}
}

// The table asks for rows a page at a time: 1,234 persons cost one query of PageSize
// until the user scrolls, and the count of the same filter says how many there are
// (issue 18 item 7: it said "100 of meer personen").
func TestPersonsListPagesFromTheDatabase(t *testing.T) {
	svc := &fakeService{gemeenten: []string{"0193"}}
	for i := range 1234 {
		svc.persons = append(svc.persons, row(int64(i+1), "Piet", "", fmt.Sprintf("Jansen %04d", i), "2000-01-01", "PI", "2019-09-01", app.EindVerwacht))
	}
	v, _, bg, _ := newPersonsView(t, svc, nil)
	if len(svc.queries) != 1 || svc.counts != 1 {
		t.Fatalf("%d queries and %d counts at start, want 1 and 1", len(svc.queries), svc.counts)
	}
	if got := v.Rows(); got != 1234 {
		t.Fatalf("rows = %d, want the count 1234", got)
	}
	if v.count.Text != "1.234 personen" {
		t.Errorf("count = %q, want 1.234 personen", v.count.Text)
	}
	// Rendering a row beyond the first page loads its page.
	cell := v.table.CreateCell()
	v.table.UpdateCell(widget.TableCellID{Row: PageSize, Col: 0}, cell)
	if cell.(*widget.Label).Text != "Laden…" {
		t.Errorf("unloaded row shows %q", cell.(*widget.Label).Text)
	}
	bg.Wait()
	if q := svc.queries[len(svc.queries)-1]; q.Offset != PageSize || q.Limit != PageSize {
		t.Errorf("second query = %+v", q)
	}
	if got := v.Rows(); got != 1234 {
		t.Errorf("rows after the second page = %d", got)
	}
	v.table.UpdateCell(widget.TableCellID{Row: PageSize, Col: 0}, cell)
	if cell.(*widget.Label).Text != "Piet Jansen 0100" {
		t.Errorf("row 100 = %q", cell.(*widget.Label).Text)
	}
}

func TestSearchFiltersAndSortGoToTheQuery(t *testing.T) {
	svc := &fakeService{gemeenten: []string{"0193"}, persons: []app.PersonRow{row(1, "Jan", "", "Berg", "1990-01-01", "", "", "")}}
	v, _, bg, _ := newPersonsView(t, svc, nil)
	test.Type(v.Search, "berg")
	bg.Wait()
	v.controle.SetChecked(true)
	bg.Wait()
	v.release.SetSelectedIndex(2) // within 7 days
	bg.Wait()
	v.sortOn(colNaam) // by name
	bg.Wait()
	v.traject.SetSelectedIndex(2) // in behandeling
	bg.Wait()
	v.domein.SetSelectedIndex(2)       // onderdak
	v.domeinStatus.SetSelectedIndex(1) // nog niet geregeld
	bg.Wait()
	q := svc.queries[len(svc.queries)-1]
	today := app.DateOf(exampleNow)
	if q.Zoek != "berg" || !q.ControleNodig || q.Sort != app.SortByName || !q.ReleaseFrom.Equal(today) ||
		!q.ReleaseTo.Equal(today.AddDays(7)) || q.Traject != app.InBehandeling ||
		q.Domein != app.Onderdak || q.DomeinStatus != app.FilterNietGeregeld {
		t.Errorf("last query = %+v", q)
	}
}

func TestNoResultsIsNotTheEmptyState(t *testing.T) {
	svc := &fakeService{gemeenten: []string{"0193"}}
	v, w, bg, _ := newPersonsView(t, svc, nil)
	if !v.empty.Visible() {
		t.Fatal("an empty database must show the empty state")
	}
	test.Type(v.Search, "xyz")
	bg.Wait()
	if v.empty.Visible() || !v.noResults.Visible() {
		t.Fatal("a search without results must say so, not offer the examples")
	}
	if !containsText(visibleTexts(w.Canvas().Content()), NoResultsText) {
		t.Error("no-results text not shown")
	}
}

func TestEmptyStateLoadsExamplesAfterInitialising(t *testing.T) {
	examples := realExamples()
	svc := &fakeService{}
	v, w, bg, _ := newPersonsView(t, svc, examples)
	if !v.empty.Visible() || v.listPane.Visible() {
		t.Fatal("an empty database must show the empty state, not the list")
	}
	texts := visibleTexts(w.Canvas().Content())
	if !containsText(texts, EmptyText) || !containsText(texts, LoadExamplesBtn) {
		t.Fatalf("empty state texts = %q", texts)
	}
	svc.persons = []app.PersonRow{row(1, "Jan", "de", "Vries", "1990-03-01", "PI Vught", "2019-08-15", app.EindVerwacht)}
	test.Tap(v.loadBtn)
	bg.Wait()
	if want := [][]string{{ExampleGemeente}}; !slices.EqualFunc(svc.inits, want, slices.Equal) {
		t.Errorf("Init calls = %q, want %q", svc.inits, want)
	}
	if len(svc.imported) != len(examples) {
		t.Errorf("ImportBytes calls = %q", svc.imported)
	}
	if v.empty.Visible() || !v.listPane.Visible() || v.Rows() != 1 {
		t.Fatal("after loading the list must replace the empty state")
	}
	dlg := visibleTexts(w.Canvas().Overlays().Top())
	for _, s := range []string{"Voorbeeldberichten geladen", "ingericht voor gemeente 0193"} {
		if !containsText(dlg, s) {
			t.Errorf("dialog does not say %q; it says %q", s, dlg)
		}
	}
}

func TestLoadExamplesShowsErrorWithDetails(t *testing.T) {
	svc := &fakeService{gemeenten: []string{"0193"}, importErr: errors.New("de database is vergrendeld")}
	v, w, bg, _ := newPersonsView(t, svc, []Example{{Name: "voorbeelden/a.xml", Data: []byte("<a/>")}, {Name: "voorbeelden/b.xml", Data: []byte("<b/>")}})
	test.Tap(v.loadBtn)
	bg.Wait()
	if !slices.Equal(svc.imported, []string{"voorbeelden/a.xml"}) {
		t.Errorf("ImportBytes calls = %q, want only the first example", svc.imported)
	}
	dlg := visibleTexts(w.Canvas().Overlays().Top())
	if !containsText(dlg, "De voorbeeldberichten konden niet worden geladen.") || !containsText(dlg, "Details") {
		t.Errorf("error dialog = %q", dlg)
	}
	if v.loadBtn.Disabled() {
		t.Error("the button must be enabled again after an error")
	}
}

// The domain filter on the examples: Jan Willem revoked schulden and has onderdak open.
func TestDomainFilterOnExamples(t *testing.T) {
	svc := realService(t, exampleNow, []string{"0193"}, true)
	s, _ := newShell(t, svc, Options{})
	s.Show(SectionPersonen)
	v := s.Persons
	choose := func(d app.Domain, f app.DomainFilter) {
		v.domein.SetSelectedIndex(slices.Index(app.Domains(), d) + 1) // 0 when d == "": all domains
		v.domeinStatus.SetSelectedIndex(slices.Index(app.DomainFilters(), f) + 1)
		s.Wait()
	}
	cases := []struct {
		d    app.Domain
		f    app.DomainFilter
		want int
	}{
		{app.Schulden, app.FilterIngetrokken, 1},
		{app.Schulden, app.FilterOpen, 0},
		{app.Onderdak, app.FilterOpen, 1},
		{"", app.FilterGeregeld, 0},
		{"", "", 1}, // no filter
	}
	for _, c := range cases {
		choose(c.d, c.f)
		if got := v.Rows(); got != c.want {
			t.Errorf("%q %q: %d rows, want %d", c.d, c.f, got, c.want)
		}
		if r, ok := v.row(0); c.want == 1 && (!ok || r.Achternaam != "Berg") {
			t.Errorf("%q %q: first row %+v", c.d, c.f, r)
		}
	}
	choose(app.Schulden, app.FilterOpen)
	if !v.noResults.Visible() || v.empty.Visible() {
		t.Error("a filter without results must say so, not offer the examples")
	}
}

// Esc in the search box leaves it, so that the next Esc reaches the window.
func TestEscLeavesSearch(t *testing.T) {
	svc := realService(t, exampleNow, []string{"0193"}, true)
	s, w := newShell(t, svc, Options{})
	s.ShortcutSearch()
	if w.Canvas().Focused() != s.Persons.Search {
		t.Fatal("Ctrl+F did not focus the search box")
	}
	s.Persons.Search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if w.Canvas().Focused() != nil {
		t.Errorf("focus after Esc = %v", w.Canvas().Focused())
	}
	if s.Current() != SectionPersonen {
		t.Errorf("screen after Esc = %q", s.Current())
	}
}

// The list works from the keyboard: Enter in the search box opens the only person found
// but, with more, highlights the first row instead of opening someone the user did not
// pick; Down and Up move the highlight, Enter opens, Esc or Up on the first row return
// to the search box.
func TestSearchAndListByKeyboard(t *testing.T) {
	svc := &fakeService{gemeenten: []string{"0193"}, persons: []app.PersonRow{
		row(1, "Jan", "de", "Vries", "1990-03-01", "PI Vught", "2019-08-15", app.EindVerwacht),
		row(2, "Fatima", "", "El Amrani", "1985-12-24", "PI Zwolle", "2019-08-05", app.EindDefinitief),
		row(3, "Piotr", "", "Kowalski", "1979-07-30", "PI Zwolle", "2019-09-01", app.EindVerwacht),
	}}
	v, w, _, opened := newPersonsView(t, svc, nil)
	c := w.Canvas()
	key := func(name fyne.KeyName) { c.Focused().TypedKey(&fyne.KeyEvent{Name: name}) }

	c.Focus(v.Search)
	test.Type(v.Search, "zwolle")
	key(fyne.KeyReturn)
	if len(*opened) != 0 || c.Focused() != v.table || v.table.row != 0 {
		t.Fatalf("Enter with 3 results: opened %v, focus %T, row %d; want the list, row 0", *opened, c.Focused(), v.table.row)
	}
	key(fyne.KeyDown)
	key(fyne.KeyDown)
	key(fyne.KeyDown) // past the last row: stays
	key(fyne.KeyUp)
	bold := func(row int) bool {
		cell := newCell()
		v.updateCell(widget.TableCellID{Row: row, Col: 2}, cell)
		return cell.(*widget.Label).TextStyle.Bold
	}
	if !bold(1) || bold(0) || bold(2) {
		t.Errorf("bold rows: %v %v %v, want only the highlighted row 1", bold(0), bold(1), bold(2))
	}
	key(fyne.KeyReturn)
	if !slices.Equal(*opened, []int64{2}) {
		t.Fatalf("Down, Down, Down, Up, Enter opened %v, want [2]", *opened)
	}
	key(fyne.KeyUp)
	key(fyne.KeyUp)
	if c.Focused() != v.Search {
		t.Fatalf("Up on the first row: focus %T, want the search box", c.Focused())
	}
	if bold(0) {
		t.Error("the list lost the keyboard but its row is still bold")
	}
	key(fyne.KeyDown)
	key(fyne.KeyEscape)
	if c.Focused() != v.Search {
		t.Fatalf("Esc in the list: focus %T, want the search box", c.Focused())
	}
	key(fyne.KeyDown)
	v.table.TypedRune('s')
	if c.Focused() != v.Search || v.Search.Text != "zwolles" {
		t.Fatalf("typing in the list: focus %T, search %q; want the search box with %q", c.Focused(), v.Search.Text, "zwolles")
	}

	svc.persons = svc.persons[:1]
	key(fyne.KeyReturn)
	if !slices.Equal(*opened, []int64{2, 1}) {
		t.Fatalf("Enter with one result opened %v, want [2 1]", *opened)
	}
}

// The Done-when path by keyboard: Ctrl+F, "berg", Enter opens Jan Willem van der Berg
// (the only one found); Esc goes back to the list with his row highlighted.
func TestKeyboardToBergAndBack(t *testing.T) {
	svc := realService(t, exampleNow, []string{"0193"}, true)
	s, w := newShell(t, svc, Options{})
	c := w.Canvas()
	s.ShortcutSearch()
	test.Type(s.Persons.Search, "berg")
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	s.Wait()
	if s.Person == nil || s.Person.file == nil || s.Person.file.Person.Achternaam != "Berg" {
		t.Fatalf("Enter after 'berg' did not open Jan Willem van der Berg (screen %q)", s.Current())
	}
	pressEsc(c)
	s.Wait()
	if s.Current() != SectionPersonen || c.Focused() != s.Persons.table || s.Persons.table.row != 0 {
		t.Fatalf("Esc: screen %q, focus %T; want Personen with the list focused", s.Current(), c.Focused())
	}
}

// Names and inrichtingen give up room first and take it in a wide window; the other
// columns keep their width.
func TestColumnsFitTheWindow(t *testing.T) {
	narrow := fitColumns(columns, 400)
	if narrow[colNaam] != columns[colNaam].min || narrow[colInrichting] != columns[colInrichting].min {
		t.Errorf("narrow: %v, want the minimum for Naam and Inrichting", narrow)
	}
	wide := fitColumns(columns, 2000)
	if wide[colNaam] <= columns[colNaam].width || wide[colInrichting] <= columns[colInrichting].width || wide[colNaam] <= wide[colInrichting] {
		t.Errorf("wide: %v, want Naam and Inrichting to grow, Naam most", wide)
	}
	for i, c := range columns {
		if c.min == 0 && (narrow[i] != c.width || wide[i] != c.width) {
			t.Errorf("column %s changed width: %v, %v", c.title, narrow[i], wide[i])
		}
	}
}

// In a window of 800×600 the list shows Vrijlating (issue 18 item 7: the columns' minimum
// widths added up to about 815 and pushed it off to the right), and at the default
// size the six domains too.
func TestVrijlatingInViewAt800(t *testing.T) {
	s, w := newShell(t, realService(t, exampleNow, []string{"0193"}, true), Options{})
	s.Show(SectionPersonen)
	w.Resize(fyne.NewSize(800, 600))
	s.Wait()
	rows := tableRows(s.Persons)
	if len(rows) == 0 || rows[0][colVrijlating] == "" {
		t.Fatalf("rows = %q, want a first row with a release", rows)
	}
	texts := visibleCells(s.Persons.table)
	for _, want := range []string{"Naam", "Vrijlating", rows[0][colVrijlating]} {
		if !slices.Contains(texts, want) {
			t.Errorf("at 800×600 the list does not show %q in full: %q", want, texts)
		}
	}
	w.Resize(fyne.NewSize(1100, 720))
	s.Wait()
	texts = visibleCells(s.Persons.table)
	for _, want := range []string{"Vrijlating", "ID-bewijs", "Onderdak", "Werk/ink.", "Schulden", "Zorg", "Thuis"} {
		if !slices.Contains(texts, want) {
			t.Errorf("at 1100×720 the list does not show %q in full: %q", want, texts)
		}
	}
}

// visibleCells are the texts of the table's cells and headers that lie inside the
// table's width, as far as they are not cut off there.
func visibleCells(t *personTable) []string {
	width := t.Size().Width
	var out []string
	var walk func(o fyne.CanvasObject, x float32)
	walk = func(o fyne.CanvasObject, x float32) {
		if o == nil || !o.Visible() {
			return
		}
		x += o.Position().X
		switch l := o.(type) {
		case *widget.Label:
			if x+l.Size().Width <= width+1 && !strings.HasSuffix(fyneLabelShown(l), "…") {
				out = append(out, l.Text)
			}
			return
		case *fyne.Container:
			for _, c := range l.Objects {
				walk(c, x)
			}
			return
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(l).Objects() {
				walk(c, x)
			}
		}
	}
	for _, c := range test.WidgetRenderer(t).Objects() {
		walk(c, 0)
	}
	return out
}

// Down in the search box enters the results of what is in the box: typed fast, before
// the search ran, it first runs the search (else Enter would open a row of the old
// list); with the results on screen it runs nothing.
func TestDownWaitsForTheSearch(t *testing.T) {
	svc := &fakeService{gemeenten: []string{"0193"}, persons: []app.PersonRow{
		row(1, "Jan", "de", "Vries", "1990-03-01", "PI Vught", "2019-08-15", app.EindVerwacht),
		row(2, "Kofi", "", "Janssen", "1969-09-14", "PI Amsterdam", "2019-08-05", app.EindDefinitief),
	}}
	v, w, _, _ := newPersonsView(t, svc, nil)
	c := w.Canvas()
	c.Focus(v.Search)
	n := len(svc.queries)
	v.Search.Text = "kofi" // typed, the search not run yet (the typing pause)
	v.Search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if len(svc.queries) != n+1 || svc.queries[n].Zoek != "kofi" {
		t.Fatalf("Down before the search ran: queries %+v, want one for 'kofi'", svc.queries[n:])
	}
	if c.Focused() != v.table || v.table.row != 0 {
		t.Fatalf("Down: focus %T row %d, want the list's first row", c.Focused(), v.table.row)
	}
	c.Focus(v.Search)
	v.Search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if len(svc.queries) != n+1 || c.Focused() != v.table {
		t.Fatalf("Down on results already shown: %d more queries, focus %T", len(svc.queries)-n-1, c.Focused())
	}
}

// Examples loaded before and removed by retention come back as duplicates (a removed
// message is not read in again): the dialog says so and how to see them again, instead
// of "geladen" and a warning about the next start.
func TestExamplesAlreadyKnown(t *testing.T) {
	svc := realService(t, exampleNow, []string{"0193"}, true)
	if _, err := svc.RunRetention(context.Background(), exampleNow.AddDate(2, 0, 0), false); err != nil {
		t.Fatal(err)
	}
	v, w, bg, _ := newPersonsView(t, svc, realExamples())
	if !v.empty.Visible() {
		t.Fatal("after retention the list should be empty")
	}
	test.Tap(v.loadBtn)
	bg.Wait()
	dlg := visibleTexts(w.Canvas().Overlays().Top())
	for _, s := range []string{"Voorbeeldberichten al bekend", "0 geïmporteerd", "nieuwe database"} {
		if !containsText(dlg, s) {
			t.Errorf("dialog does not say %q; it says %q", s, dlg)
		}
	}
	if containsText(dlg, "bij de volgende start") {
		t.Errorf("dialog warns about the next start for examples that were not loaded: %q", dlg)
	}
}

// fyneLabelShown is the text a label draws (with "…" where it is cut off).
func fyneLabelShown(l *widget.Label) string {
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *canvas.Text:
			b.WriteString(x.Text)
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	for _, c := range test.WidgetRenderer(l).Objects() {
		walk(c)
	}
	return b.String()
}
