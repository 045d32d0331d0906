package importers

import (
	"strings"

	"github.com/terugkeer/terugkeer/app"
)

// ruleForV2 returns the rules of the bodies format v2 adds (berichtformaat-v2.md):
// the D&R-plan and the risicomelding. Elements not listed hold only text.
func ruleForV2(name string) elementRule {
	switch name {
	case "dr-plan":
		many := []string{"leefgebied", "onderwerp"}
		return elementRule{attrs: []string{"opgesteld", "grondslag"}, children: many, repeated: many}
	case "leefgebied":
		return elementRule{
			attrs:    []string{"code"},
			children: []string{"situatie", "onderwerp", "doel", "afspraak"},
			repeated: []string{"onderwerp", "doel", "afspraak"},
		}
	case "afspraak":
		return elementRule{attrs: []string{"id", "wie", "status", "datum"}}
	case "risicomelding":
		return elementRule{attrs: []string{"opgesteld", "grondslag"}, children: []string{"toelichting"}}
	}
	return elementRule{}
}

// The xml* types of format v2's bodies; values are trimmed in the conversion.
type xmlDRPlan struct {
	Opgesteld  string          `xml:"opgesteld,attr"`
	Grondslag  string          `xml:"grondslag,attr"`
	Leefgebied []xmlLeefgebied `xml:"leefgebied"`
	Onderwerp  []xmlOnderwerp  `xml:"onderwerp"`
}

type xmlLeefgebied struct {
	Code      string         `xml:"code,attr"`
	Situatie  string         `xml:"situatie"`
	Onderwerp []xmlOnderwerp `xml:"onderwerp"`
	Doel      []string       `xml:"doel"`
	Afspraak  []xmlAfspraak  `xml:"afspraak"`
}

type xmlAfspraak struct {
	ID     string `xml:"id,attr"`
	Wie    string `xml:"wie,attr"`
	Status string `xml:"status,attr"`
	Datum  string `xml:"datum,attr"`
	Tekst  string `xml:",chardata"`
}

// xmlRisicomelding maps only the attributes routing needs: the toelichting is for
// the burgemeester and is never read into a Message.
type xmlRisicomelding struct {
	Opgesteld string `xml:"opgesteld,attr"`
	Grondslag string `xml:"grondslag,attr"`
}

// plan converts a dr-plan. Unknown codes are kept as they are: Message.Validate
// refuses them with its own reasons.
func (x *xmlDRPlan) plan() (*app.Plan, error) {
	opgesteld, err := parseDate("datum opgesteld van het D&R-plan", x.Opgesteld)
	if err != nil {
		return nil, err
	}
	p := &app.Plan{Opgesteld: opgesteld, Grondslag: strings.TrimSpace(x.Grondslag), Algemeen: answers(x.Onderwerp)}
	for _, l := range x.Leefgebied {
		area, err := l.lifeArea()
		if err != nil {
			return nil, err
		}
		p.Leefgebieden = append(p.Leefgebieden, area)
	}
	return p, nil
}

func (x xmlLeefgebied) lifeArea() (app.LifeArea, error) {
	l := app.LifeArea{
		Code:        app.Domain(strings.TrimSpace(x.Code)),
		Situatie:    strings.TrimSpace(x.Situatie),
		Onderwerpen: answers(x.Onderwerp),
	}
	for _, d := range x.Doel {
		l.Doelen = append(l.Doelen, strings.TrimSpace(d))
	}
	for _, a := range x.Afspraak {
		datum, err := parseDate("datum van een afspraak in het D&R-plan", a.Datum)
		if err != nil {
			return app.LifeArea{}, err
		}
		l.Afspraken = append(l.Afspraken, app.Agreement{
			ID:     strings.TrimSpace(a.ID),
			Wie:    strings.TrimSpace(a.Wie),
			Status: strings.TrimSpace(a.Status),
			Datum:  datum,
			Tekst:  strings.TrimSpace(a.Tekst),
		})
	}
	return l, nil
}

func (x *xmlRisicomelding) report() (*app.RiskReport, error) {
	opgesteld, err := parseDate("datum opgesteld van de risicomelding", x.Opgesteld)
	if err != nil {
		return nil, err
	}
	return &app.RiskReport{Opgesteld: opgesteld, Grondslag: strings.TrimSpace(x.Grondslag)}, nil
}
