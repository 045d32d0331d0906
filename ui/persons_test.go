package ui

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers"
)

// fakeService records calls; after the first ImportBytes, Persons returns afterImport.
type fakeService struct {
	mu          sync.Mutex
	persons     []app.PersonRow
	afterImport []app.PersonRow
	gemeenten   []string // nil: not initialised
	importErr   error

	queries  []app.PersonQuery
	inits    [][]string
	imported []string // bron of every ImportBytes call
}

func (f *fakeService) Persons(_ context.Context, q app.PersonQuery) ([]app.PersonRow, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.queries = append(f.queries, q)
	if len(f.imported) > 0 {
		return f.afterImport, nil
	}
	return f.persons, nil
}

func (f *fakeService) ImportBytes(_ context.Context, bron, _ string, raw []byte) ([]app.Result, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(raw) == 0 {
		return nil, errors.New("leeg voorbeeld")
	}
	f.imported = append(f.imported, bron)
	if f.importErr != nil {
		return nil, f.importErr
	}
	return []app.Result{{Bron: bron, Resultaat: app.Geimporteerd}}, nil
}

func (f *fakeService) Gemeenten(context.Context) ([]string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.gemeenten == nil {
		return nil, app.ErrNotInitialised
	}
	return f.gemeenten, nil
}

func (f *fakeService) Init(_ context.Context, g []string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.inits = append(f.inits, g)
	f.gemeenten = g
	return nil
}

func row(voornamen, voorvoegsel, achternaam, geboren, inrichting, eind, status string) app.PersonRow {
	r := app.PersonRow{
		Person: app.Person{Voornamen: voornamen, Voorvoegsel: voorvoegsel, Achternaam: achternaam,
			Geboortedatum: app.MustDate(geboren)},
		Inrichting: inrichting, EinddatumStatus: status,
	}
	if eind != "" {
		r.Einddatum = app.MustDate(eind)
	}
	return r
}

func newView(t *testing.T, svc Service, examples []Example) (*PersonsView, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	v := NewPersonsView(context.Background(), svc, w, examples)
	// The test driver runs fyne.Do on the calling goroutine, so the window is touched
	// only once the view's background work is done.
	v.bg.Wait()
	w.SetContent(v.Content())
	w.Resize(fyne.NewSize(1000, 700))
	return v, w
}

// tableRows reads the table through its own callbacks, as the renderer does.
func tableRows(v *PersonsView) [][]string {
	rows, cols := v.table.Length()
	var out [][]string
	for r := 0; r < rows; r++ {
		var line []string
		for c := 0; c < cols; c++ {
			cell := v.table.CreateCell()
			v.table.UpdateCell(widget.TableCellID{Row: r, Col: c}, cell)
			line = append(line, cell.(*widget.Label).Text)
		}
		out = append(out, line)
	}
	return out
}

// visibleTexts collects the text of every visible label and text object under o.
func visibleTexts(o fyne.CanvasObject) []string {
	if o == nil || !o.Visible() {
		return nil
	}
	var out []string
	switch x := o.(type) {
	case *widget.Label:
		return []string{x.Text}
	case *canvas.Text:
		return []string{x.Text}
	case *fyne.Container:
		for _, c := range x.Objects {
			out = append(out, visibleTexts(c)...)
		}
		return out
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			out = append(out, visibleTexts(c)...)
		}
	}
	return out
}

func containsText(texts []string, want string) bool {
	return slices.ContainsFunc(texts, func(s string) bool { return strings.Contains(s, want) })
}

func TestPersonsListShowsRowsInServiceOrder(t *testing.T) {
	svc := &fakeService{gemeenten: []string{"0193"}, persons: []app.PersonRow{
		row("Jan", "de", "Vries", "1990-03-01", "PI Vught", "2026-01-15", app.EindVerwacht),
		row("Fatima", "", "El Amrani", "1985-12-24", "PI Zwolle", "2026-02-01", app.EindDefinitief),
	}}
	v, w := newView(t, svc, nil)

	if len(svc.queries) != 1 || svc.queries[0].Sort != app.SortByRelease {
		t.Fatalf("Persons queries = %+v, want one with SortByRelease", svc.queries)
	}
	want := [][]string{
		{"Jan de Vries", "01-03-1990", "PI Vught", "15-01-2026", "verwacht"},
		{"Fatima El Amrani", "24-12-1985", "PI Zwolle", "01-02-2026", "definitief"},
	}
	if got := tableRows(v); !slices.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("table rows = %q, want %q", got, want)
	}
	if v.empty.Visible() || !v.listPane.Visible() {
		t.Fatal("with persons the list must show and the empty state must be hidden")
	}
	if v.count.Text != "2 personen" {
		t.Errorf("count = %q, want %q", v.count.Text, "2 personen")
	}
	texts := visibleTexts(w.Canvas().Content())
	for _, s := range []string{"Naam", "Geboortedatum", "Inrichting", "Einddatum", "Jan de Vries", "Fatima El Amrani", "15-01-2026"} {
		if !containsText(texts, s) {
			t.Errorf("window does not show %q; it shows %q", s, texts)
		}
	}
	if containsText(texts, EmptyText) {
		t.Error("window shows the empty-state text although there are persons")
	}
}

func TestPersonsListMarksUnknownReleaseAndControle(t *testing.T) {
	r := row("Piet", "", "Jansen", "2000-07-07", "", "", "")
	r.ControleNodig = true
	svc := &fakeService{gemeenten: []string{"0193"}, persons: []app.PersonRow{r}}
	v, _ := newView(t, svc, nil)
	want := [][]string{{"Piet Jansen (controle nodig)", "07-07-2000", "", "onbekend", ""}}
	if got := tableRows(v); !slices.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("table rows = %q, want %q", got, want)
	}
	if v.count.Text != "1 persoon" {
		t.Errorf("count = %q, want %q", v.count.Text, "1 persoon")
	}
}

func realExamples() []Example {
	var out []Example
	for _, e := range importers.Examples() {
		out = append(out, Example{Name: e.Name, Data: e.Data})
	}
	return out
}

func TestEmptyStateLoadsExamplesAfterInitialising(t *testing.T) {
	examples := realExamples()
	if len(examples) == 0 {
		t.Fatal("importers.Examples() returned no examples")
	}
	svc := &fakeService{afterImport: []app.PersonRow{
		row("Jan", "de", "Vries", "1990-03-01", "PI Vught", "2026-01-15", app.EindVerwacht),
	}}
	v, w := newView(t, svc, examples)

	if !v.empty.Visible() || v.listPane.Visible() {
		t.Fatal("an empty database must show the empty state, not the list")
	}
	texts := visibleTexts(w.Canvas().Content())
	if !containsText(texts, EmptyText) || !containsText(texts, LoadExamplesBtn) {
		t.Fatalf("empty state texts = %q", texts)
	}

	test.Tap(v.loadBtn)
	v.bg.Wait()

	if want := [][]string{{ExampleGemeente}}; !slices.EqualFunc(svc.inits, want, slices.Equal) {
		t.Errorf("Init calls = %q, want %q", svc.inits, want)
	}
	var wantBron []string
	for _, e := range examples {
		wantBron = append(wantBron, "voorbeelden/"+e.Name)
	}
	if !slices.Equal(svc.imported, wantBron) {
		t.Errorf("ImportBytes calls = %q, want %q", svc.imported, wantBron)
	}
	if len(svc.queries) != 2 {
		t.Errorf("Persons called %d times, want 2 (start and after loading)", len(svc.queries))
	}
	if v.empty.Visible() || !v.listPane.Visible() {
		t.Fatal("after loading the list must replace the empty state")
	}
	if got := tableRows(v); len(got) != 1 || got[0][0] != "Jan de Vries" {
		t.Fatalf("table rows after loading = %q", got)
	}
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog after loading the examples")
	}
	dlg := visibleTexts(top)
	wantSummary := app.Summary{Geimporteerd: len(examples)}.String()
	for _, s := range []string{"Voorbeeldberichten geladen", wantSummary, "ingericht voor gemeente 0193"} {
		if !containsText(dlg, s) {
			t.Errorf("dialog does not say %q; it says %q", s, dlg)
		}
	}
	if v.loadBtn.Disabled() {
		t.Error("the button must be enabled again after loading")
	}
}

func TestLoadExamplesOnInitialisedDatabaseDoesNotInit(t *testing.T) {
	svc := &fakeService{gemeenten: []string{"0193"}}
	v, w := newView(t, svc, []Example{{Name: "a.xml", Data: []byte("<a/>")}})
	test.Tap(v.loadBtn)
	v.bg.Wait()
	if len(svc.inits) != 0 {
		t.Errorf("Init called %q on an initialised database", svc.inits)
	}
	dlg := visibleTexts(w.Canvas().Overlays().Top())
	if containsText(dlg, "ingericht") {
		t.Errorf("dialog mentions initialising although nothing was initialised: %q", dlg)
	}
	if !containsText(dlg, "1 geïmporteerd") {
		t.Errorf("dialog = %q, want the summary", dlg)
	}
}

func TestLoadExamplesShowsErrorAndStops(t *testing.T) {
	svc := &fakeService{gemeenten: []string{"0193"}, importErr: errors.New("de database is vergrendeld")}
	v, w := newView(t, svc, []Example{{Name: "a.xml", Data: []byte("<a/>")}, {Name: "b.xml", Data: []byte("<b/>")}})
	test.Tap(v.loadBtn)
	v.bg.Wait()
	if !slices.Equal(svc.imported, []string{"voorbeelden/a.xml"}) {
		t.Errorf("ImportBytes calls = %q, want only the first example", svc.imported)
	}
	dlg := visibleTexts(w.Canvas().Overlays().Top())
	if !containsText(dlg, "a.xml kon niet worden geïmporteerd: de database is vergrendeld") {
		t.Errorf("error dialog = %q", dlg)
	}
	if v.loadBtn.Disabled() {
		t.Error("the button must be enabled again after an error")
	}
}
