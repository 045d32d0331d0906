package ui

import (
	"context"
	"errors"
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/terugkeer/terugkeer/app"
)

// MailboxSignIn is optionally implemented by a Mailbox that signs in at Microsoft 365
// (aanmelding oauth2). The flows themselves live outside the UI (importers/mailbox/oauth);
// these calls block until done, so call them off the Fyne goroutine.
type MailboxSignIn interface {
	// SignedIn reports whether a sign-in (or a client secret) is there for s.
	SignedIn(s app.MailboxSettings) bool
	// SignIn signs in in the system browser, which open shows the address in.
	SignIn(ctx context.Context, s app.MailboxSettings, open func(url string) error) error
	// SignInWithCode signs in with a device code: show presents the code and address.
	SignInWithCode(ctx context.Context, s app.MailboxSettings, show func(code, url string)) error
}

// signInFields are the OAuth2 part of the mailbox form.
type signInFields struct {
	aanmelding       *widget.Select
	tenant, clientID *EscEntry
	button           *widget.Button
	status           *widget.Label
}

var signIns = []app.SignIn{app.SignInPassword, app.SignInOAuth2}

func signInLabel(s app.SignIn) string {
	if s == app.SignInOAuth2 {
		return T("Microsoft 365 (OAuth2)")
	}
	return T("Wachtwoord")
}

// signInItems builds the form items and the sign-in button of the mailbox card.
func (v *SettingsView) signInItems() ([]*widget.FormItem, *widget.Button, *widget.Label) {
	f := &v.mail.oauth
	var labels []string
	for _, s := range signIns {
		labels = append(labels, signInLabel(s))
	}
	f.aanmelding = widget.NewSelect(labels, func(string) { v.updateSignIn() })
	f.tenant = NewEscEntry(nil)
	f.tenant.SetPlaceHolder(T("tenant-ID of domein, bijv. gemeente.onmicrosoft.com"))
	f.clientID = NewEscEntry(nil)
	f.clientID.SetPlaceHolder(T("toepassings-ID van de app-registratie"))
	f.button = widget.NewButtonWithIcon(T("Aanmelden bij Microsoft"), theme.LoginIcon(), v.SignInMicrosoft)
	f.status = wrapLabel("")
	f.aanmelding.SetSelectedIndex(0)
	return []*widget.FormItem{
		widget.NewFormItem(T("Aanmelding"), f.aanmelding),
		widget.NewFormItem(T("Tenant"), f.tenant),
		widget.NewFormItem(T("Client-ID"), f.clientID),
	}, f.button, f.status
}

// setSignIn shows the stored OAuth2 settings.
func (v *SettingsView) setSignIn(ms app.MailboxSettings) {
	f := &v.mail.oauth
	for i, s := range signIns {
		if s == ms.WithDefaults().Aanmelding {
			f.aanmelding.SetSelectedIndex(i)
		}
	}
	f.tenant.SetText(ms.OAuth.Tenant)
	f.clientID.SetText(ms.OAuth.ClientID)
	v.updateSignIn()
	if mb, ok := v.mailbox.(MailboxSignIn); ok && ms.OAuth2() {
		v.bg.run(func() {
			in := mb.SignedIn(ms) // may ask the keyring: not on the Fyne goroutine
			fyne.Do(func() {
				if in {
					f.status.SetText(T("Aangemeld bij Microsoft."))
				} else {
					f.status.SetText(T("Nog niet aangemeld bij Microsoft: kies 'Aanmelden bij Microsoft'."))
				}
			})
		})
	}
}

// readSignIn puts the form's OAuth2 fields into ms.
func (v *SettingsView) readSignIn(ms *app.MailboxSettings) {
	f := &v.mail.oauth
	if i := f.aanmelding.SelectedIndex(); i >= 0 {
		ms.Aanmelding = signIns[i]
	}
	ms.OAuth.Tenant = trimmed(f.tenant)
	ms.OAuth.ClientID = trimmed(f.clientID)
}

// updateSignIn enables what belongs to the chosen way of signing in.
func (v *SettingsView) updateSignIn() {
	f := &v.mail.oauth
	oauth := f.aanmelding.SelectedIndex() == 1
	_, can := v.mailbox.(MailboxSignIn)
	for _, w := range []fyne.Disableable{f.tenant, f.clientID} {
		enable(w, oauth)
	}
	enable(f.button, oauth && can)
	if v.mail.wachtwoord != nil && v.mailbox != nil {
		enable(v.mail.wachtwoord, !oauth)
	}
	if !oauth {
		f.status.SetText("")
	}
}

func enable(w fyne.Disableable, on bool) {
	if on {
		w.Enable()
	} else {
		w.Disable()
	}
}

// SignInMicrosoft saves the form and signs in: in the browser, or with a code.
func (v *SettingsView) SignInMicrosoft() {
	mb, ok := v.mailbox.(MailboxSignIn)
	if !ok {
		return
	}
	ms, err := v.mailboxSettings()
	if err != nil {
		showError(v.win, err.Error(), nil)
		return
	}
	ms.Aanmelding = app.SignInOAuth2
	if err := ms.Complete(); err != nil {
		showError(v.win, T("Vul server, gebruikersnaam, tenant en client-ID in om u aan te melden."), err)
		return
	}
	v.bg.run(func() {
		err := v.svc.SaveMailboxSettings(v.ctx, ms)
		fyne.Do(func() {
			if err != nil {
				showError(v.win, T("De postvakinstellingen zijn niet opgeslagen."), err)
				return
			}
			v.mail.loaded = ms
			v.SignIn = newSignIn(v.win, v.ctx, v.bg, mb, ms, v.openURL, func(err error) {
				if err == nil {
					v.mail.oauth.status.SetText(tf("Aangemeld bij Microsoft als {{.U}}.", "U", ms.Gebruiker))
				}
			})
		})
	})
}

// signIn is one sign-in in progress: a dialog that waits for the browser and offers the
// code as the way out when the browser sign-in is blocked.
type signIn struct {
	Dialog  dialog.Dialog
	Code    *widget.Entry  // the device code, once asked for
	CodeBtn *widget.Button // "Met een code aanmelden"
	win     fyne.Window
	bg      *tasks
	mb      MailboxSignIn
	ms      app.MailboxSettings
	cancel  context.CancelFunc
	text    *widget.Label
	box     *fyne.Container
	done    func(error)
}

// newSignIn starts the browser sign-in and shows its dialog; done runs on the Fyne
// goroutine when it succeeded (nil) or failed, not when the user cancelled.
func newSignIn(win fyne.Window, ctx context.Context, bg *tasks, mb MailboxSignIn, ms app.MailboxSettings,
	open func(*url.URL) error, done func(error)) *signIn {
	s := &signIn{win: win, bg: bg, mb: mb, ms: ms, done: done}
	s.text = wrapLabel(T("Meld u aan in het browservenster dat nu opent, met het account van het postvak. Lukt dat niet, bijvoorbeeld omdat de gemeente het blokkeert, kies dan 'Met een code aanmelden'."))
	s.CodeBtn = widget.NewButton(T("Met een code aanmelden"), func() { s.withCode(ctx) })
	s.box = container.NewVBox(s.text, s.CodeBtn)
	s.Dialog = dialog.NewCustom(T("Aanmelden bij Microsoft"), T("Annuleren"), s.box, win)
	s.Dialog.Resize(fyne.NewSize(480, 0))
	bctx, cancel := context.WithCancel(ctx)
	s.cancel = cancel
	s.Dialog.SetOnClosed(func() { s.cancel() })
	s.Dialog.Show()
	bg.run(func() {
		err := mb.SignIn(bctx, ms, func(raw string) error {
			u, err := url.Parse(raw)
			if err != nil {
				return err
			}
			return open(u)
		})
		fyne.Do(func() { s.browserDone(bctx, err) })
	})
	return s
}

// browserDone ends a browser sign-in; when it failed the dialog stays, for the code.
func (s *signIn) browserDone(ctx context.Context, err error) {
	if err == nil || ctx.Err() != nil {
		s.finish(ctx, err)
		return
	}
	s.text.SetText(T("Aanmelden in de browser is niet gelukt:") + " " + err.Error() + ". " + T("Kies 'Met een code aanmelden' om het met een code te doen."))
}

// withCode stops the browser sign-in and starts the device-code one.
func (s *signIn) withCode(ctx context.Context) {
	s.cancel()
	cctx, cancel := context.WithCancel(ctx)
	s.cancel = cancel
	s.text.SetText(T("De code wordt opgevraagd…"))
	s.bg.run(func() {
		err := s.mb.SignInWithCode(cctx, s.ms, func(code, addr string) {
			fyne.Do(func() { s.showCode(code, addr) })
		})
		fyne.Do(func() { s.finish(cctx, err) })
	})
}

func (s *signIn) showCode(code, addr string) {
	s.text.SetText(tf("Ga in een browser, op deze of een andere computer, naar {{.A}} en voer daar deze code in. Dit venster sluit zodra u bent aangemeld.", "A", addr))
	s.Code = widget.NewEntry()
	s.Code.SetText(code)
	s.box.Objects = []fyne.CanvasObject{s.text, s.Code}
	if u, err := url.Parse(addr); err == nil {
		s.box.Add(widget.NewHyperlink(addr, u))
	}
	s.box.Refresh()
}

// finish ends the dialog; a cancelled or superseded attempt (ctx done) says nothing.
func (s *signIn) finish(ctx context.Context, err error) {
	if ctx.Err() != nil {
		return // cancelled, or superseded by the code
	}
	s.cancel()
	s.Dialog.Hide()
	if err != nil {
		showError(s.win, T("Het aanmelden bij Microsoft is niet gelukt."), err)
	}
	if s.done != nil {
		s.done(err)
	}
}

// askSignIn says, in one sentence, that the Microsoft sign-in is missing or expired, with
// a button to sign in; after signing in it fetches.
func (v *ImportView) askSignIn(sentence string) {
	mb, ok := v.mailbox.(MailboxSignIn)
	if !ok {
		showError(v.win, sentence, nil)
		return
	}
	v.summary.SetText(sentence)
	d := dialog.NewCustomConfirm(T("Aanmelden bij Microsoft"), T("Aanmelden bij Microsoft"), T("Annuleren"), wrapLabel(sentence), func(ok bool) {
		if !ok {
			return
		}
		v.bg.run(func() {
			ms, err := v.svc.MailboxSettings(v.ctx)
			fyne.Do(func() {
				if err != nil {
					showError(v.win, T("De postvakinstellingen konden niet worden gelezen."), err)
					return
				}
				v.SignIn = newSignIn(v.win, v.ctx, v.bg, mb, ms, v.openURL, func(err error) {
					if err == nil {
						v.fetchWith("")
					}
				})
			})
		})
	}, v.win)
	d.Resize(fyne.NewSize(460, 0))
	v.SignInPrompt = d
	d.Show()
}

// fetchOAuth fetches with aanmelding oauth2, or first asks to sign in when nobody is.
func (v *ImportView) fetchOAuth(ms app.MailboxSettings) {
	if mb, ok := v.mailbox.(MailboxSignIn); ok && !mb.SignedIn(ms) {
		v.askSignIn(T("U bent nog niet aangemeld bij Microsoft voor dit postvak."))
		return
	}
	v.fetchWith("")
}

// signInExpired shows the one sentence and the sign-in button for an expired or revoked
// grant; false for any other outcome.
func (v *ImportView) signInExpired(err error) bool {
	if !errors.Is(err, app.ErrMailboxSignInExpired) {
		return false
	}
	v.askSignIn(T("De aanmelding bij Microsoft is verlopen of ingetrokken; meld u opnieuw aan."))
	return true
}

func trimmed(e *EscEntry) string { return strings.TrimSpace(e.Text) }
