package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/terugkeer/terugkeer/app"
)

// showJSON is the output of show --json; the field names are a contract.
type showJSON struct {
	personJSON
	ControleNodig bool                  `json:"controle_nodig"`
	Detenties     []detentionJSON       `json:"detenties"`
	Domeinen      map[string]domainJSON `json:"domeinen"`
	Algemeen      []answerJSON          `json:"algemeen"`
	Traject       trajectJSON           `json:"traject"`
	Contacten     []contactJSON         `json:"contacten"` // algemeen contacts
	Plan          *planJSON             `json:"plan"`      // the current D&R-plan; null without one
}

type trajectJSON struct {
	Status     string `json:"status"`
	Uitkomst   string `json:"uitkomst"`
	Afgesloten string `json:"afgesloten"`
}

type detentionJSON struct {
	Inrichting      string `json:"inrichting"`
	Begindatum      string `json:"begindatum"`
	Einddatum       string `json:"einddatum"`
	EinddatumStatus string `json:"einddatum_status"`
}

type domainJSON struct {
	Toestemming string        `json:"toestemming"`
	Onderwerpen []answerJSON  `json:"onderwerpen"` // the informatieblad's, where consent holds
	Hulpvraag   string        `json:"hulpvraag"`
	Grondslag   []string      `json:"grondslag"` // sorted: art-18a-pbw, toestemming; [] when nothing is stored
	Opvolging   *followupJSON `json:"opvolging"` // null unless the consent is ja or the person has a plan
}

type answerJSON struct {
	Code        string `json:"code"`
	Antwoord    string `json:"antwoord"`
	Toelichting string `json:"toelichting"`
}

func toAnswers(as []app.Answer) []answerJSON {
	out := make([]answerJSON, 0, len(as))
	for _, a := range as {
		out = append(out, answerJSON(a))
	}
	return out
}

func toShowJSON(f *app.PersonFile) showJSON {
	s := showJSON{
		personJSON: toPersonJSON(f.Person), ControleNodig: f.Person.ControleNodig,
		Detenties: []detentionJSON{}, Domeinen: map[string]domainJSON{}, Algemeen: toAnswers(f.Algemeen),
		Traject: trajectJSON{string(f.Traject.Status), string(f.Traject.Uitkomst), f.Traject.Afgesloten.String()},
	}
	for _, d := range f.Detenties {
		s.Detenties = append(s.Detenties, detentionJSON{
			Inrichting: d.Inrichting, Begindatum: d.Begindatum.String(),
			Einddatum: d.Einddatum.String(), EinddatumStatus: d.EinddatumStatus,
		})
	}
	for _, d := range app.Leefgebieden() {
		df := f.Domeinen[d]
		s.Domeinen[string(d)] = domainJSON{
			Toestemming: string(df.Toestemming), Onderwerpen: toAnswers(df.Data.Onderwerpen),
			Hulpvraag: df.Data.Hulpvraag, Grondslag: append([]string{}, df.Grondslag...), Opvolging: toFollowupJSON(df),
		}
	}
	s.Contacten = toContactsJSON(f.Contacten)
	s.Plan = toPlanJSON(f.Plan)
	return s
}

func cmdShow(ctx context.Context, e *env) error {
	fs := newFlags("show")
	asJSON := fs.Bool("json", false, "JSON-object")
	seen := fs.Bool("ingezien", false, "wie het dossier heeft ingezien, geëxporteerd of gewijzigd (uit het logboek, nieuwste eerst)")
	limit := fs.Int("aantal", app.DefaultAccessLimit, "met --ingezien: hoeveel regels ten hoogste")
	var who personFlags
	who.register(fs, true)
	if err := parse(fs, e.args); err != nil {
		return err
	}
	if *seen {
		return showAccess(ctx, e, who, *limit, *asJSON)
	}
	f, err := loadPerson(ctx, e, who)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e, toShowJSON(f))
	}
	printPerson(e.stdout, f)
	return nil
}

func loadPerson(ctx context.Context, e *env, who personFlags) (*app.PersonFile, error) {
	id, err := who.personID(ctx, e)
	if err != nil {
		return nil, err
	}
	return e.svc.PersonFile(ctx, id)
}

// personID is the number of the person the flags name (--id as given: the log outlives
// a removed file).
func (p personFlags) personID(ctx context.Context, e *env) (int64, error) {
	if err := p.check(); err != nil {
		return 0, err
	}
	if p.id != 0 {
		return p.id, nil
	}
	return e.svc.FindPerson(ctx, p.bsn, p.skn)
}

func printPerson(w io.Writer, f *app.PersonFile) {
	p := f.Person
	fmt.Fprintf(w, "%s (nr. %d)\n", app.Visible(p.FullName()), p.ID)
	fmt.Fprintf(w, "  Geboortedatum: %s   BSN: %s   SKN: %s\n", p.Geboortedatum.Dutch(), orDash(app.Visible(p.BSN)), orDash(app.Visible(p.SKN)))
	if p.ControleNodig {
		fmt.Fprintln(w, "  Let op: een bericht met dit BSN had een andere geboortedatum, of een intrekking noemde ook een onbekend domein; controle nodig.")
	}
	if cm := p.Casemanager; cm.Naam != "" {
		fmt.Fprintf(w, "  Casemanager DJI: %s, %s, %s\n", app.Visible(cm.Naam), app.Visible(cm.Telefoon), app.Visible(cm.Email))
	}
	if t := f.Traject; t.Status == app.Afgesloten {
		fmt.Fprintf(w, "  Traject: afgesloten op %s, %s\n", t.Afgesloten.Dutch(), t.Uitkomst)
	} else if t.Status != "" {
		fmt.Fprintf(w, "  Traject: %s\n", t.Status)
	}
	for _, d := range f.Detenties {
		fmt.Fprintf(w, "  Detentie: %s, van %s tot %s (%s)\n", app.Visible(d.Inrichting), d.Begindatum.Dutch(),
			orDash(d.Einddatum.Dutch()), orDash(d.EinddatumStatus))
	}
	for _, d := range app.Leefgebieden() {
		printDomain(w, d, f.Domeinen[d])
	}
	for _, a := range f.Algemeen {
		printAnswer(w, a)
	}
	printPlan(w, f.Plan)
	printContacts(w, f.Contacten)
}

func printDomain(w io.Writer, d app.Domain, df app.DomainFile) {
	state := string(df.Toestemming)
	if df.Toestemming == app.ConsentIngetrokken && !df.IngetrokkenOp.IsZero() {
		state = "toestemming ingetrokken op " + df.IngetrokkenOp.Dutch()
	}
	fmt.Fprintf(w, "\n%s — toestemming: %s\n", d.Label(), state)
	if len(df.Grondslag) > 0 {
		fmt.Fprintf(w, "  Grondslag: %s\n", strings.Join(grondslagLabels(df), ", "))
	}
	for _, a := range df.Data.Onderwerpen {
		printAnswer(w, a)
	}
	if df.Data.Hulpvraag != "" {
		fmt.Fprintf(w, "  Hulpvraag: %s\n", app.Visible(df.Data.Hulpvraag))
	}
	printFollowup(w, df)
}

func printAnswer(w io.Writer, a app.Answer) {
	q := a.Code
	if t, ok := app.TopicByCode(a.Code); ok {
		q = t.Question
	}
	fmt.Fprintf(w, "  %s: %s", q, orDash(app.Visible(a.Antwoord)))
	if a.Toelichting != "" {
		fmt.Fprintf(w, " (%s)", app.Visible(a.Toelichting))
	}
	fmt.Fprintln(w)
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
