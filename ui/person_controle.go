package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/terugkeer/terugkeer/app"
)

// subjectFieldLabel is a line of the comparison as the window shows it.
func subjectFieldLabel(code string) string {
	switch code {
	case "bsn":
		return T("BSN")
	case "skn":
		return T("SKN")
	case "voornamen":
		return T("Voornamen")
	case "voorvoegsel":
		return T("Voorvoegsel")
	case "achternaam":
		return T("Achternaam")
	case "geboortedatum":
		return T("Geboortedatum")
	}
	return code
}

// controleSection shows every message held for controle beside the file's data, with
// the two decisions; nil when none waits.
func (v *PersonView) controleSection() fyne.CanvasObject {
	if v.file == nil || len(v.file.Controle) == 0 {
		return nil
	}
	box := container.NewVBox(heading(T("Wacht op controle")))
	for _, c := range v.file.Controle {
		box.Add(v.controleCard(c))
	}
	return box
}

func (v *PersonView) controleCard(c app.ReviewCase) fyne.CanvasObject {
	h := c.Held
	intro := wrapLabel(tf("Dit bericht ({{.Soort}}, verzonden {{.Dag}}) heeft het BSN van deze persoon, maar een andere geboortedatum. Het is nog niet toegepast: beslis of het om dezelfde persoon gaat.",
		"Soort", kindLabel(h.Soort), "Dag", formatDay(h.Verzonden)))
	cells := []fyne.CanvasObject{widget.NewLabel(""),
		widget.NewLabelWithStyle(T("In het dossier"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle(T("In het bericht"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	for _, row := range app.CompareSubjects(c.Bestaand, c.Bericht) {
		k := widget.NewLabelWithStyle(subjectFieldLabel(row.Code), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		dossier, bericht := widget.NewLabel(orDashUI(app.Visible(row.Dossier))), widget.NewLabel(orDashUI(app.Visible(row.Bericht)))
		dossier.Selectable, bericht.Selectable = true, true
		if row.Verschilt {
			bericht.Importance = widget.WarningImportance
			bericht.TextStyle = fyne.TextStyle{Bold: true}
		}
		cells = append(cells, k, dossier, bericht)
	}
	same := widget.NewButtonWithIcon(T("Zelfde persoon"), theme.ConfirmIcon(), func() { v.confirmDecision(h.ID, true) })
	other := widget.NewButtonWithIcon(T("Andere persoon"), theme.ContentAddIcon(), func() { v.confirmDecision(h.ID, false) })
	body := container.NewVBox(intro, container.NewGridWithColumns(3, cells...), container.NewHBox(same, other))
	return widget.NewCard("", "", body)
}

// confirmDecision asks before a decision: both change files and cannot be undone here.
func (v *PersonView) confirmDecision(id int64, same bool) {
	title, text, ok := T("Zelfde persoon"), T("Het bericht wordt op dit dossier toegepast, met alle regels voor toestemming en intrekking. Dat kan daarna niet ongedaan worden gemaakt."), T("Toepassen")
	if !same {
		title, text, ok = T("Andere persoon"), T("Het bericht krijgt een eigen dossier onder het strafrechtsketennummer (SKN) uit het bericht; het BSN blijft bij deze persoon. Heeft het bericht geen eigen SKN, dan gaat het naar de quarantaine, zodat de DJI het kan verbeteren."), T("Eigen dossier")
	}
	v.decision = confirmDialog(v.win, title, text, ok, func() { v.decide(id, same) })
}

// decide carries out a decision in the background and says what it did.
func (v *PersonView) decide(id int64, same bool) {
	v.bg.run(func() {
		var r app.Result
		var err error
		if same {
			r, err = v.svc.DecideSame(v.ctx, id)
		} else {
			r, err = v.svc.DecideOther(v.ctx, id)
		}
		fyne.Do(func() {
			if err != nil {
				showError(v.win, T("De beslissing kon niet worden uitgevoerd."), err)
				return
			}
			showInformation(v.win, T("Controle afgerond"), decisionText(r, same))
			if v.changed != nil {
				v.changed()
			}
			v.Reload()
		})
	})
}

// decisionText says in one sentence what a decision did.
func decisionText(r app.Result, same bool) string {
	switch {
	case r.Resultaat == app.Quarantaine:
		return T("Het bericht heeft geen eigen strafrechtsketennummer om de andere persoon op te herkennen en staat nu in de quarantaine.")
	case r.Resultaat == app.Dubbel:
		return T("Het bericht was al eerder geïmporteerd; er is niets veranderd.")
	case same:
		return T("Het bericht is op dit dossier toegepast.")
	case r.PersonID == 0:
		return T("Het bericht laat niets over om op te slaan; er is geen dossier voor gemaakt.")
	}
	return T("Het bericht heeft een eigen dossier gekregen.")
}

func orDashUI(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
