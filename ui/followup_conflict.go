package ui

import (
	"errors"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

// changedFormText is said in a form whose follow-up a colleague saved while it was open
// (app.ErrChangedUnderneath): the form stays open with what was typed, the screen
// behind it shows the colleague's change.
func changedFormText() string {
	return T("Een collega heeft deze opvolging intussen gewijzigd; het scherm is bijgewerkt. Bekijk de nieuwe stand en klik nogmaals op Opslaan als uw wijziging nog nodig is.")
}

// changedNothingText is changedFormText for a removal that was asked for and not done.
func changedNothingText() string {
	return T("Een collega heeft deze opvolging intussen gewijzigd; het scherm is bijgewerkt. Er is niets verwijderd: bekijk de nieuwe stand en kies opnieuw als het nog nodig is.")
}

// followupVersion is the version of domain d's follow-up as the screen shows it.
func (v *PersonView) followupVersion(d app.Domain) *time.Time {
	if v.file == nil {
		return nil
	}
	return v.file.Domeinen[d].Opvolging.Version()
}

// showChanged handles a save refused because a colleague changed the follow-up
// meanwhile: it says so in the form, opens the form again with what was typed, moves
// the form's version to the colleague's (a second Opslaan saves over it, knowingly)
// and refreshes the screen. It reports false for any other error.
func (v *PersonView) showChanged(p *formProblem, err error, versie **time.Time) bool {
	var ce *app.ChangedError
	if !errors.As(err, &ce) {
		return false
	}
	*versie = ce.Current.Version()
	p.text.SetText(changedFormText())
	p.text.Show()
	p.dialog.Show()
	v.Reload()
	return true
}
