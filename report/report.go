// Package report draws the PDF overviews for the nazorg consultation: the overview of one
// person (WritePerson) and the list of coming releases (WriteReleases). What a printout
// contains is decided in package app (app.PersonReport, app.ReleaseList); this package
// only lays it out on A4 with the embedded DejaVu Sans fonts, so every name of the spec
// (Öztürk, Şahin, Łukasz, Dvořák, Nguyễn) renders. Output is deterministic: the same
// model, with the same Kop.Afgedrukt, gives the same bytes.
package report

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode"

	"github.com/jung-kurt/gofpdf"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/unicode/norm"

	"github.com/terugkeer/terugkeer/app"
)

//go:embed fonts/DejaVuSans.ttf
var fontRegular []byte

//go:embed fonts/DejaVuSans-Bold.ttf
var fontBold []byte

const family = "DejaVu"

// Texts printed on every page.
const (
	Kopregel    = "Vertrouwelijk — nazorgoverleg"
	Bewaarregel = "Bewaar deze afdruk niet langer dan nodig en vernietig hem na het overleg."
)

type rgb struct{ r, g, b int }

var (
	colText   = rgb{33, 37, 41}
	colMuted  = rgb{96, 104, 112}
	colAccent = rgb{25, 70, 115}
	colRule   = rgb{190, 196, 202}
	colZebra  = rgb{243, 245, 247}
	colHead   = rgb{226, 233, 240}
	colJa     = rgb{222, 240, 226}
	colStop   = rgb{236, 236, 236}
)

// doc is one PDF being laid out, with the page furniture shared by both reports.
type doc struct {
	pdf     *gofpdf.Fpdf
	kop     app.ReportHeader
	newPage func() // called after a page break that ensure made (e.g. a table header)
	w, h    float64
	left    float64
	right   float64 // x of the right margin
	bottom  float64 // y below which content must not go
	// the column section, field and paragraph draw in (see column)
	colX, colW, labelW float64
	sp                 spacing // vertical rhythm of the person overview
}

// spacing is the vertical rhythm of the person overview: the line height of body text
// and the gap above a section. tight is used when the normal rhythm leaves only a few
// lines on the last page (see fewerPages).
type spacing struct{ lh, gap float64 }

var (
	normal = spacing{lh: bodyLH, gap: 3}
	tight  = spacing{lh: 4.4, gap: 1.2}
)

// build lays a report out once and then writes "Pagina X van Y" on every page
// (numberPages). gofpdf's page-count alias is avoided on purpose: its placeholder's width
// would shift the right-aligned footer.
func build(w io.Writer, orientation, title string, kop app.ReportHeader, layout func(*doc)) error {
	return buildSpaced(w, orientation, title, kop, normal, false, layout)
}

// buildSpaced is build with the vertical rhythm sp; with tightenable, a near-empty last
// page is saved by the tight rhythm where that needs fewer pages (tighten), the one case
// that lays the report out twice. Before, every report was laid out twice, the first
// time only to count its pages: each layout registers the two embedded fonts anew, which
// gofpdf parses and fingerprints each time, the larger part of a person overview's time
// (docs/performance.md, session 24).
func buildSpaced(w io.Writer, orientation, title string, kop app.ReportHeader, sp spacing, tightenable bool,
	layout func(*doc)) error {
	d := newDoc(orientation, title, kop, sp)
	layout(d)
	if err := d.pdf.Error(); err != nil {
		return fmt.Errorf("PDF opmaken: %w", err)
	}
	if tightenable {
		d, _ = tighten(d, orientation, title, kop, layout)
	}
	d.numberPages()
	if err := d.pdf.Output(w); err != nil {
		return fmt.Errorf("PDF schrijven: %w", err)
	}
	return nil
}

func newDoc(orientation, title string, kop app.ReportHeader, sp spacing) *doc {
	p := gofpdf.NewCustom(&gofpdf.InitType{OrientationStr: orientation, UnitStr: "mm", SizeStr: "A4"})
	p.AddUTF8FontFromBytes(family, "", fontRegular)
	p.AddUTF8FontFromBytes(family, "B", fontBold)
	p.SetCompression(true)
	p.SetCatalogSort(true)
	p.SetCreationDate(kop.Afgedrukt)
	p.SetModificationDate(kop.Afgedrukt)
	p.SetTitle(title, true) // a generic title: no personal data in the metadata
	p.SetCreator("Terugkeer", true)
	p.SetProducer("Terugkeer", true)
	p.SetAutoPageBreak(false, 0) // breaks are made by ensure, so rows are never split
	p.SetMargins(18, 22, 18)
	pw, ph := p.GetPageSize()
	d := &doc{pdf: p, kop: kop, w: pw, h: ph, left: 18, right: pw - 18, bottom: ph - 20, sp: sp}
	d.column(d.left, d.right-d.left, labelW)
	p.SetHeaderFunc(d.header)
	p.SetFooterFunc(d.footer)
	p.AddPage()
	return d
}

func (d *doc) color(c rgb) { d.pdf.SetTextColor(c.r, c.g, c.b) }
func (d *doc) fill(c rgb)  { d.pdf.SetFillColor(c.r, c.g, c.b) }
func (d *doc) draw(c rgb)  { d.pdf.SetDrawColor(c.r, c.g, c.b) }
func (d *doc) font(style string, size float64) {
	d.pdf.SetFont(family, style, size)
}

func (d *doc) header() {
	p := d.pdf
	y := 10.0
	d.font("B", 9.5)
	d.color(colAccent)
	p.SetXY(d.left, y)
	p.CellFormat(90, 5, Kopregel, "", 0, "L", false, 0, "")
	d.font("", 8)
	d.color(colMuted)
	p.SetXY(d.right-130, y)
	p.CellFormat(130, 5, clean(headerInfo(d.kop)), "", 0, "R", false, 0, "")
	d.draw(colRule)
	p.SetLineWidth(0.3)
	p.Line(d.left, y+6.5, d.right, y+6.5)
	p.SetXY(d.left, pageTop)
	d.color(colText)
}

// pageTop is where a page's content starts, below the header.
const pageTop = 22.0

// headerInfo is "Gemeente 0193 · afgedrukt 03-06-2019 10:15 door A. Jansen".
func headerInfo(k app.ReportHeader) string {
	g := "Gemeente " + strings.Join(k.Gemeenten, ", ")
	if len(k.Gemeenten) > 1 {
		g = "Gemeenten " + strings.Join(k.Gemeenten, ", ")
	}
	s := g + " · afgedrukt " + k.Afgedrukt.Format("02-01-2006 15:04")
	if k.Gebruiker != "" {
		s += " door " + k.Gebruiker
	}
	return s
}

// The footer: a rule footerRise mm above the page's bottom edge, and below it the
// Bewaarregel on the left and "Pagina X van Y" in the last pageNumberW mm on the right,
// in footerSize pt (footer draws the rule and the Bewaarregel as each page ends,
// numberPages the page numbers once the page count is known).
const (
	footerRise  = 15.0
	pageNumberW = 35.0
	footerSize  = 7.5
)

func (d *doc) footer() {
	p := d.pdf
	y := d.h - footerRise
	d.draw(colRule)
	p.SetLineWidth(0.3)
	p.Line(d.left, y, d.right, y)
	d.font("", footerSize)
	d.color(colMuted)
	p.SetXY(d.left, y+1.5)
	p.CellFormat(d.right-d.left-pageNumberW, 4, Bewaarregel, "", 0, "L", false, 0, "")
	d.color(colText)
}

// numberPages writes "Pagina X van Y" in the footer of every page of the finished
// layout, and leaves the last page current (Output closes it). A page's content stream
// keeps the font and colour its last text left, which gofpdf does not track per page, so
// both are set explicitly: the font through another one, since SetFont writes nothing
// for the font it thinks is current.
func (d *doc) numberPages() {
	p := d.pdf
	total := p.PageNo()
	y := d.h - footerRise
	for n := 1; n <= total; n++ {
		p.SetPage(n)
		d.font("B", footerSize)
		d.font("", footerSize)
		d.color(colMuted)
		p.SetXY(d.right-pageNumberW, y+1.5)
		p.CellFormat(pageNumberW, 4, fmt.Sprintf("Pagina %d van %d", n, total), "", 0, "R", false, 0, "")
	}
	d.color(colText)
	p.SetPage(total)
}

// ensure starts a new page when h millimetres do not fit on this one.
func (d *doc) ensure(h float64) {
	if d.pdf.GetY()+h <= d.bottom {
		return
	}
	d.pdf.AddPage()
	if d.newPage != nil {
		d.newPage()
	}
}

// lines wraps a one-line value (a name, a label, a table cell) to width w in the
// current font; always at least one line. A line break in the value is shown as \n:
// it cannot add a line (a heading, a row) of its own.
func (d *doc) lines(text string, w float64) []string {
	return d.wrap(clean(text), w)
}

// textLines wraps free text (a toelichting, a note, a paragraph) to width w: its own
// line breaks stay line breaks, every other control character is shown escaped.
func (d *doc) textLines(text string, w float64) []string {
	return d.wrap(cleanText(text), w)
}

func (d *doc) wrap(text string, w float64) []string {
	if text == "" {
		return []string{""}
	}
	var out []string
	for _, para := range strings.Split(text, "\n") {
		ls := d.pdf.SplitText(para, w)
		if len(ls) == 0 {
			ls = []string{""}
		}
		out = append(out, ls...)
	}
	return out
}

// coverage is the set of runes both embedded fonts have a glyph for.
var coverage = sync.OnceValue(func() []bool {
	have := make([]bool, 0x10000)
	fonts := make([]*sfnt.Font, 0, 2)
	for _, data := range [][]byte{fontRegular, fontBold} {
		f, err := sfnt.Parse(data)
		if err != nil {
			panic("report: embedded font unreadable: " + err.Error()) // cannot happen: embedded at build time
		}
		fonts = append(fonts, f)
	}
	var buf sfnt.Buffer
	for r := rune(0x20); r < 0x10000; r++ {
		ok := true
		for _, f := range fonts {
			if gi, err := f.GlyphIndex(&buf, r); err != nil || gi == 0 {
				ok = false
				break
			}
		}
		have[r] = ok
	}
	return have
})

// clean makes a one-line value printable: its control characters (CR, LF, TAB, ESC, C1,
// bidirectional controls) shown as visible escapes (app.Visible), then printable.
func clean(s string) string { return printable(app.Visible(s)) }

// cleanText is clean for free text whose line breaks stay (app.VisibleText).
func cleanText(s string) string { return printable(app.VisibleText(s)) }

// printable makes text drawable: composed (NFC) so accented letters use the font's own
// glyphs, any control character left as a space, and characters the fonts lack
// (gofpdf cannot draw beyond the Basic Multilingual Plane) as "?". Newlines stay.
func printable(s string) string {
	s = norm.NFC.String(s)
	have := coverage()
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteRune(r)
		case r == '\r':
		case unicode.IsControl(r) || unicode.IsSpace(r):
			b.WriteByte(' ')
		case r < 0x10000 && have[r]:
			b.WriteRune(r)
		case unicode.Is(unicode.Mn, r):
			// a combining mark without a composed form: dropped rather than drawn loose
		default:
			b.WriteByte('?')
		}
	}
	return b.String()
}

// orDash prints "—" for an empty value.
func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

// WritePerson draws the overview of one person. When the normal rhythm would leave a
// near-empty last page, the overview is set tighter if that saves the page.
func WritePerson(w io.Writer, r *app.PersonReport) error {
	return buildSpaced(w, "P", personTitle, r.Kop, normal, true, func(d *doc) { d.person(r) })
}

const personTitle = "Persoonsoverzicht nazorgoverleg"

// nearlyEmpty is the share of a page's body below which a last page counts as near-empty.
const nearlyEmpty = 0.25

// tighten takes the counting pass first (normal rhythm) and returns it, or, when its
// last page is near-empty and the tight rhythm needs fewer pages, the tight pass.
func tighten(first *doc, orientation, title string, kop app.ReportHeader, layout func(*doc)) (*doc, spacing) {
	pages := first.pdf.PageNo()
	if pages < 2 || first.used() >= nearlyEmpty {
		return first, first.sp
	}
	t := newDoc(orientation, title, kop, tight)
	layout(t)
	if t.pdf.PageNo() < pages {
		return t, tight
	}
	return first, first.sp
}

// used is how much of the current page's body is used, from 0 to 1.
func (d *doc) used() float64 {
	return (d.pdf.GetY() - pageTop) / (d.bottom - pageTop)
}

// WriteReleases draws the list of coming releases.
func WriteReleases(w io.Writer, l *app.ReleaseList) error {
	return build(w, "L", "Vrijlatingen nazorgoverleg", l.Kop, func(d *doc) { d.releases(l) })
}

// Person renders the overview of one person into memory.
func Person(r *app.PersonReport) ([]byte, error) {
	var b bytes.Buffer
	err := WritePerson(&b, r)
	return b.Bytes(), err
}

// Releases renders the release list into memory.
func Releases(l *app.ReleaseList) ([]byte, error) {
	var b bytes.Buffer
	err := WriteReleases(&b, l)
	return b.Bytes(), err
}
