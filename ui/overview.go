package ui

import (
	"context"
	"net/url"
	"reflect"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
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
	persons bool           // whether Data was shown with persons in the database (render)
	// The person and quarantine rows of the last render by what they show, taken again
	// by the next (reuseRow); next collects those of the render under way.
	rows, next map[overviewRow]fyne.CanvasObject
	cards      []*widget.Card // signals, releases, arrivals of the last render
	body       *fyne.Container
	scroll     *container.Scroll
	content    fyne.CanvasObject
	gen        int
	Setup      *EscEntry // the gemeentecode field of a new database's welcome; nil otherwise
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
			if v.unchanged(d, len(any) > 0) {
				return // the same rows again: each costs shaping its texts and icons
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

// unchanged reports whether d is the dashboard on the screen: Reload then leaves the
// screen alone. The poller reloads the Overzicht whenever any change is committed, the
// app's own retention run included, and coming back to it reloads it too.
func (v *OverviewView) unchanged(d *app.Dashboard, persons bool) bool {
	return v.Setup == nil && v.Data != nil && v.persons == persons && reflect.DeepEqual(v.Data, d)
}

func (v *OverviewView) render(d *app.Dashboard, persons bool) {
	v.persons = persons
	v.next = map[overviewRow]fyne.CanvasObject{}
	defer func() { v.rows, v.next = v.next, nil }()
	if !persons && d.Aantallen[app.SignaalQuarantaine] == 0 {
		v.show(v.welcome()...)
		return
	}
	var objs []fyne.CanvasObject
	if d.Controle > 0 {
		wait := widget.NewLabelWithStyle(plural(d.Controle,
			"{{.N}} bericht wacht op controle: het BSN hoort bij een bekende persoon met een andere geboortedatum. Open de persoon onder 'Controle nodig' om te beslissen.",
			"{{.N}} berichten wachten op controle: het BSN hoort bij een bekende persoon met een andere geboortedatum. Open de persoon onder 'Controle nodig' om te beslissen."),
			fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		wait.Wrapping, wait.Importance = fyne.TextWrapWord, widget.WarningImportance
		objs = append(objs, wait)
	}
	subtitle := tf("vrijlatingen binnen {{.N}} dagen, verlopen acties, afspraken, controle en quarantaine", "N", d.Dagen)
	rows := [][]fyne.CanvasObject{v.signalRows(d), v.releaseRows(d), v.arrivalItems(d.Nieuw)}
	if v.cards == nil || !v.cardsShown() || v.cards[0].Subtitle != subtitle {
		v.cards = newOverviewCards(subtitle)
	}
	for i, c := range v.cards {
		objs = append(objs, c)
		c.Content.(*fyne.Container).Objects = rows[i]
	}
	v.relayout(objs)
}

// show puts objs in the body at once: adding them one by one laid the body out again
// after each.
func (v *OverviewView) show(objs ...fyne.CanvasObject) {
	v.body.Objects = objs
	v.body.Refresh()
}

// newOverviewCards are the cards of signals, releases and arrivals, with empty boxes for
// their rows. Each card's renderer is made at once: making it refreshes the card's
// content, which then holds no rows yet.
func newOverviewCards(subtitle string) []*widget.Card {
	cards := []*widget.Card{
		widget.NewCard(T("Signalen"), subtitle, container.NewVBox()),
		widget.NewCard(T("Vrijlatingen de komende weken"), "", container.NewVBox()),
		widget.NewCard(T("Nieuw binnengekomen"), "", container.NewVBox()),
	}
	for _, c := range cards {
		c.MinSize()
	}
	return cards
}

// cardsShown reports whether the body holds the cards of the last render.
func (v *OverviewView) cardsShown() bool {
	for _, o := range v.body.Objects {
		if o == v.cards[0] {
			return true
		}
	}
	return false
}

// relayout shows objs, the cards of the last render with new rows in them, by laying
// them out again without refreshing every row: a Refresh of the body reaches every
// label, and each truncating label shapes its whole text again (some 30 MB per second
// while the retention run at 150,000 persons moved the change counter every two
// seconds). A row the render took over (reuseRow) shows what it showed; new rows and
// headings are new widgets.
func (v *OverviewView) relayout(objs []fyne.CanvasObject) {
	// The body gives each card its new height (a card whose size changes lays its box
	// out), then each box places its rows at its width: a row taken over keeps its size
	// and is not laid out again.
	v.body.Objects = objs
	v.body.Layout.Layout(objs, v.body.Size())
	for _, c := range v.cards {
		box := c.Content.(*fyne.Container)
		box.Layout.Layout(box.Objects, box.Size())
	}
	v.scroll.Refresh() // the body's new height
	canvas.Refresh(v.body)
}

// welcome is the Overzicht of a database without persons: load the examples or import.
func (v *OverviewView) welcome() []fyne.CanvasObject {
	ex := widget.NewButtonWithIcon(T(LoadExamplesBtn), theme.DownloadIcon(), func() {
		v.shell.Show(SectionPersonen)
		v.shell.Persons.loadExamples()
	})
	ex.Importance = widget.HighImportance
	imp := widget.NewButtonWithIcon(T("Berichten importeren"), theme.FolderOpenIcon(), func() { v.shell.Show(SectionImporteren) })
	return []fyne.CanvasObject{
		wrapLabel(T("Welkom bij Terugkeer. Er zijn nog geen personen: importeer berichten van de DJI, of laad de voorbeeldberichten om de app te leren kennen.")),
		container.NewHBox(ex, imp),
	}
}

// arrivalItems are the rows of "Nieuw binnengekomen": the number, the newest arrivalRows
// messages, how many more, and the quarantined ones.
func (v *OverviewView) arrivalItems(n app.Arrivals) []fyne.CanvasObject {
	out := []fyne.CanvasObject{widget.NewLabel(arrivalsHeading(n))}
	shown := min(len(n.Berichten), arrivalRows)
	for _, a := range n.Berichten[:shown] {
		detail := formatDay(a.Verzonden) + " · " + kindLabel(a.Soort)
		if a.PersonID != 0 {
			out = append(out, v.personButton(a.PersonID, a.Naam, detail))
		} else {
			out = append(out, widget.NewLabel(detail))
		}
	}
	// The rest of the number in the heading, not of the rows read.
	if more := n.Aantal - shown; n.Afgekapt {
		out = append(out, widget.NewLabel(tf("en nog meer dan {{.N}}", "N", formatCount(more))))
	} else if more > 0 {
		out = append(out, widget.NewLabel(tf("en nog {{.N}} meer", "N", formatCount(more))))
	}
	if n.Quarantaine > 0 {
		out = append(out, widget.NewLabel(plural(n.Quarantaine, "{{.N}} bericht in quarantaine geplaatst.", "{{.N}} berichten in quarantaine geplaatst.")))
	}
	return out
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
		id, text := s.QuarantineID, signalText(s)
		return v.reuseRow(overviewRow{quarantine: id, detail: text}, func() fyne.CanvasObject {
			b := widget.NewButtonWithIcon(tf("Bericht {{.N}}", "N", id), theme.WarningIcon(), func() {
				v.shell.Show(SectionQuarantaine)
				v.shell.Quarantine.Select(id)
			})
			b.Alignment = widget.ButtonAlignLeading
			b.Importance = widget.LowImportance
			d := widget.NewLabel(app.Visible(text))
			d.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, b, nil, d)
		})
	}
	detail := signalText(s)
	if s.Soort == app.SignaalAfspraakGemeente && s.Actie != "" {
		detail += ": " + s.Actie // the agreement's text; personButton escapes it
	}
	return v.personButton(s.PersonID, s.Naam, detail)
}

// personButton opens a person; detail follows the name.
func (v *OverviewView) personButton(id int64, name, detail string) fyne.CanvasObject {
	return v.reuseRow(overviewRow{person: id, name: name, detail: detail}, func() fyne.CanvasObject {
		b := widget.NewButtonWithIcon(app.Visible(name), theme.AccountIcon(), func() { v.shell.OpenPerson(id) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		d := widget.NewLabel(app.Visible(detail))
		d.Truncation = fyne.TextTruncateEllipsis
		return container.NewBorder(nil, nil, b, nil, d)
	})
}

// overviewRow is what a row of the Overzicht shows and opens: a person (name and
// detail) or a quarantined message (its reason).
type overviewRow struct {
	person, quarantine int64
	name, detail       string
}

// reuseRow is the row the last render built for key, else a new one from build. A new
// button and label cost their icon and the shaping of their texts; at 150,000 persons
// the app's retention run moves the change counter every two seconds for minutes, and
// every tick rendered the Overzicht's few hundred rows anew, each generation kept by
// Fyne's caches for a minute (docs/performance.md, app memory). A row is placed once
// per render: a second one with the same key (two arrivals of one kind on one day) is
// built anew.
func (v *OverviewView) reuseRow(key overviewRow, build func() fyne.CanvasObject) fyne.CanvasObject {
	if o, ok := v.rows[key]; ok {
		delete(v.rows, key)
		v.next[key] = o
		return o
	}
	o := build()
	if _, placed := v.next[key]; !placed {
		v.next[key] = o
	}
	return o
}
