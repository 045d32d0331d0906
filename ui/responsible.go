package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/terugkeer/terugkeer/app"
)

// teamLister is a service that knows the colleagues a verantwoordelijke is chosen from
// (app.Service): on the team database only they may be chosen (TeamClosed).
type teamLister interface {
	TeamMembers(ctx context.Context) ([]string, error)
	TeamClosed() bool
}

// ResponsibleEntry is the Verantwoordelijke field on a local file: any name may be
// typed, and the names already known (the configured user, the verantwoordelijken in
// use) are offered in its list, which the Down arrow opens. Esc and Enter act as in an
// EscEntry of a form (formKeys).
type ResponsibleEntry struct {
	widget.SelectEntry
	OnEscape func()
	known    []string
}

// SetOptions sets the names the list offers.
func (e *ResponsibleEntry) SetOptions(names []string) {
	e.known = append([]string(nil), names...)
	e.SelectEntry.SetOptions(names)
}

// Known are the names the list offers.
func (e *ResponsibleEntry) Known() []string { return append([]string(nil), e.known...) }

func newResponsibleEntry() *ResponsibleEntry {
	e := &ResponsibleEntry{}
	e.ExtendBaseWidget(e)
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.SetOptions(nil)
	return e
}

// TypedKey opens the list on Down, hands F1 and (without OnEscape) Esc on to the window,
// and gives every other key to the entry.
func (e *ResponsibleEntry) TypedKey(key *fyne.KeyEvent) {
	switch key.Name {
	case fyne.KeyF1:
		toWindow(e, key)
	case fyne.KeyDown:
		if b, ok := e.ActionItem.(*widget.Button); ok && b.OnTapped != nil && fyne.CurrentApp() != nil &&
			fyne.CurrentApp().Driver().CanvasForObject(e) != nil {
			b.OnTapped()
		}
	case fyne.KeyEscape:
		if e.OnEscape != nil {
			e.OnEscape()
			return
		}
		leaveField(e, key)
	default:
		e.SelectEntry.TypedKey(key)
	}
}

// ResponsibleSelect is the Verantwoordelijke field on the team database: a choice of the
// team's colleagues (Tab reaches it, Space or the arrows Up and Down open the list, Left
// and Right step through it), with Esc to cancel and Enter to save the form.
type ResponsibleSelect struct {
	widget.Select
	names    []string // the name behind each option, "" for nobody
	OnEscape func()
	OnSubmit func()
}

func newResponsibleSelect() *ResponsibleSelect {
	s := &ResponsibleSelect{}
	s.PlaceHolder = T("Kies een collega")
	s.ExtendBaseWidget(s)
	return s
}

// setChoices offers nobody, the colleagues, and a current name that is not one of them
// (a free text from before the team list: it stays readable, and stays unless another
// is chosen); selected is chosen.
func (s *ResponsibleSelect) setChoices(members []string, current, selected string) {
	s.names = []string{""}
	labels := []string{T("(niemand)")}
	inTeam := current == ""
	for _, m := range members {
		s.names = append(s.names, m)
		labels = append(labels, app.Visible(m))
		inTeam = inTeam || m == current
	}
	if !inTeam {
		s.names = append(s.names, current)
		labels = append(labels, tf("{{.N}} (geen lid van het team)", "N", app.Visible(current)))
	}
	s.SetOptions(labels)
	s.Choose(selected)
}

// Choose selects name (nobody for ""), when it is one of the choices.
func (s *ResponsibleSelect) Choose(name string) {
	for i, n := range s.names {
		if n == name {
			s.SetSelectedIndex(i)
			return
		}
	}
}

// Name is the chosen colleague, "" for nobody (or nothing chosen).
func (s *ResponsibleSelect) Name() string {
	if i := s.SelectedIndex(); i >= 0 && i < len(s.names) {
		return s.names[i]
	}
	return ""
}

// Choices are the names offered, in order ("" first: nobody).
func (s *ResponsibleSelect) Choices() []string { return append([]string(nil), s.names...) }

// TypedKey adds Esc (cancel), Enter (save) and F1 (help) to the select's own keys.
func (s *ResponsibleSelect) TypedKey(key *fyne.KeyEvent) {
	switch key.Name {
	case fyne.KeyF1:
		toWindow(s, key)
	case fyne.KeyEscape:
		if s.OnEscape != nil {
			s.OnEscape()
			return
		}
		leaveField(s, key)
	case fyne.KeyReturn, fyne.KeyEnter:
		if s.OnSubmit != nil {
			s.OnSubmit()
		}
	default:
		s.Select.TypedKey(key)
	}
}

// responsibleField is the Verantwoordelijke field of the status form: a choice of the
// team on the team database, else an entry that offers the names known. The team is
// read in the background and offered when it arrives.
type responsibleField struct {
	entry  *ResponsibleEntry  // a local file; nil on the team database
	choice *ResponsibleSelect // the team database; nil on a local file
}

func (v *PersonView) newResponsibleField(current string) responsibleField {
	team, ok := v.svc.(teamLister)
	if ok && team.TeamClosed() {
		s := newResponsibleSelect()
		selected := current
		if selected == "" { // whoever changes the status of nobody's domain takes it on
			if me, signed := v.signedIn(); signed {
				selected = me
			}
		}
		var known []string // until the team is read: the signed-in user
		if me, signed := v.signedIn(); signed && me != "" {
			known = []string{me}
		}
		s.setChoices(known, current, selected)
		v.bg.run(func() {
			members, err := team.TeamMembers(v.ctx)
			fyne.Do(func() {
				if err != nil {
					showError(v.win, T("De collega's van het team konden niet worden gelezen."), err)
					return
				}
				s.setChoices(members, current, s.Name()) // what is chosen meanwhile stays chosen
			})
		})
		return responsibleField{choice: s}
	}
	e := newResponsibleEntry()
	e.SetText(current)
	e.SetPlaceHolder(T("naam van de collega die dit oppakt"))
	if ok {
		v.bg.run(func() {
			members, err := team.TeamMembers(v.ctx)
			if err != nil {
				return // the list only helps: typing still works
			}
			fyne.Do(func() { e.SetOptions(members) })
		})
	}
	return responsibleField{entry: e}
}

// signedIn is who the team database signed in, false on a local file.
func (v *PersonView) signedIn() (string, bool) {
	if si, ok := v.svc.(signedIn); ok {
		return si.SignedIn()
	}
	return "", false
}

func (r responsibleField) widget() fyne.Focusable {
	if r.choice != nil {
		return r.choice
	}
	return r.entry
}

func (r responsibleField) canvasObject() fyne.CanvasObject {
	if r.choice != nil {
		return r.choice
	}
	return r.entry
}

// name is the verantwoordelijke the field holds now.
func (r responsibleField) name() string {
	if r.choice != nil {
		return r.choice.Name()
	}
	return r.entry.Text
}

// keys gives the field the form's keys: Esc cancels, Enter saves.
func (r responsibleField) keys(d *dialog.FormDialog) {
	if r.choice != nil {
		r.choice.OnEscape, r.choice.OnSubmit = d.Hide, d.Submit
		return
	}
	r.entry.OnEscape = d.Hide
	r.entry.OnSubmitted = func(string) { d.Submit() }
}
