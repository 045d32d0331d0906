package report

import (
	"strconv"
	"strings"

	"github.com/terugkeer/terugkeer/app"
)

// Person overview geometry (A4 portrait, millimetres).
const (
	labelW   = 78.0 // question / label column
	bodySize = 9.5
	bodyLH   = 4.8
	noteSize = 8.5
	noteLH   = 4.2
)

func (d *doc) person(r *app.PersonReport) {
	p := d.pdf
	d.column(d.left, d.right-d.left, labelW)
	d.font("", 8.5)
	d.color(colMuted)
	p.SetX(d.left)
	p.CellFormat(0, 5, "Persoonsoverzicht", "", 1, "L", false, 0, "")
	d.font("B", 16)
	d.color(colText)
	for _, l := range d.lines(r.Naam, d.right-d.left) {
		p.SetX(d.left)
		p.CellFormat(0, 7.5, l, "", 1, "L", false, 0, "")
	}
	p.Ln(1)

	d.facts([][2]string{{"Geboortedatum", r.Geboortedatum.Dutch()}, {"BSN", orDash(r.BSN)}, {"SKN", orDash(r.SKN)},
		{"Traject", orDash(r.Traject)}})
	if r.ControleNodig {
		d.paragraph("Let op: een bericht met dit BSN had een andere geboortedatum, of een intrekking noemde ook een onbekend domein; controleer de gegevens voordat u ze deelt.", colAccent)
	}

	// Detention and the DJI casemanager side by side.
	top := d.pdf.GetY()
	half := (d.right - d.left - 8) / 2
	d.column(d.left, half, 32)
	d.section("Detentie", "Grondslag: "+app.MeldingBasis)
	if dt := r.Detentie; dt != nil {
		d.field("Inrichting", dt.Inrichting, "")
		d.field("Begin", dt.Begindatum.Dutch(), "")
		end := dt.Einddatum.Dutch()
		if end != "" && dt.EinddatumStatus != "" {
			end += " (" + dt.EinddatumStatus + ")"
		}
		d.field("Einde", end, "")
		if dt.DagenTekst != "" {
			label := "Tot vrijlating"
			if dt.Dagen < 0 {
				label = "Sinds vrijlating"
			}
			d.field(label, dt.DagenTekst, "")
		}
	} else {
		d.paragraph("Geen detentie bekend.", colMuted)
	}
	leftEnd := d.pdf.GetY()
	d.pdf.SetY(top)
	d.column(d.left+half+8, half, 25)
	d.section("Casemanager DJI", "")
	if cm := r.Casemanager; cm != (app.Contact{}) {
		d.field("Naam", cm.Naam, "")
		d.field("Telefoon", cm.Telefoon, "")
		d.field("E-mail", cm.Email, "")
	} else {
		d.paragraph("Niet bekend.", colMuted)
	}
	d.pdf.SetY(max(leftEnd, d.pdf.GetY()))
	d.column(d.left, d.right-d.left, labelW)

	if r.Plan != nil {
		d.section("Re-integratieplan", "Grondslag: "+r.Plan.Grondslag)
		d.paragraph("Het actuele D&R-plan van DJI staat per leefgebied hieronder, apart van de gegevens uit een informatieblad. Het plan is gedeeld zonder toestemming, op grond van art. 18a Penitentiaire beginselenwet.", colMuted)
	}
	for _, dom := range r.Domeinen {
		d.domain(dom, r.Plan)
	}

	d.section("Contactvoorkeuren", "")
	if len(r.Contact) == 0 && (r.Plan == nil || len(r.Plan.Algemeen) == 0) {
		d.paragraph("Geen contactvoorkeuren ontvangen.", colMuted)
	}
	if r.Plan != nil && len(r.Plan.Algemeen) > 0 {
		d.subheading("Re-integratieplan", r.Plan.Grondslag)
		for _, it := range r.Plan.Algemeen {
			d.item(it)
		}
	}
	if len(r.Contact) > 0 {
		if r.Plan != nil {
			d.subheading("Informatieblad", "toestemming")
		}
		for _, it := range r.Contact {
			d.item(it)
		}
	}
	if len(r.Contacten) > 0 {
		d.section("Recente contacten (algemeen)", "")
		for _, c := range r.Contacten {
			d.contact(c)
		}
	}
}

// domain is one domain: the plan's leefgebied and the informatieblad's content, each
// under its basis, then the follow-up. Without consent and without a plan the heading's
// status is all there is: no content is printed.
func (d *doc) domain(dom app.ReportDomain, plan *app.ReportPlan) {
	status := dom.ToestemmingTekst
	switch {
	case dom.Domein == app.SociaalNetwerk:
		status = "Alleen in het D&R-plan"
	case dom.Toestemming == app.ConsentJa || dom.Toestemming == app.ConsentNee:
		status = "Toestemming: " + status
	default:
		status = strings.ToUpper(status[:1]) + status[1:]
	}
	d.section(dom.Titel, status)
	if l := dom.Plan; l != nil && plan != nil {
		d.lifeArea(l, plan.Grondslag)
	}
	if dom.Toestemming.Holds() {
		if dom.Plan != nil || dom.Grondslag != "" {
			d.subheading("Informatieblad", orDash(dom.Grondslag))
		}
		if len(dom.Onderwerpen) == 0 && dom.Hulpvraag == "" {
			d.paragraph("Geen antwoorden ontvangen uit het informatieblad.", colMuted)
		}
		for _, it := range dom.Onderwerpen {
			d.item(it)
		}
		if dom.Hulpvraag != "" {
			d.field("Hulpvraag", dom.Hulpvraag, "")
		}
	} else if dom.Toestemming == app.ConsentIngetrokken && dom.Plan != nil {
		d.subheading("Informatieblad", "")
		d.paragraph("De gegevens uit het informatieblad zijn verwijderd omdat de toestemming is ingetrokken.", colMuted)
	}
	if o := dom.Opvolging; o != nil {
		d.field("Opvolging", o.StatusTekst, "")
		if o.Verantwoordelijke != "" {
			d.field("Verantwoordelijke", o.Verantwoordelijke, "")
		}
		if o.Actie != "" {
			d.field("Volgende actie", o.Actie, "uiterlijk "+o.Actiedatum.Dutch())
		}
	}
	for _, c := range dom.Contacten {
		d.contact(c)
	}
	d.notes(dom)
}

// notes are a domain's recent notes, newest first, and how many older ones there are.
func (d *doc) notes(dom app.ReportDomain) {
	for _, n := range dom.Aantekeningen {
		note := ""
		if n.Door != "" {
			note = "door " + n.Door
		}
		if n.Gewijzigd {
			note = strings.TrimSpace(note + " (gewijzigd)")
		}
		d.field("Aantekening "+n.Tijd.Format("02-01-2006 15:04"), n.Tekst, note)
	}
	switch k := dom.OudereAantekeningen; {
	case k == 1:
		d.paragraph("Nog 1 oudere aantekening staat in Terugkeer.", colMuted)
	case k > 1:
		d.paragraph("Nog "+strconv.Itoa(k)+" oudere aantekeningen staan in Terugkeer.", colMuted)
	}
}

// lifeArea is a leefgebied of the D&R-plan under its basis.
func (d *doc) lifeArea(l *app.ReportLifeArea, basis string) {
	d.subheading("Re-integratieplan", basis)
	if l.Situatie != "" {
		d.field("Situatie", l.Situatie, "")
	}
	for _, it := range l.Onderwerpen {
		d.item(it)
	}
	for _, g := range l.Doelen {
		d.field("Doel", g, "")
	}
	for _, a := range l.Afspraken {
		note := ""
		if !a.Datum.IsZero() {
			note = "datum " + a.Datum.Dutch()
		}
		d.field("Afspraak "+a.ID+" ("+a.Wie+", "+a.Status+")", a.Tekst, note)
	}
	if l.Situatie == "" && len(l.Onderwerpen) == 0 && len(l.Doelen) == 0 && len(l.Afspraken) == 0 {
		d.paragraph("Het plan noemt dit leefgebied zonder inhoud.", colMuted)
	}
}

// subheading names a block inside a section with the basis it is held on (none when
// basis is empty).
func (d *doc) subheading(title, basis string) {
	p := d.pdf
	d.ensure(5 + 2*d.sp.lh)
	p.Ln(0.8)
	y := p.GetY()
	d.font("B", bodySize)
	d.color(colText)
	p.SetXY(d.colX, y)
	label := clean(title)
	w := p.GetStringWidth(label) + 2
	p.CellFormat(w, 5, label, "", 0, "L", false, 0, "")
	if basis != "" {
		d.font("", noteSize)
		d.color(colMuted)
		p.SetXY(d.colX+w, y)
		p.CellFormat(d.colW-w, 5, clean("Grondslag: "+basis), "", 0, "L", false, 0, "")
	}
	d.color(colText)
	p.SetXY(d.colX, y+5.5)
}

// contact is one recent contact moment.
func (d *doc) contact(c app.ReportContact) {
	v := c.Kanaal
	if c.Met != "" {
		v += ", met " + c.Met
	}
	d.field("Contact "+c.Tijd.Format("02-01-2006 15:04"), v, c.Notitie)
}

// item is one answered question. A free-text topic (contact.bereikbaarheid) has its
// content in the toelichting only: that is then the value.
func (d *doc) item(it app.ReportItem) {
	if it.Antwoord == "" && it.Toelichting != "" {
		d.field(it.Vraag, it.Toelichting, "")
		return
	}
	d.field(it.Vraag, it.Antwoord, it.Toelichting)
}

// section starts a titled block, with an optional right-aligned status, and keeps it
// together with at least its first row.
func (d *doc) section(title, status string) {
	p := d.pdf
	d.ensure(d.sp.gap + 8 + 2*d.sp.lh + noteLH + 1.2) // the heading with a first row and its note
	p.Ln(d.sp.gap)
	y := p.GetY()
	d.font("B", 11)
	d.color(colAccent)
	p.SetXY(d.colX, y)
	p.CellFormat(80, 6, clean(title), "", 0, "L", false, 0, "")
	if status != "" {
		d.font("B", 9)
		p.SetXY(d.colX+d.colW-100, y)
		p.CellFormat(100, 6, clean(status), "", 0, "R", false, 0, "")
	}
	d.draw(colRule)
	p.SetLineWidth(0.2)
	p.Line(d.colX, y+6.5, d.colX+d.colW, y+6.5)
	p.SetXY(d.colX, y+8)
	d.color(colText)
}

// field is one label–value row; the note (a toelichting) goes under the value in a
// smaller, muted type. Rows are never split over two pages.
func (d *doc) field(label, value, note string) {
	p := d.pdf
	labelW := d.labelW
	valueW := d.colW - labelW
	d.font("", bodySize)
	ll := d.lines(label, labelW)
	d.font("B", bodySize)
	vl := d.textLines(orDash(value), valueW)
	var nl []string
	if note != "" {
		d.font("", noteSize)
		nl = d.textLines(note, valueW)
	}
	h := max(float64(len(ll))*d.sp.lh, float64(len(vl))*d.sp.lh+float64(len(nl))*noteLH) + 1.2
	d.ensure(h)
	y := p.GetY()
	d.font("", bodySize)
	d.color(colMuted)
	for i, l := range ll {
		p.SetXY(d.colX, y+float64(i)*d.sp.lh)
		p.CellFormat(labelW, d.sp.lh, l, "", 0, "L", false, 0, "")
	}
	d.font("B", bodySize)
	d.color(colText)
	for i, l := range vl {
		p.SetXY(d.colX+labelW, y+float64(i)*d.sp.lh)
		p.CellFormat(valueW, d.sp.lh, l, "", 0, "L", false, 0, "")
	}
	d.font("", noteSize)
	d.color(colMuted)
	ny := y + float64(len(vl))*d.sp.lh
	for i, l := range nl {
		p.SetXY(d.colX+labelW, ny+float64(i)*noteLH)
		p.CellFormat(valueW, noteLH, l, "", 0, "L", false, 0, "")
	}
	d.color(colText)
	p.SetXY(d.colX, y+h)
}

// paragraph is a full-width line of running text.
func (d *doc) paragraph(text string, c rgb) {
	p := d.pdf
	d.font("", bodySize)
	ls := d.textLines(text, d.colW)
	d.ensure(float64(len(ls))*d.sp.lh + 1.2)
	d.color(c)
	for _, l := range ls {
		p.SetX(d.colX)
		p.CellFormat(d.colW, d.sp.lh, l, "", 1, "L", false, 0, "")
	}
	p.Ln(1.2)
	d.color(colText)
}

// column sets where section, field and paragraph draw: from x, w wide, with a label
// column of labelW.
func (d *doc) column(x, w, labelW float64) {
	d.colX, d.colW, d.labelW = x, w, labelW
}

// facts is a strip of small labels with bold values under them, side by side.
func (d *doc) facts(kv [][2]string) {
	p := d.pdf
	w := (d.right - d.left) / float64(len(kv))
	y := p.GetY() + 1
	for i, f := range kv {
		x := d.left + float64(i)*w
		d.font("", 8)
		d.color(colMuted)
		p.SetXY(x, y)
		p.CellFormat(w, 4, f[0], "", 0, "L", false, 0, "")
		d.font("B", 10.5)
		d.color(colText)
		p.SetXY(x, y+4)
		p.CellFormat(w, 5.5, clean(f[1]), "", 0, "L", false, 0, "")
	}
	p.SetXY(d.left, y+11)
}
