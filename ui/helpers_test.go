package ui

import (
	"bytes"
	"context"
	"io"
	"log"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers"
	"github.com/terugkeer/terugkeer/internal/apptest"
	"github.com/terugkeer/terugkeer/report"
)

// logs collects what Fyne logs; a missing translation shows up there.
var logs bytes.Buffer

func TestMain(m *testing.M) {
	log.SetOutput(io.MultiWriter(&logs, os.Stderr))
	if err := SetupLanguage(Dutch); err != nil {
		log.Fatal(err)
	}
	code := m.Run()
	if strings.Contains(logs.String(), "Translation failure") {
		os.Stderr.WriteString("FAIL: a string is missing from translation/nl.json (see 'Translation failure' above)\n")
		code = 1
	}
	os.Exit(code)
}

func realExamples() []Example {
	var out []Example
	for _, e := range importers.Examples() {
		out = append(out, Example{Name: e.Path(), Data: e.Data})
	}
	return out
}

// realService is app.Service on a fresh SQLite database in a temp dir (internal/apptest),
// with the clock at now. With gemeenten it is initialised; with examples the spec's v1
// examples are in it.
func realService(t *testing.T, now time.Time, gemeenten []string, examples bool) *app.Service {
	t.Helper()
	w := apptest.Open(t, apptest.WithClock(now), apptest.WithGemeenten(gemeenten...))
	if examples {
		w.ImportExamples(false)
	}
	return w.Svc
}

// exampleNow is a clock in the examples' period: Jan Willem is released on 2019-08-14.
var exampleNow = time.Date(2019, 8, 5, 10, 0, 0, 0, time.UTC)

// pdfWriter is what cmd/terugkeer wires.
func pdfWriter(svc *app.Service) PDFWriter {
	return func(ctx context.Context, id int64, path string) error {
		r, err := svc.PersonReport(ctx, id, app.PersonReportOptions{})
		if err != nil {
			return err
		}
		return report.WriteFile(path, func(w io.Writer) error { return report.WritePerson(w, r) })
	}
}

// newShell builds the whole window content on svc, in a test window.
func newShell(t *testing.T, svc Service, opts Options) (*Shell, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	opts.OneTaskAtATime = true
	s := NewShell(context.Background(), svc, w, opts)
	s.Wait()
	w.SetContent(s.Content())
	s.InstallShortcuts()
	w.Resize(fyne.NewSize(1200, 800))
	s.Wait()
	return s, w
}

// visibleTexts collects the text of every visible label, button and text object under o.
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

// findButton finds a visible button with this text under o.
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	if o == nil || !o.Visible() {
		return nil
	}
	switch x := o.(type) {
	case *widget.Button:
		if x.Text == text {
			return x
		}
		return nil
	case *fyne.Container:
		for _, c := range x.Objects {
			if b := findButton(c, text); b != nil {
				return b
			}
		}
		return nil
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			if b := findButton(c, text); b != nil {
				return b
			}
		}
	}
	return nil
}

// tableRows reads a person table through its own callbacks, as the renderer does.
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
