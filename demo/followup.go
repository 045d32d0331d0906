package demo

import (
	"time"

	"github.com/terugkeer/terugkeer/app"
)

// Opvolging is the follow-up a team recorded for a person after the messages: per
// consented domain a status, and a few contacts. It is applied through the Service
// (SetFollowup, AddContact) with the person's id from the import result.
type Opvolging struct {
	Domeinen  map[app.Domain]app.FollowupEdit
	Contacten []app.ContactMoment
}

var collega = []string{"Sanne de Wit", "Mehmet Kaya", "Lotte Brink", "Ömer Doğan", "Zoë Visser", "Kees Postma"}

var acties = []string{"Afspraak schuldhulp inplannen", "ID-kaart aanvragen", "Bellen met woningcorporatie",
	"Intake bij werkcoach", "Zorgverzekering herstellen", "Terugbellen casemanager"}

var notities = []string{"Telefonisch gesproken, afspraak gemaakt.", "Niet bereikt, voicemail ingesproken.",
	"Bezoek in de PI, intake gedaan.", "Casemanager DJI gemaild over vrijlatingsdatum.",
	"Overleg met wijkteam over onderdak.", "Brief gestuurd met uitnodiging."}

// followup plans follow-up for about half of the persons whose last informatieblad
// left consent for a domain or who have a D&R-plan (then on its leefgebieden: follow-up
// rests on the plan, v2 rule 3).
func (g *gen) followup() {
	var ja []app.Domain
	for _, d := range app.Domains() {
		if g.consent[d] {
			ja = append(ja, d)
		}
	}
	if g.plan != nil {
		ja = ja[:0]
		for _, l := range g.plan.Leefgebieden {
			ja = append(ja, l.Code)
		}
	}
	if len(ja) == 0 || len(g.out) == 0 || !g.chance(0.5) {
		return
	}
	o := &Opvolging{Domeinen: map[app.Domain]app.FollowupEdit{}}
	statuses := []app.FollowupStatus{app.FollowupOpen, app.FollowupInBehandeling, app.FollowupGeregeld,
		app.FollowupNietNodig, app.FollowupNietBereikbaar}
	for _, d := range ja {
		if !g.chance(0.6) {
			continue
		}
		wie := g.pick(collega)
		e := app.FollowupEdit{Status: statuses[g.r.IntN(len(statuses))], Verantwoordelijke: &wie}
		if g.chance(0.5) {
			e.Actie = &app.NextAction{Tekst: g.pick(acties), Datum: g.o.Nu.AddDays(g.r.IntN(41) - 10)}
		}
		o.Domeinen[d] = e
	}
	kanalen := app.Kanalen()
	for n := g.r.IntN(4); n > 0; n-- {
		d := app.DomainAlgemeen
		if g.chance(0.7) {
			d = ja[g.r.IntN(len(ja))]
		}
		day := g.o.Nu.AddDays(-g.r.IntN(120)).Time()
		o.Contacten = append(o.Contacten, app.ContactMoment{
			Domain: d, Kanaal: kanalen[g.r.IntN(len(kanalen))], Met: g.pick([]string{"betrokkene", "casemanager DJI", "wijkteam"}),
			Notitie: g.pick(notities), Tijd: time.Date(day.Year(), day.Month(), day.Day(), 10, g.r.IntN(60), 0, 0, zone),
		})
	}
	g.out[len(g.out)-1].Opvolging = o
}
