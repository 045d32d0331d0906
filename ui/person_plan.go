package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/terugkeer/terugkeer/app"
)

// The grondslag of what the file shows (berichtformaat-v2.md, rule 5): every block says
// on which basis its data is held. Free text from DJI goes through app.Visible or
// app.VisibleText, so control characters are shown, never acted on.

// planBasis is the basis line of the D&R-plan: "art. 18a Pbw, D&R-plan van 28-05-2024".
func planBasis(p *app.StoredPlan) string {
	return tf("art. 18a Pbw, D&R-plan van {{.D}}", "D", formatDate(p.Opgesteld))
}

// sheetBasis is the basis line of informatieblad data: "toestemming, informatieblad van
// 03-06-2019", or without a date when none is known.
func sheetBasis(df app.DomainFile) string {
	if df.Opgesteld.IsZero() {
		return T("toestemming, informatieblad")
	}
	return tf("toestemming, informatieblad van {{.D}}", "D", formatDate(df.Opgesteld))
}

// meldingBasis is the basis of detention data.
func meldingBasis() string { return T("art. 51c Wjsg") }

// blockHeading is the bold title of a block inside a domain card with its basis beside it.
func blockHeading(title, basis string) fyne.CanvasObject {
	t := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	// In the text colour (low importance is a grey of 1.3:1 on white): the basis is
	// part of what the file says, not a decoration.
	b := widget.NewLabelWithStyle(T("Grondslag:")+" "+basis, fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	b.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, t, nil, b)
}

// planSummary is the plan's line under the detention: its basis and the leefgebieden it
// holds, so the file says at once that a plan is there.
func (v *PersonView) planSummary() fyne.CanvasObject {
	p := v.file.Plan
	if p == nil {
		return nil
	}
	var names []string
	for _, l := range p.Plan.Leefgebieden {
		names = append(names, domainLabel(l.Code))
	}
	text := planBasis(p)
	if len(names) > 0 {
		text += " — " + tf("leefgebieden: {{.L}}", "L", joinList(names))
	}
	return fields(T("Re-integratieplan"), text)
}

func joinList(parts []string) string { return join(", ", parts...) }

// planBlock is the D&R-plan's part of a leefgebied: situatie, answers with their
// questions, goals and agreements, under its basis. nil when the plan does not hold it.
func planBlock(p *app.StoredPlan, d app.Domain) fyne.CanvasObject {
	if p == nil {
		return nil
	}
	l, ok := p.Plan.LifeArea(d)
	if !ok {
		return nil
	}
	items := []fyne.CanvasObject{blockHeading(T("Re-integratieplan"), planBasis(p))}
	if l.Situatie != "" {
		items = append(items, fields(T("Situatie"), app.VisibleText(l.Situatie)))
	}
	if len(l.Onderwerpen) > 0 {
		items = append(items, answersBox(l.Onderwerpen))
	}
	var doelen []string
	for _, g := range l.Doelen {
		doelen = append(doelen, T("Doel"), app.VisibleText(g))
	}
	if len(doelen) > 0 {
		items = append(items, fields(doelen...))
	}
	if len(l.Afspraken) > 0 {
		items = append(items, agreementsBox(l.Afspraken))
	}
	if len(items) == 1 {
		items = append(items, widget.NewLabel(T("Het plan noemt dit leefgebied zonder inhoud.")))
	}
	return container.NewVBox(items...)
}

// agreementsBox lists agreements: per agreement its status as the label, and its text
// with who carries it out and by when.
func agreementsBox(as []app.Agreement) fyne.CanvasObject {
	objs := []fyne.CanvasObject{widget.NewLabelWithStyle(T("Afspraken"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	var pairs []string
	for _, a := range as {
		meta := tf("wie: {{.W}}", "W", agreementWhoLabel(a.Wie))
		if !a.Datum.IsZero() {
			meta += "  ·  " + tf("datum: {{.D}}", "D", formatDate(a.Datum))
		}
		pairs = append(pairs, agreementStatusLabel(a.Status), app.VisibleText(a.Tekst)+"\n"+meta)
	}
	objs = append(objs, fields(pairs...))
	return container.NewVBox(objs...)
}

func agreementStatusLabel(s string) string {
	switch s {
	case app.AfspraakOpen:
		return T("open")
	case app.AfspraakLopend:
		return T("lopend")
	case app.AfspraakAfgerond:
		return T("afgerond")
	case app.AfspraakVervallen:
		return T("vervallen")
	}
	return app.Visible(s)
}

func agreementWhoLabel(w string) string {
	switch w {
	case app.WieGemeente:
		return T("gemeente")
	case app.WieDJI:
		return T("DJI")
	case app.WieGedetineerde:
		return T("gedetineerde")
	case app.WieReclassering:
		return T("reclassering")
	case app.WieKetenpartner:
		return T("ketenpartner")
	}
	return app.Visible(w)
}

// sheetBlock is the informatieblad's part of a domain: its consent state and, while
// consent holds, the answers and hulpvraag, under the basis toestemming. A domain that
// no informatieblad ever named gets one muted line.
func sheetBlock(d app.Domain, df app.DomainFile) fyne.CanvasObject {
	if d == app.SociaalNetwerk {
		return nil // version 1 never asked consent for it
	}
	if (df.Toestemming == app.ConsentOnbekend || df.Toestemming == "") && df.Data.Empty() {
		return widget.NewLabelWithStyle(T("Informatieblad:")+" "+consentText(df), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	}
	state := widget.NewLabel(upperFirst(consentText(df))) // "Toestemming gegeven", not "Toestemming: toestemming gegeven"
	switch df.Toestemming {
	case app.ConsentIngetrokken, app.ConsentNee:
		state.Importance = widget.WarningImportance
	case app.ConsentJa:
		state.Importance = widget.SuccessImportance
	}
	items := []fyne.CanvasObject{blockHeading(T("Informatieblad"), sheetBasis(df)), state}
	if df.Toestemming.Holds() {
		if len(df.Data.Onderwerpen) > 0 {
			items = append(items, answersBox(df.Data.Onderwerpen))
		}
		if df.Data.Hulpvraag != "" {
			items = append(items, fields(T("Hulpvraag"), app.VisibleText(df.Data.Hulpvraag)))
		}
		if df.Data.Empty() {
			items = append(items, widget.NewLabel(T("Geen antwoorden of hulpvraag ontvangen.")))
		}
	} else if df.Toestemming == app.ConsentIngetrokken {
		items = append(items, wrapLabel(T("De gegevens van dit domein uit het informatieblad zijn verwijderd omdat de toestemming is ingetrokken.")))
	}
	return container.NewVBox(items...)
}

// shownDomains are the domains the file has a card for: the six of version 1, and
// sociaal-netwerk while the person has a plan.
func (v *PersonView) shownDomains() []app.Domain {
	if v.file != nil && v.file.Plan != nil {
		return app.Leefgebieden()
	}
	return app.Domains()
}

// followupAllowed reports whether the gemeente's own follow-up may be recorded on d: on
// every domain while the person has a plan (art. 18a Pbw), else only while consent
// holds (version 1 rule 3); app decides (DomainFile.Opvolgbaar).
func followupAllowed(f *app.PersonFile, d app.Domain) bool {
	return f != nil && f.Domeinen[d].Opvolgbaar
}

// followupBasis says on which basis the follow-up of a domain rests, as app decided:
// consent while it holds, else the D&R-plan (art. 18a Pbw).
func followupBasis(df app.DomainFile) string {
	if df.OpvolgGrondslag == app.GrondslagPlan {
		return T("art. 18a Pbw (D&R-plan)")
	}
	return T("toestemming")
}

// planGeneral is the plan's contact.* topics under their basis; nil when there are none.
func (v *PersonView) planGeneral() fyne.CanvasObject {
	p := v.file.Plan
	if p == nil || len(p.Plan.Algemeen) == 0 {
		return nil
	}
	return container.NewVBox(blockHeading(T("Re-integratieplan"), planBasis(p)), answersBox(p.Plan.Algemeen))
}
