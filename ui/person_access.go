package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/terugkeer/terugkeer/app"
)

// accessSection is "Wie heeft dit dossier ingezien": a collapsed section at the end of
// the file that, opened, reads the log's entries about the person (newest first, the
// last app.DefaultAccessLimit with the total). Like the Logboek, reading it writes no
// audit entry. Its box survives a render, so a reload keeps it open.
func (v *PersonView) accessSection() fyne.CanvasObject {
	if v.accessBox == nil {
		v.accessBox = container.NewVBox()
		v.accessBtn = widget.NewButtonWithIcon(T("Tonen"), theme.VisibilityIcon(), v.ToggleAccess)
		v.accessCount = widget.NewLabel("")
	}
	if v.accessOpen {
		v.loadAccess()
	}
	head := container.NewBorder(nil, nil, nil, v.accessBtn, heading(T("Wie heeft dit dossier ingezien")))
	return container.NewVBox(head, v.accessBox)
}

// ToggleAccess opens or closes "Wie heeft dit dossier ingezien".
func (v *PersonView) ToggleAccess() {
	v.accessOpen = !v.accessOpen
	if !v.accessOpen {
		v.accessBtn.SetText(T("Tonen"))
		v.accessBtn.SetIcon(theme.VisibilityIcon())
		v.accessBox.RemoveAll()
		v.access = nil
		return
	}
	v.accessBtn.SetText(T("Verbergen"))
	v.accessBtn.SetIcon(theme.VisibilityOffIcon())
	v.loadAccess()
}

// loadAccess reads the entries in the background and shows them.
func (v *PersonView) loadAccess() {
	id := v.id
	v.bg.run(func() {
		l, err := v.svc.PersonAccess(v.ctx, id, app.DefaultAccessLimit)
		fyne.Do(func() {
			if err != nil {
				showError(v.win, T("Het logboek kon niet worden gelezen."), err)
				return
			}
			if !v.accessOpen || id != v.id {
				return
			}
			v.access = l.Entries
			v.showAccess(l)
		})
	})
}

// showAccess fills the section: the count, then one line per entry.
func (v *PersonView) showAccess(l app.PersonAccessLog) {
	v.accessBox.RemoveAll()
	switch {
	case l.Totaal == 0:
		v.accessCount.SetText(T("Het logboek noemt deze persoon niet."))
	case len(l.Entries) < l.Totaal:
		v.accessCount.SetText(tf("De nieuwste {{.N}} van {{.T}} regels in het logboek; het Logboek toont ze alle.",
			"N", len(l.Entries), "T", l.Totaal))
	default:
		v.accessCount.SetText(plural(l.Totaal, "{{.N}} regel", "{{.N}} regels"))
	}
	v.accessBox.Add(v.accessCount)
	for _, e := range l.Entries {
		v.accessBox.Add(widget.NewLabel(accessLine(e)))
	}
}

// accessLine is one entry as the section shows it: when, what (the Logboek's labels),
// by whom, with what result.
func accessLine(e app.AuditEntry) string {
	door := app.Visible(e.Actor)
	if door == "" {
		door = T("onbekend")
	}
	return join("  ·  ", formatTime(e.Tijd), auditActieLabel(e.Actie), door, auditResultLabel(e.Resultaat))
}
