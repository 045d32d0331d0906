package ui

import (
	"context"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/terugkeer/terugkeer/app"
)

// maxRawShown bounds the raw message shown on screen.
const maxRawShown = 256 << 10

// QuarantineView lists quarantined messages with reason, source and the raw message,
// and retries or discards them.
type QuarantineView struct {
	svc     QuarantineService
	win     fyne.Window
	ctx     context.Context
	bg      *tasks
	changed func()

	Items    []app.Quarantined // Fyne goroutine only
	Selected *app.Quarantined  // with Raw
	want     int64             // id to select once loaded

	list     *widget.List
	count    *widget.Label
	reden    *widget.Label
	bron     *widget.Label
	tijd     *widget.Label
	raw      *EscEntry
	retry    *widget.Button
	discard  *widget.Button
	detail   fyne.CanvasObject
	noSel    fyne.CanvasObject
	empty    fyne.CanvasObject
	listPane fyne.CanvasObject
	content  fyne.CanvasObject
}

// NewQuarantineView builds the Quarantaine screen.
func NewQuarantineView(ctx context.Context, svc QuarantineService, win fyne.Window, bg *tasks, changed func()) *QuarantineView {
	v := &QuarantineView{svc: svc, win: win, ctx: ctx, bg: bg, changed: changed}
	title := widget.NewLabelWithStyle(T("Quarantaine"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.count = widget.NewLabel("")
	// Each row says when, from where and why: the reason under the source, so the list
	// shows what is wrong without opening every message.
	v.list = widget.NewList(func() int { return len(v.Items) }, func() fyne.CanvasObject {
		top := widget.NewLabel("")
		top.Truncation = fyne.TextTruncateEllipsis
		why := widget.NewLabel("")
		why.Truncation = fyne.TextTruncateEllipsis
		why.SizeName = theme.SizeNameCaptionText
		return container.NewVBox(top, why)
	}, func(i widget.ListItemID, o fyne.CanvasObject) {
		if i < len(v.Items) {
			q := v.Items[i]
			row := o.(*fyne.Container).Objects
			row[0].(*widget.Label).SetText(formatTime(q.Ontvangen) + " · " + app.Visible(shortBron(q.Bron)))
			row[1].(*widget.Label).SetText(app.Visible(q.Reden))
		}
	})
	v.list.OnSelected = func(i widget.ListItemID) {
		if i < len(v.Items) {
			v.load(v.Items[i].ID)
		}
	}
	v.reden = wrapLabel("")
	v.reden.Importance = widget.WarningImportance
	v.bron = wrapLabel("")
	v.bron.Selectable = true
	v.tijd = widget.NewLabel("")
	v.raw = newEscMultiLineEntry()
	v.raw.TextStyle = fyne.TextStyle{Monospace: true}
	v.raw.Wrapping = fyne.TextWrapOff
	v.raw.OnChanged = func(string) { // read-only, but selectable and copyable
		if v.Selected != nil {
			v.raw.SetText(rawText(v.Selected.Raw))
		}
	}
	v.retry = widget.NewButtonWithIcon(T("Opnieuw importeren"), theme.ViewRefreshIcon(), v.Retry)
	v.retry.Importance = widget.HighImportance
	v.discard = widget.NewButtonWithIcon(T("Verwijderen…"), theme.DeleteIcon(), v.askDiscard)
	v.discard.Importance = widget.DangerImportance
	info := container.NewVBox(
		fieldsObj(T("Reden"), v.reden, T("Bron"), v.bron, T("Ontvangen"), v.tijd),
		container.NewHBox(v.retry, v.discard),
		widget.NewLabelWithStyle(T("Het bericht zoals het binnenkwam"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
	)
	v.detail = container.NewBorder(info, nil, nil, nil, v.raw)
	v.noSel = container.NewCenter(widget.NewLabel(T("Kies links een bericht om te zien waarom het niet is geïmporteerd.")))
	right := container.NewStack(v.detail, v.noSel)
	v.detail.Hide()
	split := container.NewHSplit(v.list, right)
	split.Offset = 0.35
	v.listPane = split
	// Two centred lines, not a wrapping label: in a centring container a wrapping label
	// gets one word per line and asks for thousands of pixels of height.
	v.empty = container.NewCenter(widget.NewLabelWithStyle(T("Er staan geen berichten in quarantaine.")+"\n"+
		T("Berichten die niet kunnen worden geïmporteerd komen hier terecht, met de reden."), fyne.TextAlignCenter, fyne.TextStyle{}))
	v.content = container.NewBorder(container.NewBorder(nil, nil, title, nil, v.count), nil, nil, nil, container.NewStack(v.listPane, v.empty))
	return v
}

// Content is the view's canvas object.
func (v *QuarantineView) Content() fyne.CanvasObject { return v.content }

func fieldsObj(pairs ...any) fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for i := 0; i+1 < len(pairs); i += 2 {
		objs = append(objs, widget.NewLabelWithStyle(pairs[i].(string), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), pairs[i+1].(fyne.CanvasObject))
	}
	return container.New(formLayout(), objs...)
}

// shortBron is the file name of a path, or the mail part description as is.
func shortBron(b string) string {
	if i := strings.LastIndexAny(b, `/\`); i >= 0 && i < len(b)-1 {
		return b[i+1:]
	}
	return b
}

// rawText shows bytes as text: UTF-8 as is, anything else as Latin-1, cut at maxRawShown.
func rawText(raw []byte) string {
	cut := len(raw) > maxRawShown
	if cut {
		raw = raw[:maxRawShown]
	}
	var s string
	if utf8.Valid(raw) {
		s = string(raw)
	} else {
		r := make([]rune, len(raw))
		for i, b := range raw {
			r[i] = rune(b)
		}
		s = string(r)
	}
	s = app.VisibleText(s) // line breaks kept; ESC, CR, C1 and bidi controls shown escaped
	if cut {
		s += "\n\n" + T("[… ingekort: het bericht is groter dan op het scherm past]")
	}
	return s
}

// Reload reads the list again.
func (v *QuarantineView) Reload() {
	v.bg.run(func() {
		qs, err := v.svc.QuarantineList(v.ctx)
		fyne.Do(func() {
			if err != nil {
				showError(v.win, T("De quarantaine kon niet worden gelezen."), err)
				return
			}
			v.Items = qs
			v.count.SetText(plural(len(qs), "{{.N}} bericht", "{{.N}} berichten"))
			if len(qs) == 0 {
				v.listPane.Hide()
				v.empty.Show()
			} else {
				v.empty.Hide()
				v.listPane.Show()
			}
			v.list.UnselectAll()
			v.list.Refresh()
			keep := v.want
			if keep == 0 && v.Selected != nil {
				keep = v.Selected.ID
			}
			v.want = 0
			v.Selected = nil
			v.detail.Hide()
			v.noSel.Show()
			for i, q := range qs {
				if q.ID == keep {
					v.list.Select(i)
				}
			}
		})
	})
}

// Select shows the entry with this id once the list is loaded.
func (v *QuarantineView) Select(id int64) {
	v.want = id
	v.Reload()
}

// load reads one entry with its raw bytes.
func (v *QuarantineView) load(id int64) {
	v.bg.run(func() {
		q, err := v.svc.QuarantineItem(v.ctx, id)
		fyne.Do(func() {
			if err != nil {
				showError(v.win, T("Het bericht kon niet worden gelezen."), err)
				return
			}
			v.Selected = q
			v.reden.SetText(app.Visible(q.Reden))
			v.bron.SetText(app.Visible(q.Bron))
			v.tijd.SetText(formatTime(q.Ontvangen))
			v.raw.SetText(rawText(q.Raw))
			v.noSel.Hide()
			v.detail.Show()
		})
	})
}

// Retry imports the selected message again and says what happened.
func (v *QuarantineView) Retry() {
	q := v.Selected
	if q == nil {
		return
	}
	v.retry.Disable()
	v.bg.run(func() {
		results, err := v.svc.Retry(v.ctx, q.ID)
		fyne.Do(func() {
			v.retry.Enable()
			if err != nil {
				showError(v.win, T("Het bericht kon niet opnieuw worden geïmporteerd."), err)
				return
			}
			s := app.Summarise(results)
			if s.Quarantaine == 0 {
				showInformation(v.win, T("Opnieuw importeren"), T("Het bericht is geïmporteerd en uit de quarantaine gehaald.")+"\n"+T("Resultaat:")+" "+summaryText(s)+".")
				v.Selected = nil
			} else {
				var reasons []string
				for _, r := range results {
					if r.Reden != "" && r.Resultaat == app.Quarantaine {
						reasons = append(reasons, app.Visible(r.Reden))
					}
				}
				showInformation(v.win, T("Opnieuw importeren"), T("Het bericht kan nog steeds niet worden geïmporteerd:")+"\n"+strings.Join(reasons, "\n"))
			}
			if v.changed != nil {
				v.changed()
			} else {
				v.Reload()
			}
		})
	})
}

func (v *QuarantineView) askDiscard() {
	q := v.Selected
	if q == nil {
		return
	}
	text := tf("Het bericht uit {{.Bron}} wordt definitief verwijderd, met de volledige inhoud. Het kan daarna niet meer opnieuw worden geïmporteerd; vraag de DJI zo nodig het bericht opnieuw te sturen.", "Bron", app.Visible(shortBron(q.Bron)))
	confirm(v.win, T("Bericht verwijderen?"), text, T("Verwijderen"), v.Discard)
}

// Discard removes the selected message (after confirmation).
func (v *QuarantineView) Discard() {
	q := v.Selected
	if q == nil {
		return
	}
	v.bg.run(func() {
		err := v.svc.Discard(v.ctx, q.ID)
		fyne.Do(func() {
			if err != nil {
				showError(v.win, T("Het bericht kon niet worden verwijderd."), err)
				return
			}
			v.Selected = nil
			if v.changed != nil {
				v.changed()
			} else {
				v.Reload()
			}
		})
	})
}
