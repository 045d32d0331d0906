package ui

import (
	"context"
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/terugkeer/terugkeer/app"
)

// OverviewView is the Overzicht: the signals, coming releases, what arrived since the
// user last looked and the quarantine; each item opens the person (or the quarantine).
type OverviewView struct {
	svc   OverviewService
	win   fyne.Window
	ctx   context.Context
	bg    *tasks
	shell *Shell

	Data    *app.Dashboard // the last one shown; Fyne goroutine only
	body    *fyne.Container
	scroll  *container.Scroll
	content fyne.CanvasObject
	gen     int
	Setup   *EscEntry // the gemeentecode field of a new database's welcome; nil otherwise
	// The release list's buttons (releaselist.go) and the PDF viewer.
	pdfBtn, csvBtn *widget.Button
	openURL        func(*url.URL) error
}

// NewOverviewView builds the Overzicht; shell opens persons and screens.
func NewOverviewView(ctx context.Context, svc OverviewService, win fyne.Window, bg *tasks, shell *Shell) *OverviewView {
	v := &OverviewView{svc: svc, win: win, ctx: ctx, bg: bg, shell: shell, openURL: systemOpen}
	v.body = container.NewVBox()
	title := widget.NewLabelWithStyle(T("Overzicht"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	seen := widget.NewButtonWithIcon(T("Alles gezien"), theme.VisibilityIcon(), v.MarkSeen)
	refresh := widget.NewButtonWithIcon(T("Vernieuwen"), theme.ViewRefreshIcon(), v.Reload)
	v.scroll = container.NewVScroll(v.body)
	v.content = container.NewBorder(container.NewBorder(nil, nil, title, container.NewHBox(v.releaseListButtons(), seen, refresh)), nil, nil, nil, v.scroll)
	return v
}

// Content is the view's canvas object.
func (v *OverviewView) Content() fyne.CanvasObject { return v.content }

// Reload computes the dashboard in the background.
func (v *OverviewView) Reload() {
	v.gen++
	gen := v.gen
	now := v.svc.Now().In(amsterdam)
	v.bg.run(func() {
		if notInitialised(v.ctx, v.svc) {
			fyne.Do(func() {
				if gen == v.gen {
					v.welcomeSetup()
				}
			})
			return
		}
		d, err := v.svc.Dashboard(v.ctx, now, 0)
		var any []app.PersonRow
		if err == nil {
			any, err = v.svc.Persons(v.ctx, app.PersonQuery{Limit: 1})
		}
		fyne.Do(func() {
			if gen != v.gen {
				return
			}
			if err != nil {
				showError(v.win, T("Het overzicht kon niet worden gelezen."), err)
				return
			}
			v.Data, v.Setup = d, nil
			v.render(d, len(any) > 0)
		})
	})
}

// MarkSeen makes everything that arrived so far "gezien".
func (v *OverviewView) MarkSeen() {
	now := v.svc.Now()
	v.bg.run(func() {
		err := v.svc.MarkSeen(v.ctx, now)
		fyne.Do(func() {
			if err != nil {
				showError(v.win, T("Het overzicht kon niet worden bijgewerkt."), err)
				return
			}
			v.Reload()
		})
	})
}

func signalLabel(k app.SignalKind) string { return T(k.Label()) }

func (v *OverviewView) render(d *app.Dashboard, persons bool) {
	v.body.RemoveAll()
	if !persons && d.Aantallen[app.SignaalQuarantaine] == 0 {
		v.body.Add(wrapLabel(T("Welkom bij Terugkeer. Er zijn nog geen personen: importeer berichten van de DJI, of laad de voorbeeldberichten om de app te leren kennen.")))
		ex := widget.NewButtonWithIcon(T(LoadExamplesBtn), theme.DownloadIcon(), func() {
			v.shell.Show(SectionPersonen)
			v.shell.Persons.loadExamples()
		})
		ex.Importance = widget.HighImportance
		imp := widget.NewButtonWithIcon(T("Berichten importeren"), theme.FolderOpenIcon(), func() { v.shell.Show(SectionImporteren) })
		v.body.Add(container.NewHBox(ex, imp))
		v.body.Refresh()
		return
	}

	if d.Controle > 0 {
		wait := widget.NewLabelWithStyle(plural(d.Controle,
			"{{.N}} bericht wacht op controle: het BSN hoort bij een bekende persoon met een andere geboortedatum. Open de persoon onder 'Controle nodig' om te beslissen.",
			"{{.N}} berichten wachten op controle: het BSN hoort bij een bekende persoon met een andere geboortedatum. Open de persoon onder 'Controle nodig' om te beslissen."),
			fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		wait.Wrapping, wait.Importance = fyne.TextWrapWord, widget.WarningImportance
		v.body.Add(wait)
	}
	v.body.Add(widget.NewCard(T("Signalen"), tf("vrijlatingen binnen {{.N}} dagen, verlopen acties, afspraken, controle en quarantaine", "N", d.Dagen),
		container.NewVBox(v.signalRows(d)...)))
	v.body.Add(widget.NewCard(T("Vrijlatingen de komende weken"), "", container.NewVBox(v.releaseRows(d)...)))

	// New arrivals.
	nw := container.NewVBox()
	n := d.Nieuw
	nw.Add(widget.NewLabel(arrivalsHeading(n)))
	shown := min(len(n.Berichten), arrivalRows)
	for _, a := range n.Berichten[:shown] {
		detail := formatDay(a.Verzonden) + " · " + kindLabel(a.Soort)
		if a.PersonID != 0 {
			nw.Add(v.personButton(a.PersonID, a.Naam, detail))
		} else {
			nw.Add(widget.NewLabel(detail))
		}
	}
	// The rest of the number in the heading, not of the rows read.
	if more := n.Aantal - shown; n.Afgekapt {
		nw.Add(widget.NewLabel(tf("en nog meer dan {{.N}}", "N", formatCount(more))))
	} else if more > 0 {
		nw.Add(widget.NewLabel(tf("en nog {{.N}} meer", "N", formatCount(more))))
	}
	if n.Quarantaine > 0 {
		nw.Add(widget.NewLabel(plural(n.Quarantaine, "{{.N}} bericht in quarantaine geplaatst.", "{{.N}} berichten in quarantaine geplaatst.")))
	}
	v.body.Add(widget.NewCard(T("Nieuw binnengekomen"), "", nw))
	v.body.Refresh()
}

// arrivalRows bounds the list of new arrivals.
const arrivalRows = 10

// arrivalsHeading is the number of messages since the user last looked; a capped count
// (Arrivals.Afgekapt) says "meer dan".
func arrivalsHeading(n app.Arrivals) string {
	switch {
	case n.Afgekapt && n.LaatstBekeken.IsZero():
		return tf("Meer dan {{.N}} berichten ontvangen.", "N", formatCount(n.Aantal))
	case n.Afgekapt:
		return tf("Meer dan {{.N}} nieuwe berichten", "N", formatCount(n.Aantal)) + " " + tf("sinds {{.T}}", "T", formatTime(n.LaatstBekeken))
	case n.LaatstBekeken.IsZero():
		return plural(n.Aantal, "{{.N}} bericht ontvangen.", "{{.N}} berichten ontvangen.")
	case n.Aantal == 0:
		return tf("Niets nieuws sinds {{.T}}.", "T", formatTime(n.LaatstBekeken))
	}
	return plural(n.Aantal, "{{.N}} nieuw bericht", "{{.N}} nieuwe berichten") + " " + tf("sinds {{.T}}", "T", formatTime(n.LaatstBekeken))
}

// overviewRows bounds each list of the overview. With 150,000 persons the release list
// alone held 2,773 entries, which took Fyne minutes to lay out; the rest is one click
// away in Personen.
const overviewRows = min(app.MaxSignals, app.MaxReleases)

// signalRows lists the signals grouped by kind, at most overviewRows per kind.
func (v *OverviewView) signalRows(d *app.Dashboard) []fyne.CanvasObject {
	if len(d.Signalen) == 0 {
		return []fyne.CanvasObject{widget.NewLabel(T("Geen signalen: alles is bij."))}
	}
	var out []fyne.CanvasObject
	for _, k := range app.SignalKinds() {
		var items []app.Signal
		for _, s := range d.Signalen {
			if s.Soort == k {
				items = append(items, s)
			}
		}
		if len(items) == 0 {
			continue
		}
		// The heading and "en nog N meer" open the whole list: Personen with this signal,
		// or the quarantine.
		head := v.signalLink(k, signalLabel(k)+" ("+formatCount(d.Aantallen[k])+")")
		head.Importance = widget.WarningImportance
		out = append(out, head)
		for _, s := range items[:min(len(items), overviewRows)] {
			out = append(out, v.signalRow(s))
		}
		if more := d.Aantallen[k] - min(len(items), overviewRows); more > 0 {
			out = append(out, v.signalLink(k, tf("en nog {{.N}} meer", "N", formatCount(more))))
		}
	}
	return out
}

// signalLink is a button opening every person with a signal of kind k in Personen (the
// quarantine for quarantaine).
func (v *OverviewView) signalLink(k app.SignalKind, text string) *widget.Button {
	b := widget.NewButtonWithIcon(text, theme.NavigateNextIcon(), func() { v.openSignal(k) })
	b.Alignment = widget.ButtonAlignLeading
	b.Importance = widget.LowImportance
	return b
}

// openSignal shows the whole list of a signal.
func (v *OverviewView) openSignal(k app.SignalKind) {
	if k == app.SignaalQuarantaine {
		v.shell.Show(SectionQuarantaine)
		return
	}
	v.shell.Show(SectionPersonen)
	v.shell.Persons.ShowSignal(k)
}

// releaseRows lists the coming releases, at most overviewRows, with a way to all of them.
func (v *OverviewView) releaseRows(d *app.Dashboard) []fyne.CanvasObject {
	if len(d.Vrijlatingen) == 0 {
		return []fyne.CanvasObject{widget.NewLabel(T("Niemand komt de komende weken vrij."))}
	}
	var out []fyne.CanvasObject
	for _, r := range d.Vrijlatingen[:min(len(d.Vrijlatingen), overviewRows)] {
		detail := formatDate(r.Einddatum) + " · " + daysText(r.Dagen) + " · " + r.Inrichting
		if len(r.NietGeregeld) > 0 {
			var ds []string
			for _, dm := range r.NietGeregeld {
				ds = append(ds, lowerFirst(domainLabel(dm)))
			}
			detail += " · " + T("nog niet geregeld:") + " " + strings.Join(ds, ", ")
		}
		out = append(out, v.personButton(r.PersonID, r.Naam, detail))
	}
	if n := d.VrijlatingenAantal; n > overviewRows {
		all := widget.NewButtonWithIcon(tf("Alle {{.N}} vrijlatingen in Personen", "N", formatCount(n)), theme.NavigateNextIcon(), func() {
			v.shell.Show(SectionPersonen)
			v.shell.Persons.ShowReleasesWithin(app.ReleaseWeeks * 7)
		})
		all.Alignment = widget.ButtonAlignLeading
		all.Importance = widget.LowImportance
		out = append(out, all)
	}
	return out
}

func (v *OverviewView) signalRow(s app.Signal) fyne.CanvasObject {
	if s.Soort == app.SignaalQuarantaine {
		// A short button and the reason beside it, cut off with an ellipsis at the
		// window's edge: a button as wide as a long reason widened the window past 900.
		id := s.QuarantineID
		b := widget.NewButtonWithIcon(tf("Bericht {{.N}}", "N", id), theme.WarningIcon(), func() {
			v.shell.Show(SectionQuarantaine)
			v.shell.Quarantine.Select(id)
		})
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		d := widget.NewLabel(app.Visible(signalText(s)))
		d.Truncation = fyne.TextTruncateEllipsis
		return container.NewBorder(nil, nil, b, nil, d)
	}
	detail := signalText(s)
	if s.Soort == app.SignaalAfspraakGemeente && s.Actie != "" {
		detail += ": " + s.Actie // the agreement's text; personButton escapes it
	}
	return v.personButton(s.PersonID, s.Naam, detail)
}

// personButton opens a person; detail follows the name.
func (v *OverviewView) personButton(id int64, name, detail string) fyne.CanvasObject {
	b := widget.NewButtonWithIcon(app.Visible(name), theme.AccountIcon(), func() { v.shell.OpenPerson(id) })
	b.Alignment = widget.ButtonAlignLeading
	b.Importance = widget.LowImportance
	d := widget.NewLabel(app.Visible(detail))
	d.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, b, nil, d)
}
