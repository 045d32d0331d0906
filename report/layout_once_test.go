package report

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

// A report is laid out once, and a person overview that is set tight twice (normal, then
// tight): the page count of "Pagina X van Y" no longer needs a counting pass, which cost a
// layout with two font registrations of its own.
func TestReportsAreLaidOutOnce(t *testing.T) {
	kop := app.ReportHeader{Gemeenten: []string{"0193"}, Afgedrukt: time.Date(2019, 6, 3, 10, 15, 0, 0, time.UTC)}
	layouts := 0
	threePages := func(d *doc) {
		layouts++
		for p := range 3 {
			if p > 0 {
				d.pdf.AddPage()
			}
			d.font("", 10)
			d.pdf.CellFormat(40, 5, fmt.Sprintf("inhoud %d", p+1), "", 1, "L", false, 0, "")
		}
	}
	var b bytes.Buffer
	if err := build(&b, "P", "test", kop, threePages); err != nil {
		t.Fatal(err)
	}
	if layouts != 1 {
		t.Errorf("build laid the report out %d times, want 1", layouts)
	}
	if got := bytes.Count(b.Bytes(), []byte("/Type /Page\n")); got != 3 {
		t.Errorf("%d pages, want 3", got)
	}

	n := 0
	for ; n < 200; n++ {
		if pages, _ := pagesAndUse(longReport(n), normal); pages == 2 {
			break
		}
	}
	r := longReport(n) // a near-empty second page: set tight onto one
	layouts = 0
	if err := buildSpaced(&b, "P", personTitle, r.Kop, normal, true, func(d *doc) { layouts++; d.person(r) }); err != nil {
		t.Fatal(err)
	}
	if layouts != 2 {
		t.Errorf("a tightened person overview was laid out %d times, want 2", layouts)
	}
}
