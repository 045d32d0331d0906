package main

import (
	"fmt"
	"io"

	"github.com/terugkeer/terugkeer/app"
)

// planJSON is the top-level "plan" of show --json (berichtformaat-v2.md, "The command
// line"); the field names are a contract.
type planJSON struct {
	Kenmerk      string                  `json:"kenmerk"`
	Opgesteld    string                  `json:"opgesteld"`
	Grondslag    string                  `json:"grondslag"`
	Leefgebieden map[string]lifeAreaJSON `json:"leefgebieden"` // only those the plan holds
	Algemeen     []answerJSON            `json:"algemeen"`
}

type lifeAreaJSON struct {
	Situatie    string          `json:"situatie"`
	Onderwerpen []answerJSON    `json:"onderwerpen"`
	Doelen      []string        `json:"doelen"`
	Afspraken   []agreementJSON `json:"afspraken"`
}

type agreementJSON struct {
	ID     string `json:"id"`
	Wie    string `json:"wie"`
	Status string `json:"status"`
	Datum  string `json:"datum"` // "" when absent
	Tekst  string `json:"tekst"`
}

func toPlanJSON(sp *app.StoredPlan) *planJSON {
	if sp == nil {
		return nil
	}
	out := &planJSON{Kenmerk: sp.Kenmerk, Opgesteld: sp.Opgesteld.String(), Grondslag: sp.Plan.Grondslag,
		Leefgebieden: map[string]lifeAreaJSON{}, Algemeen: toAnswers(sp.Plan.Algemeen)}
	for _, l := range sp.Plan.Leefgebieden {
		lj := lifeAreaJSON{Situatie: l.Situatie, Onderwerpen: toAnswers(l.Onderwerpen),
			Doelen: append([]string{}, l.Doelen...), Afspraken: []agreementJSON{}}
		for _, a := range l.Afspraken {
			lj.Afspraken = append(lj.Afspraken, agreementJSON{ID: a.ID, Wie: a.Wie, Status: a.Status,
				Datum: a.Datum.String(), Tekst: a.Tekst})
		}
		out.Leefgebieden[string(l.Code)] = lj
	}
	return out
}

// grondslagLabels says in Dutch on which bases a domain's data is held, with dates.
func grondslagLabels(df app.DomainFile) []string {
	var out []string
	for _, g := range df.Grondslag {
		switch g {
		case app.GrondslagToestemming:
			out = append(out, "toestemming, informatieblad van "+df.Opgesteld.Dutch())
		case app.GrondslagPlan:
			out = append(out, "art. 18a Pbw, D&R-plan")
		default:
			out = append(out, g)
		}
	}
	return out
}

// printPlan prints the current D&R-plan per leefgebied, apart from the informatieblad data.
func printPlan(w io.Writer, sp *app.StoredPlan) {
	if sp == nil {
		return
	}
	fmt.Fprintf(w, "\nRe-integratieplan (art. 18a Pbw, D&R-plan van %s, kenmerk %s)\n", sp.Opgesteld.Dutch(), app.Visible(sp.Kenmerk))
	for _, l := range sp.Plan.Leefgebieden {
		fmt.Fprintf(w, "  %s\n", l.Code.Label())
		if l.Situatie != "" {
			fmt.Fprintf(w, "    Situatie: %s\n", app.Visible(l.Situatie))
		}
		for _, a := range l.Onderwerpen {
			fmt.Fprint(w, "  ")
			printAnswer(w, a)
		}
		for _, d := range l.Doelen {
			fmt.Fprintf(w, "    Doel: %s\n", app.Visible(d))
		}
		for _, a := range l.Afspraken {
			datum := ""
			if !a.Datum.IsZero() {
				datum = ", " + a.Datum.Dutch()
			}
			fmt.Fprintf(w, "    Afspraak %s (%s, %s%s): %s\n", app.Visible(a.ID), a.Wie, a.Status, datum, app.Visible(a.Tekst))
		}
	}
	for _, a := range sp.Plan.Algemeen {
		printAnswer(w, a)
	}
}
