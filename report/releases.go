package report

import (
	"fmt"

	"github.com/terugkeer/terugkeer/app"
)

// Release list geometry (A4 landscape, millimetres; 261 mm between the margins).
const (
	tableSize = 8.5
	headSize  = 7.5 // the header's titles: the domain titles fit their narrow columns
	tableLH   = 4.4
	cellPad   = 1.0 // vertical padding above and below a row's text
)

type column struct {
	title string
	w     float64
	align string
}

// domainTitles are the compact domain headers of the release list.
var domainTitles = map[app.Domain]string{
	app.Identiteitsbewijs: "ID-bewijs",
	app.Onderdak:          "Onderdak",
	app.WerkEnInkomen:     "Werk/ink.",
	app.Schulden:          "Schulden",
	app.Zorg:              "Zorg",
	app.ZorgVoorThuis:     "Thuis",
}

func releaseColumns() []column {
	cols := []column{
		{"Vrijlating", 30, "L"},
		{"Over", 17, "L"},
		{"Naam", 47, "L"},
		{"Geboren", 20, "L"},
		{"Inrichting", 26, "L"},
		{"Verantw.", 25, "L"},
	}
	for _, d := range app.Domains() {
		cols = append(cols, column{domainTitles[d], 16, "C"})
	}
	return cols
}

// domainColumn is the index of the first domain column.
const domainColumn = 6

// Legend explains the compact codes under the release table.
const Legend = "Per domein: de stand van de opvolging (open, in beh. = in behandeling, geregeld, " +
	"n. nodig = niet nodig, n. bereikb. = niet bereikbaar), in een groen vak met toestemming, " +
	"zonder groen op grond van het D&R-plan; " +
	"geen toest. = geen toestemming, ingetr. = toestemming ingetrokken, — = geen informatieblad. " +
	"Verantw.: de collega's die bij de domeinen als verantwoordelijke staan. " +
	"Vrijlating: verw. = verwachte datum, def. = definitieve datum. Thuis = zorg voor thuis."

func (d *doc) releases(l *app.ReleaseList) {
	p := d.pdf
	cols := releaseColumns()
	d.font("B", 14)
	d.color(colText)
	p.SetX(d.left)
	p.CellFormat(0, 7, releasesTitle(l), "", 1, "L", false, 0, "")
	d.font("", 9)
	d.color(colMuted)
	p.SetX(d.left)
	p.CellFormat(0, 5, releasesSubtitle(l), "", 1, "L", false, 0, "")
	p.Ln(2)
	if len(l.Rijen) == 0 {
		empty := "Geen vrijlatingen in deze periode."
		if l.Weken == 0 {
			empty = "Geen personen met deze filters."
		}
		d.paragraph(empty, colText)
		return
	}
	d.tableHeader(cols)
	d.newPage = func() { d.tableHeader(cols) }
	for i, r := range l.Rijen {
		d.releaseRow(cols, r, i%2 == 1)
	}
	d.newPage = nil
	p.Ln(3)
	d.font("", 7.5)
	ls := d.textLines(Legend, d.right-d.left)
	d.ensure(float64(len(ls)) * 3.8)
	d.color(colMuted)
	for _, s := range ls {
		p.SetX(d.left)
		p.CellFormat(d.right-d.left, 3.8, s, "", 1, "L", false, 0, "")
	}
	d.color(colText)
}

// releasesTitle is the list's heading: its window of weeks, or the Personen list.
func releasesTitle(l *app.ReleaseList) string {
	switch {
	case l.Weken > 0:
		return fmt.Sprintf("Vrijlatingen van %s tot en met %s", l.Van.Dutch(), l.Tot.Dutch())
	case !l.Van.IsZero() && !l.Tot.IsZero():
		return fmt.Sprintf("Personen met vrijlating van %s tot en met %s", l.Van.Dutch(), l.Tot.Dutch())
	case !l.Van.IsZero():
		return fmt.Sprintf("Personen met vrijlating vanaf %s", l.Van.Dutch())
	}
	return "Personen"
}

// releasesSubtitle counts the persons and says how the list was chosen and sorted.
func releasesSubtitle(l *app.ReleaseList) string {
	count := fmt.Sprintf("%d personen", len(l.Rijen))
	if len(l.Rijen) == 1 {
		count = "1 persoon"
	}
	if l.Weken > 0 {
		weeks := fmt.Sprintf("de komende %d weken", l.Weken)
		if l.Weken == 1 {
			weeks = "de komende week"
		}
		return fmt.Sprintf("%s met een vrijlatingsdatum in %s, op datum gesorteerd.", count, weeks)
	}
	if l.Selectie == "" {
		return count + " uit de lijst Personen, op vrijlatingsdatum gesorteerd."
	}
	return fmt.Sprintf("%s uit de lijst Personen: %s.", count, l.Selectie)
}

func (d *doc) tableHeader(cols []column) {
	p := d.pdf
	d.font("B", headSize)
	// A narrower cell margin leaves the domain titles room in their 16 mm.
	margin := p.GetCellMargin()
	p.SetCellMargin(0.6)
	defer p.SetCellMargin(margin)
	// A title wraps within its column rather than running into its neighbour's.
	wrapped := make([][]string, len(cols))
	n := 1
	for i, c := range cols {
		wrapped[i] = d.lines(c.title, c.w)
		n = max(n, len(wrapped[i]))
	}
	h := float64(n)*tableLH + 2*cellPad
	x, y := d.left, p.GetY()
	d.fill(colHead)
	p.Rect(d.left, y, d.right-d.left, h, "F")
	d.color(colAccent)
	for i, c := range cols {
		for j, l := range wrapped[i] {
			p.SetXY(x, y+cellPad+float64(j)*tableLH)
			p.CellFormat(c.w, tableLH, l, "", 0, c.align, false, 0, "")
		}
		x += c.w
	}
	// A white rule between the header cells, so that neighbouring titles read apart.
	p.SetDrawColor(255, 255, 255)
	p.SetLineWidth(0.6)
	x = d.left
	for _, c := range cols[:len(cols)-1] {
		x += c.w
		p.Line(x, y, x, y+h)
	}
	p.SetXY(d.left, y+h)
	d.color(colText)
}

func (d *doc) releaseRow(cols []column, r app.ReleaseRow, zebra bool) {
	p := d.pdf
	due, over := r.Vrijlating.Dutch(), shortDays(r.Dagen)
	if r.Vrijlating.IsZero() {
		due, over = "onbekend", ""
	}
	switch r.VrijlatingStaat {
	case "verwacht":
		due += " verw."
	case "definitief":
		due += " def."
	}
	name := r.Naam
	if r.ControleNodig {
		name += " (controle nodig)"
	}
	cells := []string{due, over, name, r.Geboortedatum.Dutch(), r.Inrichting, r.Verantwoordelijke}
	for _, s := range r.Domeinen {
		cells = append(cells, domainCell(s))
	}
	wrapped := make([][]string, len(cells))
	n := 1
	for i, c := range cells {
		d.font(nameStyle(i), tableSize) // measure in the style the cell is drawn in
		wrapped[i] = d.lines(orDash(c), cols[i].w)
		n = max(n, len(wrapped[i]))
	}
	h := float64(n)*tableLH + 2*cellPad
	d.ensure(h)
	x, y := d.left, p.GetY()
	if zebra {
		d.fill(colZebra)
		p.Rect(d.left, y, d.right-d.left, h, "F")
	}
	for i, ls := range wrapped {
		c := cols[i]
		if i >= domainColumn {
			d.statusFill(r.Domeinen[i-domainColumn].Toestemming, x, y, c.w, h)
		}
		d.font(nameStyle(i), tableSize)
		for j, s := range ls {
			p.SetXY(x, y+cellPad+float64(j)*tableLH)
			p.CellFormat(c.w, tableLH, s, "", 0, c.align, false, 0, "")
		}
		x += c.w
	}
	d.draw(colRule)
	p.SetLineWidth(0.1)
	p.Line(d.left, y+h, d.right, y+h)
	p.SetXY(d.left, y+h)
}

// statusFill shades a domain cell: light green where consent holds, grey where revoked.
func (d *doc) statusFill(s app.ConsentState, x, y, w, h float64) {
	switch s {
	case app.ConsentJa:
		d.fill(colJa)
	case app.ConsentIngetrokken:
		d.fill(colStop)
	default:
		return
	}
	d.pdf.Rect(x+1, y+0.6, w-2, h-1.2, "F")
}

// nameStyle is the font style of column i: the name is bold.
func nameStyle(i int) string {
	if i == 2 {
		return "B"
	}
	return ""
}

// shortDays is the "Over" column: days until release, compact (app.WordDays).
func shortDays(days int) string { return app.WordDays(days, app.DaysColumn).String() }

// domainCell is a domain's cell: the list's compact status, with a refusal written as
// "geen toest." rather than a bare "nee" that reads like an answer.
func domainCell(s app.DomainStatus) string {
	if s.Opvolging == "" && s.Toestemming == app.ConsentNee {
		return "geen toest."
	}
	return s.Kort
}
