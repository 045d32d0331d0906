package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/terugkeer/terugkeer/app"
)

// requiredChoice is a radio group that a form treats as invalid until an option is
// chosen: Fyne's RadioGroup is no fyne.Validatable, so its Required flag does not keep a
// form dialog's confirm button (or Enter, FormDialog.Submit) from going ahead without
// a choice.
type requiredChoice struct {
	widget.BaseWidget
	Radio     *widget.RadioGroup
	onChanged func(error)
}

var _ fyne.Validatable = (*requiredChoice)(nil)

func newRequiredChoice(options []string) *requiredChoice {
	c := &requiredChoice{Radio: widget.NewRadioGroup(options, nil)}
	c.Radio.Required = true
	c.Radio.OnChanged = func(string) {
		if c.onChanged != nil {
			c.onChanged(c.Validate())
		}
	}
	c.ExtendBaseWidget(c)
	return c
}

// Validate reports an error until an option is selected.
func (c *requiredChoice) Validate() error {
	if c.Radio.Selected == "" {
		return errors.New(T("Kies een van de mogelijkheden."))
	}
	return nil
}

// SetOnValidationChanged is called by the form that holds the choice.
func (c *requiredChoice) SetOnValidationChanged(fn func(error)) { c.onChanged = fn }

func (c *requiredChoice) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(c.Radio)
}

// closeOutcome returns the outcome chosen in the "Traject afsluiten" dialog; false when
// none is chosen (never assumed: it decides between 9 months and 5 years of retention).
func closeOutcome(selected string) (app.Uitkomst, bool) {
	switch selected {
	case T("met maatregelen"):
		return app.MetMaatregelen, true
	case T("zonder maatregelen"):
		return app.ZonderMaatregelen, true
	}
	return "", false
}
