package app

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
)

// This file builds what the PDF overviews show (package report draws them). Everything a
// printout may contain is decided here: consent-based content only for domains whose
// consent holds, the BSN masked unless asked otherwise, and dates already in Dutch form.

// PersonReportOptions are the user's choices for a person overview.
type PersonReportOptions struct {
	VolledigBSN bool // print the whole BSN instead of only its last four digits
}

// ReportHeader is the head of every printout.
type ReportHeader struct {
	Gemeenten []string  // CBS codes this installation serves (no name lookup)
	Gebruiker string    // configured user name, "" when unset
	Afgedrukt time.Time // the clock when the report was made; also the PDF's creation date
}

// ReportItem is one question of the informatieblad with its answer.
type ReportItem struct {
	Vraag       string // Dutch question text of the catalogue
	Antwoord    string
	Toelichting string
}

// PersonReport is the overview of one person for the nazorg consultation.
type PersonReport struct {
	Kop           ReportHeader
	Naam          string
	Geboortedatum Date
	BSN           string // masked ("*****0019") unless VolledigBSN; "" when unknown
	SKN           string
	ControleNodig bool
	Traject       string           // the traject status in Dutch (TrajectText)
	Detentie      *ReportDetention // nil when no detention is known
	Casemanager   Contact          // DJI casemanager; zero when unknown
	Domeinen      []ReportDomain   // the six in the spec's order; sociaal-netwerk too with a plan
	Contact       []ReportItem     // contact.* topics (contact preferences) of the informatieblad
	Plan          *ReportPlan      // the current D&R-plan; nil when the person has none
	Contacten     []ReportContact  // recent algemeen contacts, newest first
}

// RecentContacts is how many contacts per domain (and algemeen) a person overview shows.
const RecentContacts = 3

// MaxReportNote bounds a contact note on paper, in characters; the full note stays in
// the application.
const MaxReportNote = 400

// ReportFollowup is a domain's follow-up as printed.
type ReportFollowup struct {
	Status            FollowupStatus
	StatusTekst       string // Dutch label
	Verantwoordelijke string
	Actie             string // next action; "" when none
	Actiedatum        Date
}

// ReportContact is one contact moment as printed.
type ReportContact struct {
	Tijd    time.Time // in the report's time zone
	Kanaal  string    // Dutch label
	Met     string
	Notitie string // shortened to MaxReportNote characters
}

// ReportDetention is the latest detention with the days left until release.
type ReportDetention struct {
	Inrichting      string
	Begindatum      Date
	Einddatum       Date   // zero when no release date is known
	EinddatumStatus string // "verwacht" or "definitief"
	Dagen           int    // days from the report date to Einddatum (negative: in the past)
	DagenTekst      string // "nog 12 dagen", "vandaag", "3 dagen geleden"; "" without Einddatum
}

// ReportDomain is one domain of the person overview.
type ReportDomain struct {
	Domein      Domain
	Titel       string
	Toestemming ConsentState
	// ToestemmingTekst is what the printout says about consent (WordConsent,
	// ConsentAnswer): "ja", "nee", "toestemming ingetrokken op dd-mm-jjjj" or "geen
	// informatieblad ontvangen".
	ToestemmingTekst string
	Onderwerpen      []ReportItem // only when consent holds
	Hulpvraag        string       // only when consent holds
	// Grondslag is the basis of the informatieblad content (SheetBasis), when there is any.
	Grondslag string
	Plan      *ReportLifeArea // the plan's leefgebied; nil when the plan does not hold it
	// Follow-up, where it is allowed: while consent holds, or on every domain while the
	// person has a plan (v2 rule 3).
	Opvolging *ReportFollowup
	Contacten []ReportContact // recent contacts, newest first
	// Aantekeningen are the recent notes, newest first (RecentNotes of them);
	// OudereAantekeningen counts the older ones that are not printed.
	Aantekeningen       []ReportNote
	OudereAantekeningen int
}

// ReleaseList is the list of persons released in the coming weeks (Weken), or the
// Personen list as filtered (Selectie; Weken 0).
type ReleaseList struct {
	Kop      ReportHeader
	Van      Date // first release date included (the report date); zero: no lower bound
	Tot      Date // last release date included; zero: no upper bound
	Weken    int
	Selectie string       // Personen: the filter in Dutch ("" when none)
	Rijen    []ReleaseRow // Weken: sorted by release date, then name; Personen: as shown
}

// ReleaseRow is one person of the release list.
type ReleaseRow struct {
	Naam            string
	BSN             string // masked ("*****0019") unless asked otherwise; "" when unknown
	Geboortedatum   Date
	Inrichting      string
	Vrijlating      Date
	VrijlatingStaat string // "verwacht" or "definitief"
	Dagen           int    // days from the report date to Vrijlating; 0 without Vrijlating
	ControleNodig   bool
	Domeinen        []DomainStatus // all six, in the spec's order
	// Verantwoordelijke names the colleagues responsible for the person's domains (each
	// once, in the domains' order), where follow-up is allowed.
	Verantwoordelijke string
}

// DomainStatus is the compact per-domain status of the lists (ListDomainStatuses).
type DomainStatus struct {
	Domein      Domain
	Toestemming ConsentState
	// Opvolging: only where follow-up is allowed, while consent holds or the person has a
	// D&R-plan ("open" when none was recorded).
	Opvolging FollowupStatus
	// Kort is the cell text: the follow-up status where it is allowed ("open",
	// "in beh.", "geregeld", "n. nodig", "n. bereikb."), else "nee", "ingetr." or "—".
	Kort string
	// Verantwoordelijke is the colleague recorded for the domain, only where follow-up
	// is allowed.
	Verantwoordelijke string
}

// MaxReleaseWeeks bounds the window of the release list.
const MaxReleaseWeeks = 52

// MaskBSN keeps the last four digits of a BSN and replaces the rest by asterisks.
func MaskBSN(bsn string) string {
	r := []rune(bsn)
	if len(r) <= 4 {
		return strings.Repeat("*", len(r))
	}
	return strings.Repeat("*", len(r)-4) + string(r[len(r)-4:])
}

// DaysText says in Dutch how far a release date is from today (WordDays).
func DaysText(days int) string { return WordDays(days, DaysSentence).String() }

// ConsentShort is the compact consent state of the release list.
func ConsentShort(s ConsentState) string {
	switch s {
	case ConsentJa:
		return "ja"
	case ConsentNee:
		return "nee"
	case ConsentIngetrokken:
		return "ingetr."
	}
	return "—"
}

// FollowupShort is the compact follow-up status of the release list.
func FollowupShort(s FollowupStatus) string {
	switch s {
	case FollowupInBehandeling:
		return "in beh."
	case FollowupNietNodig:
		return "n. nodig"
	case FollowupNietBereikbaar:
		return "n. bereikb."
	}
	return s.Label()
}

// recentContacts returns the last n contacts (given oldest first), newest first, with
// times in loc and notes shortened.
func recentContacts(cs []ContactMoment, n int, loc *time.Location) []ReportContact {
	var out []ReportContact
	for i := len(cs) - 1; i >= 0 && len(out) < n; i-- {
		c := cs[i]
		note := c.Notitie
		if r := []rune(note); len(r) > MaxReportNote {
			note = strings.TrimSpace(string(r[:MaxReportNote])) + "…"
		}
		out = append(out, ReportContact{Tijd: c.Tijd.In(loc), Kanaal: c.Kanaal.Label(), Met: c.Met, Notitie: note})
	}
	return out
}

// reportItems turns stored answers into printed items in catalogue order.
func reportItems(as []Answer) []ReportItem {
	order := map[string]int{}
	for i, t := range Topics() {
		order[t.Code] = i
	}
	sorted := slices.Clone(as)
	slices.SortStableFunc(sorted, func(a, b Answer) int {
		ia, oka := order[a.Code]
		ib, okb := order[b.Code]
		switch {
		case oka && okb:
			return ia - ib
		case oka:
			return -1
		case okb:
			return 1
		}
		return strings.Compare(a.Code, b.Code)
	})
	out := make([]ReportItem, 0, len(sorted))
	for _, a := range sorted {
		q := a.Code
		if t, ok := TopicByCode(a.Code); ok {
			q = t.Question
		}
		out = append(out, ReportItem{Vraag: q, Antwoord: AnswerLabel(a.Antwoord), Toelichting: a.Toelichting})
	}
	return out
}

// BuildPersonReport computes the person overview from a person file. today is the
// report's date for the days to release.
func BuildPersonReport(f *PersonFile, kop ReportHeader, today Date, opts PersonReportOptions) *PersonReport {
	p := f.Person
	loc := kop.Afgedrukt.Location()
	r := &PersonReport{
		Kop: kop, Naam: p.FullName(), Geboortedatum: p.Geboortedatum, SKN: p.SKN,
		ControleNodig: p.ControleNodig, Casemanager: p.Casemanager, Traject: TrajectText(f.Traject),
	}
	if p.BSN != "" {
		r.BSN = MaskBSN(p.BSN)
		if opts.VolledigBSN {
			r.BSN = p.BSN
		}
	}
	if d, ok := f.LatestDetention(); ok {
		rd := &ReportDetention{
			Inrichting: d.Inrichting, Begindatum: d.Begindatum, Einddatum: d.Einddatum,
			EinddatumStatus: d.EinddatumStatus,
		}
		if !d.Einddatum.IsZero() {
			rd.Dagen = today.DaysUntil(d.Einddatum)
			rd.DagenTekst = DaysText(rd.Dagen)
		}
		r.Detentie = rd
	}
	r.Plan = reportPlan(f.Plan)
	for _, d := range reportDomains(f) {
		df := f.Domeinen[d]
		rd := ReportDomain{Domein: d, Titel: d.Label(), Toestemming: df.Toestemming,
			ToestemmingTekst: WordConsent(df.Toestemming, df.IngetrokkenOp, ConsentAnswer).String(),
			Plan:             reportLifeArea(f.Plan, d)}
		// Consent-based content only where consent holds, whatever the file carries.
		if df.Toestemming.Holds() {
			rd.Onderwerpen = reportItems(df.Data.Onderwerpen)
			rd.Hulpvraag = df.Data.Hulpvraag
			if len(rd.Onderwerpen) > 0 || rd.Hulpvraag != "" {
				rd.Grondslag = SheetBasis(df.Opgesteld)
			}
		}
		if df.Toestemming.Holds() || f.Plan != nil {
			o := df.Opvolging
			if o.Status == "" {
				o.Status = FollowupOpen
			}
			rd.Opvolging = &ReportFollowup{Status: o.Status, StatusTekst: o.Status.Label(),
				Verantwoordelijke: o.Verantwoordelijke, Actie: o.Actie, Actiedatum: o.Actiedatum}
			rd.Contacten = recentContacts(df.Contacten, RecentContacts, loc)
			rd.Aantekeningen, rd.OudereAantekeningen = recentNotes(df.Aantekeningen, RecentNotes, loc)
		}
		r.Domeinen = append(r.Domeinen, rd)
	}
	if anyHolds(f) {
		r.Contact = reportItems(f.Algemeen)
	}
	r.Contacten = recentContacts(f.Contacten, RecentContacts, loc)
	return r
}

func anyHolds(f *PersonFile) bool {
	for _, df := range f.Domeinen {
		if df.Toestemming.Holds() {
			return true
		}
	}
	return false
}

// exportedDomains are the domains whose consent-based content a person report carries.
func (r *PersonReport) exportedDomains() []Domain {
	var out []Domain
	for _, d := range r.Domeinen {
		if len(d.Onderwerpen) > 0 || d.Hulpvraag != "" {
			out = append(out, d.Domein)
		}
	}
	return out
}

// reportHeader reads the settings a printout names.
func (s *Service) reportHeader(tx ReadTx) (ReportHeader, error) {
	g, err := tx.Setting(SettingGemeenten)
	if err != nil {
		return ReportHeader{}, err
	}
	if g == "" {
		return ReportHeader{}, ErrNotInitialised
	}
	user, err := s.userName(tx)
	if err != nil {
		return ReportHeader{}, err
	}
	return ReportHeader{Gemeenten: strings.Split(g, ","), Gebruiker: user, Afgedrukt: s.now()}, nil
}

// PersonReport builds the overview of one person and records the export in the audit
// log in the same transaction (ErrNotFound when there is no such person).
func (s *Service) PersonReport(ctx context.Context, id int64, opts PersonReportOptions) (*PersonReport, error) {
	var r *PersonReport
	err := s.store.Update(ctx, func(tx Tx) error {
		kop, err := s.reportHeader(tx)
		if err != nil {
			return err
		}
		f, err := loadPersonFile(tx, id)
		if err != nil {
			return err
		}
		r = BuildPersonReport(f, kop, DateOf(kop.Afgedrukt), opts)
		return s.audit(tx, AuditEntry{
			Actie: ActieExport, Object: "persoon", ObjectID: id, Resultaat: "ok",
			Domeinen: r.exportedDomains(), Aantal: 1,
		})
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

// ReleaseReport builds the list of everyone whose latest detention ends within weeks
// weeks from now's date (both ends included), sorted by release date, and records the
// export in the audit log in the same transaction.
func (s *Service) ReleaseReport(ctx context.Context, now time.Time, weeks int) (*ReleaseList, error) {
	return s.ReleaseReportWith(ctx, now, weeks, ListOptions{})
}

// ReleaseReportWith is ReleaseReport with the user's choices (the whole BSN).
func (s *Service) ReleaseReportWith(ctx context.Context, now time.Time, weeks int, opts ListOptions) (*ReleaseList, error) {
	if weeks < 1 || weeks > MaxReleaseWeeks {
		return nil, fmt.Errorf("het aantal weken moet tussen 1 en %d liggen", MaxReleaseWeeks)
	}
	today := DateIn(now)
	l := &ReleaseList{Van: today, Tot: today.AddDays(7 * weeks), Weken: weeks}
	err := s.store.Update(ctx, func(tx Tx) error {
		var err error
		if l.Kop, err = s.reportHeader(tx); err != nil {
			return err
		}
		return s.fillList(tx, l, PersonQuery{ReleaseFrom: l.Van, ReleaseTo: l.Tot, Sort: SortByRelease}, today, opts)
	})
	if err != nil {
		return nil, err
	}
	return l, nil
}

// TrajectText is the traject status as a printout states it: "aangemeld", "in
// behandeling" or "afgesloten op 12-03-2024 (met maatregelen)".
func TrajectText(t Traject) string {
	switch t.Status {
	case Aangemeld:
		return "aangemeld"
	case InBehandeling:
		return "in behandeling"
	case Afgesloten:
		s := "afgesloten"
		if !t.Afgesloten.IsZero() {
			s += " op " + t.Afgesloten.Dutch()
		}
		switch t.Uitkomst {
		case MetMaatregelen:
			s += " (met maatregelen)"
		case ZonderMaatregelen:
			s += " (zonder maatregelen)"
		}
		return s
	}
	return string(t.Status)
}
