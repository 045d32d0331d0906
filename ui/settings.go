package ui

import (
	"context"
	"net/url"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/terugkeer/terugkeer/app"
)

// SettingsView is Instellingen: gemeenten, the user's name, language, retention terms
// and the mailbox.
type SettingsView struct {
	svc     SettingsService
	win     fyne.Window
	ctx     context.Context
	bg      *tasks
	mailbox Mailbox
	changed func()

	Gemeenten *EscEntry
	Gebruiker *EscEntry
	Taal      *widget.Select
	terms     map[string]*EscEntry
	// TermsConfirm is the last confirmation asked before a shorter term was saved.
	TermsConfirm dialog.Dialog

	mail     mailboxForm
	SignIn   *signIn              // the last Microsoft sign-in started (tests)
	openURL  func(*url.URL) error // the system browser
	Saved    *widget.Label
	scroll   *container.Scroll
	content  fyne.CanvasObject
	mailCard fyne.CanvasObject
}

type mailboxForm struct {
	// loaded are the settings as last loaded or saved: what the form does not show
	// (token-url, say) is kept from them when the form is saved.
	loaded                                                                             app.MailboxSettings
	oauth                                                                              signInFields
	server, poort, gebruiker, map_, verwerkt, quarantaine, ca, verwijderen, wachtwoord *EscEntry
	beveiliging                                                                        *widget.Select
	result                                                                             *widget.Label
	test                                                                               *widget.Button
}

var securities = []app.Security{app.SecurityTLS, app.SecurityStartTLS, app.SecurityNone}

func securityLabel(s app.Security) string {
	switch s {
	case app.SecurityTLS:
		return T("TLS (poort 993)")
	case app.SecurityStartTLS:
		return T("STARTTLS (poort 143)")
	}
	return T("geen (alleen voor een server op deze computer)")
}

// NewSettingsView builds the Instellingen screen and loads the current values.
func NewSettingsView(ctx context.Context, svc SettingsService, win fyne.Window, bg *tasks, mb Mailbox, changed func()) *SettingsView {
	v := &SettingsView{svc: svc, win: win, ctx: ctx, bg: bg, mailbox: mb, changed: changed, terms: map[string]*EscEntry{}, openURL: systemOpen}
	title := widget.NewLabelWithStyle(T("Instellingen"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})

	v.Gemeenten = NewEscEntry(nil)
	v.Gemeenten.SetPlaceHolder(T("bijvoorbeeld 0193"))
	names := newGemeenteNames(v.Gemeenten) // the CBS name of each code, as it is typed
	v.Gebruiker = NewEscEntry(nil)
	v.Gebruiker.SetPlaceHolder(T("uw naam, voor het logboek en op afdrukken"))
	v.Taal = widget.NewSelect([]string{"Nederlands", "English"}, nil)
	if LanguageFromPreferences(prefs()) == English {
		v.Taal.SetSelectedIndex(1)
	} else {
		v.Taal.SetSelectedIndex(0)
	}
	general := widget.NewForm(
		widget.NewFormItem(T("Gemeentecodes"), container.NewVBox(v.Gemeenten, names.box)),
		widget.NewFormItem(T("Uw naam"), v.Gebruiker),
		widget.NewFormItem(T("Taal"), v.Taal),
	)
	general.SubmitText = T("Opslaan")
	general.OnSubmit = v.SaveGeneral
	v.Saved = widget.NewLabel("")
	gemHint := wrapLabel(T("De CBS-codes van vier cijfers van de gemeenten die deze installatie bedient, gescheiden door komma's. Berichten voor andere gemeenten gaan naar de quarantaine."))
	cards := []fyne.CanvasObject{widget.NewCard(T("Algemeen"), "", container.NewVBox(gemHint, general, v.Saved))}

	termForm := widget.NewForm()
	for _, ti := range app.TermInfos() {
		e := NewEscEntry(nil)
		e.SetPlaceHolder(ti.Default.String())
		e.Validator = func(s string) error {
			if strings.TrimSpace(s) == "" {
				return nil
			}
			_, err := app.ParseTerm(s)
			if err != nil {
				return errorf(T("Gebruik een getal met d, m of j, bijvoorbeeld 9m of 5j."))
			}
			return nil
		}
		v.terms[ti.Key] = e
		// The description wraps under the field (a form's HintText does not wrap, and the
		// longest widened Instellingen past an 800-pixel window).
		hint := widget.NewLabel(T(ti.Omschrijving))
		hint.Wrapping = fyne.TextWrapWord
		hint.SizeName = theme.SizeNameCaptionText
		termForm.AppendItem(widget.NewFormItem(termLabel(ti.Key), container.NewVBox(e, hint)))
	}
	termForm.SubmitText = T("Termijnen opslaan")
	termForm.OnSubmit = v.SaveTerms
	termHint := wrapLabel(T("Na afloop van een termijn verwijdert Terugkeer de gegevens automatisch, bij het starten en elke dag. Schrijf een termijn als getal met d (dagen), m (maanden) of j (jaren)."))
	cards = append(cards, widget.NewCard(T("Bewaartermijnen"), "", container.NewVBox(termHint, termForm)))

	v.mailCard = v.mailboxCard()
	cards = append(cards, v.mailCard)
	v.scroll = container.NewVScroll(container.NewVBox(cards...))
	v.content = container.NewBorder(title, nil, nil, nil, v.scroll)
	v.Reload()
	return v
}

// prefs is the app's preferences, or nil without an app.
func prefs() fyne.Preferences {
	if a := fyne.CurrentApp(); a != nil {
		return a.Preferences()
	}
	return nil
}

// Content is the view's canvas object.
func (v *SettingsView) Content() fyne.CanvasObject { return v.content }

// Reload reads the current settings.
func (v *SettingsView) Reload() {
	v.bg.run(func() {
		gem, _ := v.svc.Setting(v.ctx, app.SettingGemeenten)
		user, err := v.svc.Setting(v.ctx, app.SettingGebruiker)
		var terms app.RetentionTerms
		if err == nil {
			terms, err = v.svc.RetentionTerms(v.ctx)
		}
		var ms app.MailboxSettings
		if err == nil {
			ms, err = v.svc.MailboxSettings(v.ctx)
		}
		src, env := mailboxPasswordSource(v.mailbox, ms)
		fyne.Do(func() {
			if err != nil {
				showError(v.win, T("De instellingen konden niet worden gelezen."), err)
				return
			}
			v.Gemeenten.SetText(strings.ReplaceAll(gem, ",", ", "))
			v.Gebruiker.SetText(user)
			for k, e := range v.terms {
				if t, ok := terms[k]; ok {
					e.SetText(t.String())
				}
			}
			v.setMailbox(ms)
			v.mail.wachtwoord.SetPlaceHolder(passwordPlaceholder(src, env))
		})
	})
}

// SaveGeneral stores gemeenten, the user's name and the language.
func (v *SettingsView) SaveGeneral() {
	codes := strings.FieldsFunc(v.Gemeenten.Text, func(r rune) bool { return r == ',' || r == ' ' || r == ';' })
	user := strings.TrimSpace(v.Gebruiker.Text)
	taal := Dutch
	if v.Taal.SelectedIndex() == 1 {
		taal = English
	}
	langChanged := taal != LanguageFromPreferences(prefs())
	if p := prefs(); p != nil {
		p.SetString(PrefLanguage, taal)
	}
	v.bg.run(func() {
		err := v.svc.Init(v.ctx, codes)
		if err == nil {
			err = v.svc.SetSetting(v.ctx, app.SettingGebruiker, user)
		}
		fyne.Do(func() {
			if err != nil {
				showError(v.win, T("De instellingen zijn niet opgeslagen."), err)
				return
			}
			msg := T("Opgeslagen.")
			if langChanged {
				msg += " " + T("De nieuwe taal geldt na het opnieuw starten van Terugkeer.")
			}
			v.Saved.SetText(msg)
			if v.changed != nil {
				v.changed()
			}
		})
	})
}

// SaveTerms stores the retention terms that changed. A change that would destroy data at
// once (a shorter term) first says how much and asks for confirmation.
func (v *SettingsView) SaveTerms() {
	vals := map[string]string{}
	for k, e := range v.terms {
		if s := strings.TrimSpace(e.Text); s != "" {
			vals[k] = s
		}
	}
	now := v.svc.Now()
	v.bg.run(func() {
		changes, err := v.changedTerms(vals)
		var rep app.RetentionReport
		if err == nil && len(changes) > 0 {
			rep, err = v.svc.PreviewRetentionTerms(v.ctx, now, changes)
		}
		fyne.Do(func() {
			switch {
			case err != nil:
				showError(v.win, T("De bewaartermijnen zijn niet opgeslagen."), err)
			case rep.Total() > 0:
				v.TermsConfirm = confirmDialog(v.win, T("Gegevens worden vernietigd"),
					tf("Met deze bewaartermijnen worden bij de volgende controle {{.W}} vernietigd: hun termijn is dan al verstreken. Dat kan niet ongedaan worden gemaakt.", "W", retentionWhat(rep)),
					T("Opslaan en vernietigen"), func() { v.storeTerms(changes) })
			default:
				v.storeTerms(changes)
			}
		})
	})
}

// changedTerms keeps the typed terms that differ from the stored ones.
func (v *SettingsView) changedTerms(vals map[string]string) (map[string]string, error) {
	cur, err := v.svc.RetentionTerms(v.ctx)
	if err != nil {
		return nil, err
	}
	changes := map[string]string{}
	for k, s := range vals {
		t, err := app.ParseTerm(s)
		if err != nil {
			return nil, err
		}
		if c, ok := cur[k]; !ok || c != t {
			changes[k] = s
		}
	}
	return changes, nil
}

func (v *SettingsView) storeTerms(changes map[string]string) {
	v.bg.run(func() {
		var err error
		for _, ti := range app.TermInfos() {
			if s, ok := changes[ti.Key]; ok {
				if err = v.svc.SetRetentionTerm(v.ctx, ti.Key, s); err != nil {
					break
				}
			}
		}
		fyne.Do(func() {
			if err != nil {
				showError(v.win, T("De bewaartermijnen zijn niet opgeslagen."), err)
				return
			}
			showInformation(v.win, T("Bewaartermijnen"), T("De bewaartermijnen zijn opgeslagen."))
		})
	})
}

// retentionWhat says in words what a retention run removes (or would remove): "3
// personen met 41 gegevens, 2 berichten uit de quarantaine en 12 logboekregels".
func retentionWhat(r app.RetentionReport) string {
	var parts []string
	if n := len(r.Personen); n > 0 {
		p := plural(n, "{{.N}} persoon", "{{.N}} personen")
		if r.Items > 0 {
			p += " " + plural(r.Items, "met {{.N}} gegeven", "met {{.N}} gegevens")
		}
		parts = append(parts, p)
	}
	for _, c := range []struct {
		n         int
		one, many string
	}{
		{r.Quarantaine, "{{.N}} bericht uit de quarantaine", "{{.N}} berichten uit de quarantaine"},
		{r.Controle, "{{.N}} bericht dat op controle wachtte", "{{.N}} berichten die op controle wachtten"},
		{r.Logboek, "{{.N}} logboekregel", "{{.N}} logboekregels"},
		{r.Register, "{{.N}} regel uit het toestemmingsregister", "{{.N}} regels uit het toestemmingsregister"},
		{r.Berichten, "{{.N}} berichtkenmerk zonder persoon", "{{.N}} berichtkenmerken zonder persoon"},
	} {
		if c.n > 0 {
			parts = append(parts, plural(c.n, c.one, c.many))
		}
	}
	switch len(parts) {
	case 0:
		return T("niets")
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " " + T("en") + " " + parts[len(parts)-1]
}

func (v *SettingsView) mailboxCard() fyne.CanvasObject {
	m := &v.mail
	m.server = NewEscEntry(nil)
	m.server.SetPlaceHolder("imap.gemeente.nl")
	m.poort = NewEscEntry(nil)
	m.poort.SetPlaceHolder("993")
	var secs []string
	for _, s := range securities {
		secs = append(secs, securityLabel(s))
	}
	m.beveiliging = widget.NewSelect(secs, nil)
	m.beveiliging.SetSelectedIndex(0)
	m.gebruiker = NewEscEntry(nil)
	m.map_ = NewEscEntry(nil)
	m.map_.SetPlaceHolder(app.DefaultMailboxMap)
	m.verwerkt = NewEscEntry(nil)
	m.verwerkt.SetPlaceHolder(app.DefaultMailboxVerwerkt)
	m.quarantaine = NewEscEntry(nil)
	m.quarantaine.SetPlaceHolder(app.DefaultMailboxQuarantaine)
	m.verwijderen = NewEscEntry(nil)
	m.verwijderen.SetPlaceHolder(app.DefaultVerwijderenNa)
	m.ca = NewEscEntry(nil)
	m.ca.SetPlaceHolder(T("optioneel: pad naar extra CA-certificaten (PEM)"))
	m.wachtwoord = newEscPasswordEntry()
	m.wachtwoord.SetPlaceHolder(passwordPlaceholder(PasswordNone, ""))
	m.result = wrapLabel("")
	form := widget.NewForm(
		widget.NewFormItem(T("Server"), m.server),
		widget.NewFormItem(T("Poort"), m.poort),
		widget.NewFormItem(T("Beveiliging"), m.beveiliging),
		widget.NewFormItem(T("Gebruikersnaam"), m.gebruiker),
		widget.NewFormItem(T("Wachtwoord"), m.wachtwoord),
		widget.NewFormItem(T("Map met berichten"), m.map_),
		widget.NewFormItem(T("Map voor verwerkte mail"), m.verwerkt),
		widget.NewFormItem(T("Map voor quarantaine"), m.quarantaine),
		widget.NewFormItem(T("Verwerkte mail verwijderen na"), m.verwijderen),
		widget.NewFormItem(T("CA-bestand"), m.ca),
	)
	signInItems, signInBtn, signInStatus := v.signInItems()
	for _, it := range signInItems {
		form.AppendItem(it)
	}
	form.SubmitText = T("Opslaan")
	form.OnSubmit = v.SaveMailbox
	m.test = widget.NewButtonWithIcon(T("Verbinding testen"), theme.MailSendIcon(), v.TestMailbox)
	if v.mailbox == nil {
		m.test.Disable()
		m.wachtwoord.Disable()
		m.result.SetText(T("Ophalen uit een postvak is in deze versie nog niet beschikbaar; de instellingen kunnen wel worden opgeslagen."))
	}
	hint := wrapLabel(T("Terugkeer haalt berichten van de DJI op uit dit postvak (IMAP). Verwerkte mail gaat naar een andere map en wordt daar na de termijn hieronder verwijderd (0d: meteen); mail met gegevens die het programma wist, verdwijnt bij de volgende ophaalronde uit alle mappen."))
	return widget.NewCard(T("Postvak"), "", container.NewVBox(hint, form, container.NewHBox(m.test, signInBtn), signInStatus, m.result))
}

func (v *SettingsView) setMailbox(ms app.MailboxSettings) {
	m := &v.mail
	m.server.SetText(ms.Server)
	if ms.Poort != 0 {
		m.poort.SetText(strconv.Itoa(ms.Poort))
	} else {
		m.poort.SetText("")
	}
	for i, s := range securities {
		if s == ms.WithDefaults().Beveiliging {
			m.beveiliging.SetSelectedIndex(i)
		}
	}
	m.gebruiker.SetText(ms.Gebruiker)
	m.map_.SetText(ms.Map)
	m.verwerkt.SetText(ms.Verwerkt)
	m.quarantaine.SetText(ms.Quarantaine)
	m.ca.SetText(ms.CABestand)
	m.loaded = ms
	v.setSignIn(ms)
	m.verwijderen.SetText(ms.VerwijderenNa)
}

// mailboxSettings reads the form.
func (v *SettingsView) mailboxSettings() (app.MailboxSettings, error) {
	m := &v.mail
	ms := m.loaded
	ms.Server, ms.Gebruiker = strings.TrimSpace(m.server.Text), strings.TrimSpace(m.gebruiker.Text)
	ms.Map, ms.Verwerkt = strings.TrimSpace(m.map_.Text), strings.TrimSpace(m.verwerkt.Text)
	ms.Quarantaine, ms.CABestand = strings.TrimSpace(m.quarantaine.Text), strings.TrimSpace(m.ca.Text)
	ms.VerwijderenNa = strings.TrimSpace(m.verwijderen.Text)
	ms.Poort = 0
	v.readSignIn(&ms)
	if i := m.beveiliging.SelectedIndex(); i >= 0 {
		ms.Beveiliging = securities[i]
	}
	if p := strings.TrimSpace(m.poort.Text); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n <= 0 || n > 65535 {
			return ms, errorf(T("De poort is een getal tussen 1 en 65535."))
		}
		ms.Poort = n
	}
	return ms, nil
}

// SaveMailbox stores the mailbox settings and, when filled in, the password.
func (v *SettingsView) SaveMailbox() {
	ms, err := v.mailboxSettings()
	if err != nil {
		showError(v.win, err.Error(), nil)
		return
	}
	pw := v.mail.wachtwoord.Text
	v.bg.run(func() {
		err := v.svc.SaveMailboxSettings(v.ctx, ms)
		if err == nil && pw != "" && v.mailbox != nil {
			err = v.mailbox.StorePassword(ms, pw)
		}
		src, env := mailboxPasswordSource(v.mailbox, ms)
		fyne.Do(func() {
			if err != nil {
				showError(v.win, T("De postvakinstellingen zijn niet opgeslagen."), err)
				return
			}
			v.mail.wachtwoord.SetText("")
			v.mail.wachtwoord.SetPlaceHolder(passwordPlaceholder(src, env))
			v.mail.result.SetText(T("De postvakinstellingen zijn opgeslagen."))
		})
	})
}

// TestMailbox connects with the settings in the form.
func (v *SettingsView) TestMailbox() {
	if v.mailbox == nil {
		return
	}
	ms, err := v.mailboxSettings()
	if err != nil {
		showError(v.win, err.Error(), nil)
		return
	}
	pw := v.mail.wachtwoord.Text
	v.mail.test.Disable()
	v.mail.result.SetText(T("Verbinding maken…"))
	v.bg.run(func() {
		var err error
		if pw != "" {
			err = v.mailbox.StorePassword(ms, pw)
		}
		var msg string
		if err == nil {
			msg, err = v.mailbox.Test(v.ctx, ms)
		}
		fyne.Do(func() {
			v.mail.test.Enable()
			if err != nil {
				v.mail.result.SetText(T("De verbinding is mislukt."))
				showError(v.win, T("De verbinding met het postvak is mislukt. Controleer server, poort, gebruikersnaam en wachtwoord."), err)
				return
			}
			v.mail.result.SetText(T("De verbinding werkt.") + " " + msg)
		})
	})
}

// termLabel names a retention term for the form.
func termLabel(key string) string {
	switch key {
	case app.TermZonderMaatregelen:
		return T("Afgesloten zonder maatregelen")
	case app.TermMetMaatregelen:
		return T("Afgesloten met maatregelen")
	case app.TermNietGestart:
		return T("Nooit in behandeling")
	case app.TermQuarantaine:
		return T("Quarantaine")
	case app.TermLogboek:
		return T("Logboek")
	case app.TermRegister:
		return T("Toestemmingsregister")
	}
	return key
}
