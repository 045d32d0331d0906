package main

import (
	"testing"

	"github.com/terugkeer/terugkeer/app"
)

// The Dutch lines of every kind and case, as app used to build them (issue 18 moved them here).
func TestSignalText(t *testing.T) {
	d := app.MustDate
	cases := []struct {
		s    app.Signal
		want string
	}{
		{app.Signal{Soort: app.SignaalNietGeregeld, Domeinen: []app.Domain{app.WerkEnInkomen}, Dagen: 0},
			"Werk en inkomen niet geregeld, vrij vandaag"},
		{app.Signal{Soort: app.SignaalNietGeregeld, Domeinen: []app.Domain{app.Onderdak, app.Schulden}, Dagen: 1},
			"Onderdak en schulden niet geregeld, vrij over 1 dag"},
		{app.Signal{Soort: app.SignaalNietGeregeld, Dagen: 2,
			Domeinen: []app.Domain{app.Onderdak, app.WerkEnInkomen, app.Schulden, app.Zorg}},
			"Onderdak, werk en inkomen, schulden en zorg niet geregeld, vrij over 2 dagen"},
		{app.Signal{Soort: app.SignaalActieVerlopen, Domain: app.Onderdak, Datum: d("2019-07-26"), Dagen: -10},
			"Actie voor onderdak is 10 dagen over de datum (26-07-2019)"},
		{app.Signal{Soort: app.SignaalActieVerlopen, Domain: app.Zorg, Datum: d("2019-08-04"), Dagen: -1},
			"Actie voor zorg is 1 dag over de datum (04-08-2019)"},
		{app.Signal{Soort: app.SignaalAfspraakGemeente, Domain: app.WerkEnInkomen, Datum: d("2024-06-01"), Dagen: -4},
			"Afspraak voor de gemeente (werk en inkomen) is 4 dagen over de datum (01-06-2024)"},
		{app.Signal{Soort: app.SignaalAfspraakGemeente, Domain: app.WerkEnInkomen, Datum: d("2024-06-10"), Dagen: 5},
			"Afspraak voor de gemeente (werk en inkomen) staat op 10-06-2024, over 5 dagen"},
		{app.Signal{Soort: app.SignaalAfspraakGemeente, Domain: app.WerkEnInkomen, Datum: d("2024-06-05")},
			"Afspraak voor de gemeente (werk en inkomen) staat op vandaag (05-06-2024)"},
		{app.Signal{Soort: app.SignaalAfspraakGemeente, Domain: app.WerkEnInkomen, Dagen: 7},
			"Afspraak voor de gemeente (werk en inkomen) zonder datum, vrij over 7 dagen"},
		{app.Signal{Soort: app.SignaalGeenContact, Dagen: 4}, "Nog geen contact, vrij over 4 dagen"},
		{app.Signal{Soort: app.SignaalControleNodig},
			"Controle nodig: een bericht met dit BSN had een andere geboortedatum, of een intrekking noemde ook een onbekend domein"},
		{app.Signal{Soort: app.SignaalQuarantaine, Reden: "het BSN voldoet niet aan de elfproef"},
			"Bericht in quarantaine: het BSN voldoet niet aan de elfproef"},
		{app.Signal{Soort: app.SignaalEinddatumVerstreken, Datum: d("2019-08-01"), Dagen: -4},
			"Verwachte einddatum 01-08-2019 is 4 dagen voorbij zonder melding einde detentie"},
	}
	for _, c := range cases {
		if got := signalText(c.s); got != c.want {
			t.Errorf("%s: %q, want %q", c.s.Soort, got, c.want)
		}
	}
}
