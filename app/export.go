package app

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// This file builds the person list as the window shows it (rows with a compact status
// per domain) and its exports: the release-list PDF and the CSV files of the person list
// and the release list. Every export is recorded in the audit log.

// PersonListRow is one line of the Personen list: the person and the compact status of
// each of the six domains.
type PersonListRow struct {
	PersonRow
	Domeinen []DomainStatus // the six of Domains(), in order
}

// ListOptions are the user's choices for an exported list.
type ListOptions struct {
	VolledigBSN bool // the whole BSN instead of only its last four digits
	// Max refuses a list of more persons (ErrListTooLong); 0: no bound.
	Max int
}

// ErrListTooLong: the list holds more persons than the export allows.
var ErrListTooLong = errors.New("de lijst is te lang")

// ListTooLongError says how long the list is and what the export allows; it matches
// ErrListTooLong.
type ListTooLongError struct{ Aantal, Max int }

func (e *ListTooLongError) Error() string {
	return fmt.Sprintf("de lijst telt %d personen, meer dan %d", e.Aantal, e.Max)
}

// Is makes errors.Is(err, ErrListTooLong) hold.
func (e *ListTooLongError) Is(target error) bool { return target == ErrListTooLong }

// CountPersons is the number of persons q finds, Limit and Offset left out.
func (s *Service) CountPersons(ctx context.Context, q PersonQuery) (int, error) {
	q = s.signalToday(q)
	return read(ctx, s.store, func(tx ReadTx) (int, error) {
		q, err := s.mine(tx, q)
		if err != nil {
			return 0, err
		}
		return tx.CountPersons(q)
	})
}

// PersonList lists persons for the Personen screen: the rows of q with each domain's
// compact status, read in one transaction.
func (s *Service) PersonList(ctx context.Context, q PersonQuery) ([]PersonListRow, error) {
	q = s.signalToday(q)
	return read(ctx, s.store, func(tx ReadTx) ([]PersonListRow, error) {
		q, err := s.mine(tx, q)
		if err != nil {
			return nil, err
		}
		return personList(tx, q)
	})
}

// signalToday is q with a signal counted on today when it names no day (as Persons).
func (s *Service) signalToday(q PersonQuery) PersonQuery {
	if q.Signaal != "" && q.SignaalVandaag.IsZero() {
		q.SignaalVandaag = DateIn(s.now())
	}
	return q
}

func personList(tx ReadTx, q PersonQuery) ([]PersonListRow, error) {
	rows, err := tx.SearchPersons(q)
	if err != nil || len(rows) == 0 {
		return nil, err
	}
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	states, err := tx.ListDomainStates(ids)
	if err != nil {
		return nil, err
	}
	out := make([]PersonListRow, len(rows))
	for i, r := range rows {
		out[i] = PersonListRow{PersonRow: r, Domeinen: ListDomainStatuses(states[r.ID])}
	}
	return out, nil
}

// ListDomainStatuses is the compact status of the six domains as lists show them, by the
// rule of the person file: where follow-up is allowed (consent holds, or the person has
// a D&R-plan: v2 rule 3) the follow-up status, "open" when none was recorded; elsewhere
// the consent state.
func ListDomainStatuses(st ListStates) []DomainStatus {
	out := make([]DomainStatus, 0, len(Domains()))
	for _, d := range Domains() {
		ds := DomainStatus{Domein: d, Toestemming: st.Consent[d]}
		if ds.Toestemming == "" {
			ds.Toestemming = ConsentOnbekend
		}
		ds.Kort = ConsentShort(ds.Toestemming)
		if ds.Toestemming.Holds() || st.Plan {
			ds.Opvolging = FollowupOpen
			if f := st.Followups[d]; f != "" {
				ds.Opvolging = f
			}
			ds.Kort = FollowupShort(ds.Opvolging)
			ds.Verantwoordelijke = st.Verantwoordelijken[d]
		}
		out = append(out, ds)
	}
	return out
}

// ListRequest is one list a window exports: the Personen list as filtered, or (Query
// nil) the release list of the coming ReleaseWeeks weeks.
type ListRequest struct {
	Query   *PersonQuery
	Options ListOptions
}

// ListReport builds the list req asks for (ReleaseReportWith or PersonListReport).
func (s *Service) ListReport(ctx context.Context, now time.Time, req ListRequest) (*ReleaseList, error) {
	if req.Query == nil {
		return s.ReleaseReportWith(ctx, now, ReleaseWeeks, req.Options)
	}
	return s.PersonListReport(ctx, now, *req.Query, req.Options)
}

// PersonListReport builds the list of the persons q finds (Limit and Offset left out),
// in q's order, for the release-list PDF or a CSV file, and records the export in the
// audit log in the same transaction.
func (s *Service) PersonListReport(ctx context.Context, now time.Time, q PersonQuery, opts ListOptions) (*ReleaseList, error) {
	today := DateIn(now)
	if q.Signaal != "" && q.SignaalVandaag.IsZero() {
		q.SignaalVandaag = today
	}
	q.Limit, q.Offset = 0, 0
	l := &ReleaseList{Van: q.ReleaseFrom, Tot: q.ReleaseTo}
	err := s.store.Update(ctx, func(tx Tx) error {
		var err error
		if q, err = s.mine(tx, q); err != nil {
			return err
		}
		l.Selectie = DescribeQuery(q)
		if l.Kop, err = s.reportHeader(tx); err != nil {
			return err
		}
		return s.fillList(tx, l, q, today, opts)
	})
	if err != nil {
		return nil, err
	}
	return l, nil
}

// fillList reads the rows of q into l and records the export.
func (s *Service) fillList(tx Tx, l *ReleaseList, q PersonQuery, today Date, opts ListOptions) error {
	if opts.Max > 0 {
		n, err := tx.CountPersons(q)
		if err != nil {
			return err
		}
		if n > opts.Max {
			return &ListTooLongError{Aantal: n, Max: opts.Max}
		}
	}
	rows, err := personList(tx, q)
	if err != nil {
		return err
	}
	l.Rijen = make([]ReleaseRow, 0, len(rows))
	for _, r := range rows {
		l.Rijen = append(l.Rijen, listRow(r, today, opts))
	}
	return s.audit(tx, AuditEntry{Actie: ActieExport, Object: "rapport", Resultaat: "ok", Aantal: len(l.Rijen)})
}

// listRow is one person of an exported list.
func listRow(r PersonListRow, today Date, opts ListOptions) ReleaseRow {
	row := ReleaseRow{
		Naam: r.FullName(), BSN: MaskBSN(r.BSN), Geboortedatum: r.Geboortedatum, Inrichting: r.Inrichting,
		Vrijlating: r.Einddatum, VrijlatingStaat: r.EinddatumStatus, ControleNodig: r.ControleNodig,
		Domeinen: r.Domeinen, Verantwoordelijke: responsible(r.Domeinen),
	}
	if opts.VolledigBSN {
		row.BSN = r.BSN
	}
	if !r.Einddatum.IsZero() {
		row.Dagen = today.DaysUntil(r.Einddatum)
	}
	return row
}

// DescribeQuery says in Dutch which filters and which order q has, for the heading of
// an exported list; the release window is left to the title. "" when q neither filters
// nor sorts other than by release.
func DescribeQuery(q PersonQuery) string {
	var parts []string
	if z := strings.TrimSpace(q.Zoek); z != "" {
		parts = append(parts, fmt.Sprintf("zoekopdracht %q", z))
	}
	if q.Traject != "" {
		parts = append(parts, "traject "+strings.ReplaceAll(string(q.Traject), "-", " "))
	}
	if q.DomeinStatus != "" {
		d := "een domein"
		if q.Domein != "" {
			d = strings.ToLower(q.Domein.Label())
		}
		parts = append(parts, d+": "+q.DomeinStatus.Label())
	}
	switch {
	case q.AfsprakenGemeente:
		parts = append(parts, "open afspraken voor de gemeente")
	case q.HeeftPlan:
		parts = append(parts, "met D&R-plan")
	}
	if q.ControleNodig {
		parts = append(parts, "alleen controle nodig")
	}
	if v := strings.TrimSpace(q.Verantwoordelijke); v != "" {
		parts = append(parts, fmt.Sprintf("verantwoordelijke %q", v))
	}
	if q.Signaal != "" {
		parts = append(parts, "signaal "+lowerFirstRune(q.Signaal.Label()))
	}
	if q.Sort != SortByRelease || q.Desc {
		by := map[PersonSort]string{SortByName: "naam", SortByRelease: "vrijlating", SortByBirth: "geboortedatum",
			SortByInrichting: "inrichting", SortByEindStatus: "status van de einddatum"}[q.Sort]
		if q.Sort == SortByDomein {
			by = "stand van " + lowerFirstRune(q.SortDomein.Label())
		}
		if q.Desc {
			by += ", aflopend"
		}
		parts = append(parts, "gesorteerd op "+by)
	}
	return strings.Join(parts, "; ")
}

func lowerFirstRune(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToLower(string(r[0])) + string(r[1:])
}

// responsible joins the domains' verantwoordelijken, each name once, in domain order.
func responsible(ds []DomainStatus) string {
	var names []string
	for _, d := range ds {
		if n := strings.TrimSpace(d.Verantwoordelijke); n != "" && !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	return strings.Join(names, ", ")
}
