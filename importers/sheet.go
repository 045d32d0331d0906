package importers

import (
	"strings"

	"github.com/terugkeer/terugkeer/app"
)

// sheet converts an informatieblad. Unknown domains and topics are kept as they
// are: Message.Validate refuses them with its own reasons.
func (x *xmlInformatieblad) sheet() (*app.Sheet, error) {
	opgesteld, err := parseDate("datum opgesteld van het informatieblad", x.Opgesteld)
	if err != nil {
		return nil, err
	}
	s := &app.Sheet{Opgesteld: opgesteld, Toestemming: map[app.Domain]bool{}, Hulpvragen: map[app.Domain]string{},
		Onderwerpen: answers(x.Onderwerp)}
	if err := x.consent(s); err != nil {
		return nil, err
	}
	return s, x.requests(s)
}

// answers converts topics of an informatieblad or a D&R-plan, in document order.
func answers(xs []xmlOnderwerp) []app.Answer {
	var out []app.Answer
	for _, o := range xs {
		out = append(out, app.Answer{
			Code:        strings.TrimSpace(o.Code),
			Antwoord:    strings.TrimSpace(o.Antwoord),
			Toelichting: strings.TrimSpace(o.Toelichting),
		})
	}
	return out
}

// consent fills Toestemming: gegeven must be "ja" or "nee", once per domain.
func (x *xmlInformatieblad) consent(s *app.Sheet) error {
	for _, t := range x.Toestemming {
		d := app.Domain(strings.TrimSpace(t.Domein))
		if !d.Valid() {
			s.Toestemming[d] = false // Validate names the unknown domain
			continue
		}
		if _, dup := s.Toestemming[d]; dup {
			return app.Invalid("de toestemming voor domein %q komt twee keer voor", d)
		}
		switch strings.TrimSpace(t.Gegeven) {
		case "ja":
			s.Toestemming[d] = true
		case "nee":
			s.Toestemming[d] = false
		default:
			return app.Invalid("de toestemming voor domein %q moet gegeven=\"ja\" of gegeven=\"nee\" hebben", d)
		}
	}
	return nil
}

// requests fills Hulpvragen: at most one per domain.
func (x *xmlInformatieblad) requests(s *app.Sheet) error {
	for _, h := range x.Hulpvraag {
		d := app.Domain(strings.TrimSpace(h.Domein))
		if _, dup := s.Hulpvragen[d]; dup && d.Valid() {
			return app.Invalid("de hulpvraag voor domein %q komt twee keer voor", d)
		}
		s.Hulpvragen[d] = strings.TrimSpace(h.Value)
	}
	return nil
}
