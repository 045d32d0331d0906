package ui

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/terugkeer/terugkeer/app"
)

// ActionsView is "Mijn acties" (issue 18): every planned action by date, overdue, this
// week and later, for the user (the configured name as verantwoordelijke) or for the
// whole team. A row opens the person.
type ActionsView struct {
	svc          ActionsService
	win          fyne.Window
	ctx          context.Context
	bg           *tasks
	open         func(id int64)
	goSettings   func()
	scopeChosen  bool
	loading      bool
	Scope        *widget.RadioGroup
	Summary      *widget.Label
	settingsLink *widget.Button
	list         *widget.List
	// Rows are the lines shown: a group heading (Action nil) or an action.
	Rows    []ActionRow
	content fyne.CanvasObject
}

// ActionRow is one line of the list.
type ActionRow struct {
	Heading string
	Action  *app.DueAction
}

// NewActionsView builds the screen; Reload fills it.
func NewActionsView(ctx context.Context, svc ActionsService, win fyne.Window, bg *tasks, open func(int64), goSettings func()) *ActionsView {
	v := &ActionsView{svc: svc, win: win, ctx: ctx, bg: bg, open: open, goSettings: goSettings}
	v.Scope = widget.NewRadioGroup([]string{T("Mijn acties"), T("Hele team")}, func(string) {
		if v.loading {
			return
		}
		v.scopeChosen = true
		v.Reload()
	})
	v.Scope.Horizontal = true
	v.Summary = wrapLabel("")
	v.settingsLink = widget.NewButtonWithIcon(T("Naar Instellingen"), theme.SettingsIcon(), func() {
		if v.goSettings != nil {
			v.goSettings()
		}
	})
	v.settingsLink.Hide()
	v.list = widget.NewList(func() int { return len(v.Rows) }, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, func(i widget.ListItemID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		l.TextStyle = fyne.TextStyle{Bold: v.Rows[i].Action == nil}
		l.SetText(v.RowText(i))
	})
	v.list.OnSelected = func(i widget.ListItemID) {
		v.list.UnselectAll()
		v.OpenRow(i)
	}
	top := container.NewVBox(heading(T("Mijn acties")), v.Scope, container.NewBorder(nil, nil, nil, v.settingsLink, v.Summary))
	v.content = container.NewBorder(top, nil, nil, nil, v.list)
	return v
}

// Content is the screen's canvas object.
func (v *ActionsView) Content() fyne.CanvasObject { return v.content }

// OpenRow opens the person of row i; a heading does nothing.
func (v *ActionsView) OpenRow(i int) {
	if i >= 0 && i < len(v.Rows) && v.Rows[i].Action != nil && v.open != nil {
		v.open(v.Rows[i].Action.Person.ID)
	}
}

// RowText is what row i says.
func (v *ActionsView) RowText(i int) string {
	r := v.Rows[i]
	if r.Action == nil {
		return r.Heading
	}
	f := r.Action.Followup
	return join("  ·  ", formatDate(f.Actiedatum), app.Visible(r.Action.Person.FullName()), domainLabel(f.Domain),
		app.Visible(f.Actie), app.Visible(f.Verantwoordelijke))
}

// mine reports whether "Mijn acties" is chosen.
func (v *ActionsView) mine() bool { return v.Scope.Selected == T("Mijn acties") }

// Reload reads the actions again. Until the user chooses, the screen shows their own
// actions when a name is configured and the team's otherwise.
func (v *ActionsView) Reload() {
	chosen, mine := v.scopeChosen, v.mine()
	v.bg.run(func() {
		if !chosen {
			user, err := v.svc.Setting(v.ctx, app.SettingGebruiker)
			mine = err == nil && user != ""
		}
		l, err := v.svc.PlannedActions(v.ctx, app.ActionQuery{Mine: mine})
		fyne.Do(func() { v.show(l, mine, err) })
	})
}

func (v *ActionsView) show(l app.ActionList, mine bool, err error) {
	v.loading = true
	if mine {
		v.Scope.SetSelected(T("Mijn acties"))
	} else {
		v.Scope.SetSelected(T("Hele team"))
	}
	v.loading = false
	v.settingsLink.Hide()
	v.Rows = nil
	switch {
	case errors.Is(err, app.ErrNoUserName):
		v.Summary.SetText(T("Uw naam is nog niet ingesteld, dus Terugkeer weet niet welke acties van u zijn. Stel uw naam in onder Instellingen, of kies 'Hele team'."))
		v.settingsLink.Show()
	case err != nil:
		v.Summary.SetText(T("De acties konden niet worden gelezen."))
		showError(v.win, T("De acties konden niet worden gelezen."), err)
	case l.Total() == 0 && mine:
		v.Summary.SetText(tf("Er staan geen acties voor {{.Naam}} gepland.", "Naam", app.Visible(l.User)))
	case l.Total() == 0:
		v.Summary.SetText(T("Er staan geen acties gepland."))
	default:
		v.Summary.SetText(tf("{{.N}} acties: {{.A}} achterstallig, {{.W}} deze week, {{.L}} later. Klik op een actie om het dossier te openen.",
			"N", formatCount(l.Total()), "A", formatCount(len(l.Groups[app.ActionsOverdue])),
			"W", formatCount(len(l.Groups[app.ActionsThisWeek])), "L", formatCount(len(l.Groups[app.ActionsLaterOnes]))))
		for _, g := range app.ActionGroups() {
			as := l.Groups[g]
			if len(as) == 0 {
				continue
			}
			v.Rows = append(v.Rows, ActionRow{Heading: tf("{{.G}} ({{.N}})", "G", actionGroupLabel(g), "N", formatCount(len(as)))})
			for i := range as {
				v.Rows = append(v.Rows, ActionRow{Action: &as[i]})
			}
		}
	}
	v.list.Refresh()
}

func actionGroupLabel(g app.ActionGroup) string {
	switch g {
	case app.ActionsOverdue:
		return T("Achterstallig")
	case app.ActionsThisWeek:
		return T("Deze week")
	}
	return T("Later")
}
