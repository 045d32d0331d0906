package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// DatabasePassword is what AskDatabasePassword needs: the team's database refused the
// sign-in for lack of a (right) password, and the URI and PGPASSWORD gave none.
type DatabasePassword struct {
	// Server names the database for the user: server:poort/database.
	Server string
	// Open tries to open the database with password; it runs off the Fyne goroutine.
	Open func(ctx context.Context, password string) error
	// Refused reports whether an error of Open is the server refusing the password:
	// the prompt asks again. Any other error ends the prompt with its sentence.
	Refused func(error) bool
	// Remember keeps the password in the operating system's keyring, after Open took it
	// and "Onthouden in de sleutelbos" was ticked; it runs off the Fyne goroutine. nil:
	// no box to tick.
	Remember func(password string) error
	// Sentence words an error of Open or Remember as one sentence for the user.
	Sentence func(error) string
	// OneTaskAtATime runs Open and Remember on the caller's goroutine (headless tests,
	// as Options.OneTaskAtATime).
	OneTaskAtATime bool
}

// DatabasePasswordPrompt is the password dialog of the team's database.
type DatabasePasswordPrompt struct {
	ctx       context.Context
	win       fyne.Window
	p         DatabasePassword
	opened    func()
	cancelled func()
	bg        *tasks

	// Dialog is the dialog shown last (tests).
	Dialog *dialog.FormDialog
	// Entry and Remember are its password field and its "Onthouden in de sleutelbos"
	// box (tests).
	Entry    *EscEntry
	Remember *widget.Check

	status *widget.Label
}

// AskDatabasePassword asks in win for the password of the team's database before the
// screens are built. When Open takes a password, opened runs on the Fyne goroutine (after
// the password went into the keyring if the box was ticked; a keyring that fails is
// said, and the app goes on); a refused password is asked again; Annuleren runs cancelled
// (the app quits). Another failure of Open is shown as a sentence with a Sluiten button
// that runs cancelled. The password is kept nowhere else, and never logged. Call it on
// the Fyne goroutine (before ShowAndRun is fine).
func AskDatabasePassword(ctx context.Context, win fyne.Window, p DatabasePassword, opened, cancelled func()) *DatabasePasswordPrompt {
	d := &DatabasePasswordPrompt{ctx: ctx, win: win, p: p, opened: opened, cancelled: cancelled,
		bg: &tasks{inline: p.OneTaskAtATime}}
	d.status = widget.NewLabelWithStyle(tf("De database van het team ({{.Server}}) vraagt om een wachtwoord.", "Server", p.Server),
		fyne.TextAlignCenter, fyne.TextStyle{})
	d.status.Wrapping = fyne.TextWrapWord
	win.SetContent(container.NewCenter(container.NewGridWrap(fyne.NewSize(480, 120), d.status)))
	d.ask("")
	return d
}

// Wait blocks until Open and Remember are done (tests).
func (d *DatabasePasswordPrompt) Wait() { d.bg.Wait() }

// ask shows the dialog; problem, when not "", says why it asks again.
func (d *DatabasePasswordPrompt) ask(problem string) {
	entry := newEscPasswordEntry()
	remember := widget.NewCheck(T("Onthouden in de sleutelbos"), nil)
	if d.Remember != nil {
		remember.SetChecked(d.Remember.Checked) // asked again: keep the choice
	}
	intro := widget.NewLabel(tf("Geef het wachtwoord voor de database van het team ({{.Server}}).", "Server", d.p.Server))
	intro.Wrapping = fyne.TextWrapWord
	items := []*widget.FormItem{widget.NewFormItem("", intro)}
	if problem != "" {
		l := widget.NewLabel(problem)
		l.Wrapping = fyne.TextWrapWord
		l.Importance = widget.DangerImportance
		items = append(items, widget.NewFormItem("", l))
	}
	items = append(items, widget.NewFormItem(T("Wachtwoord"), entry))
	if d.p.Remember != nil {
		items = append(items, widget.NewFormItem("", remember))
	}
	form := dialog.NewForm(T("Wachtwoord van de database"), T("Aanmelden"), T("Annuleren"), items, func(ok bool) {
		if !ok {
			d.cancelled()
			return
		}
		d.try(entry.Text, remember.Checked)
	}, d.win)
	formKeys(form, entry) // Esc hides the dialog, which answers Annuleren
	form.Resize(fyne.NewSize(480, 0))
	d.Dialog, d.Entry, d.Remember = form, entry, remember
	form.Show()
	d.win.Canvas().Focus(entry)
}

// try opens the database with password, off the Fyne goroutine.
func (d *DatabasePasswordPrompt) try(password string, remember bool) {
	if password == "" {
		d.ask(T("Vul het wachtwoord in."))
		return
	}
	d.status.SetText(T("Verbinden met de database…"))
	d.bg.run(func() {
		err := d.p.Open(d.ctx, password)
		var keep error
		if err == nil && remember && d.p.Remember != nil {
			keep = d.p.Remember(password)
		}
		fyne.Do(func() {
			switch {
			case err != nil && d.p.Refused(err):
				d.status.SetText(tf("De database van het team ({{.Server}}) vraagt om een wachtwoord.", "Server", d.p.Server))
				d.ask(T("De databaseserver weigert dit wachtwoord. Controleer het en probeer het opnieuw, of vraag de beheerder of uw gebruiker toegang heeft."))
			case err != nil:
				d.failed(err)
			case keep != nil:
				d.status.SetText(T("Verbonden met de database."))
				n := showNotice(d.win, T("Wachtwoord niet onthouden"), wrapped(
					T("Terugkeer is verbonden, maar kon het wachtwoord niet in de sleutelbos bewaren; de volgende keer wordt het opnieuw gevraagd.")+
						" "+d.p.Sentence(keep)))
				n.Resize(fyne.NewSize(460, 0))
				n.SetOnClosed(d.opened)
			default:
				d.opened()
			}
		})
	})
}

// failed shows why the database cannot be opened, with Sluiten.
func (d *DatabasePasswordPrompt) failed(err error) {
	d.status.SetText(d.p.Sentence(err))
	closeBtn := widget.NewButton(T("Sluiten"), d.cancelled)
	closeBtn.Importance = widget.HighImportance
	d.win.SetContent(container.NewPadded(container.NewBorder(nil, container.NewHBox(closeBtn), nil, nil, d.status)))
}

func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}
