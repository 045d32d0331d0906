package demo

import "github.com/terugkeer/terugkeer/app"

// Texts for generated D&R-plans, per leefgebied. All fictitious.

var situaties = map[app.Domain][]string{
	app.Identiteitsbewijs: {"Paspoort verlopen tijdens detentie.", "ID-kaart kwijt bij insluiting.",
		"Heeft een geldige ID-kaart, in bewaring bij de PI."},
	app.Onderdak: {"Huurwoning opgezegd tijdens detentie; kan tijdelijk bij zijn zus wonen.",
		"Woning behouden, huur loopt door via bewindvoerder.", "Dakloos voor detentie, geen vast adres.",
		"Woonde in bij ouders; terugkeer daar is niet mogelijk."},
	app.WerkEnInkomen: {"Bijstand stopgezet bij insluiting.", "Had een vaste baan in de bouw; werkgever wacht niet.",
		"Volgt tijdens detentie een opleiding heftruckchauffeur.", "Geen inkomen na vrijlating in zicht."},
	app.Schulden: {"Schulden bij zorgverzekeraar en energieleverancier.", "Bewindvoering loopt door tijdens detentie.",
		"Omvang van de schulden is nog niet bekend.", "Boete van het CJIB openstaand."},
	app.Zorg: {"Zorgverzekering geschorst wegens premie-achterstand.", "Behandeling bij de ggz loopt via de PI-psycholoog.",
		"Medicatie via de PI-arts; na vrijlating via de eigen huisarts.", "Verslavingszorg gewenst na vrijlating."},
	app.ZorgVoorThuis: {"Twee minderjarige kinderen wonen bij de moeder.", "Zorgt voor zijn moeder (mantelzorg).",
		"Hond ondergebracht bij een vriend."},
	app.SociaalNetwerk: {"Goed contact met zijn zus; vader overleden in 2023.", "Weinig steun uit de familie.",
		"Oude vriendenkring uit het criminele circuit; wil daar afstand van.", "Vriendin bezoekt hem wekelijks."},
}

var doelen = map[app.Domain][]string{
	app.Identiteitsbewijs: {"Op de dag van vrijlating een geldig identiteitsbewijs."},
	app.Onderdak:          {"Binnen drie maanden na vrijlating eigen woonruimte.", "Bij vrijlating een slaapplek voor minstens zes weken."},
	app.WerkEnInkomen:     {"Inkomen vanaf de dag van vrijlating.", "Binnen een half jaar betaald werk."},
	app.Schulden:          {"Schulden in beeld en een stabiele situatie binnen drie maanden.", "Aanmelding bij de schuldhulpverlening."},
	app.Zorg:              {"Zorgverzekering actief op de dag van vrijlating.", "Behandeling loopt zonder onderbreking door."},
	app.ZorgVoorThuis:     {"Omgang met de kinderen geregeld."},
	app.SociaalNetwerk:    {"Een steunend netwerk buiten het oude circuit."},
}

type afspraakTekst struct{ wie, tekst string }

var afspraakTeksten = map[app.Domain][]afspraakTekst{
	app.Identiteitsbewijs: {{app.WieDJI, "ID-kaart aanvragen via de PI."}, {app.WieGemeente, "Afspraak bij de balie Burgerzaken inplannen."},
		{app.WieGedetineerde, "Pasfoto laten maken in de PI."}},
	app.Onderdak: {{app.WieGemeente, "Aanmelden bij de woningcorporatie voor urgentie."}, {app.WieGemeente, "Intake bij de maatschappelijke opvang regelen."},
		{app.WieDJI, "Inschrijving Woningnet tijdens detentie."}, {app.WieReclassering, "Plaatsing in beschermd wonen bespreken."},
		{app.WieGedetineerde, "Met zijn zus bespreken hoe lang hij kan blijven."}},
	app.WerkEnInkomen: {{app.WieGemeente, "Bijstandsaanvraag klaarzetten voor de dag van vrijlating."}, {app.WieGemeente, "Intake bij de werkcoach inplannen."},
		{app.WieDJI, "Certificaat van de opleiding meegeven."}, {app.WieKetenpartner, "Werkervaringsplaats bij het leerwerkbedrijf."}},
	app.Schulden: {{app.WieGemeente, "Aanmelden bij de schuldhulpverlening."}, {app.WieGedetineerde, "Overzicht van de schuldeisers maken."},
		{app.WieKetenpartner, "Bewindvoerder informeert over de stand van zaken."}, {app.WieGemeente, "Betalingsregeling CJIB bespreken."}},
	app.Zorg: {{app.WieDJI, "Zorgverzekering herstellen vanuit de PI."}, {app.WieKetenpartner, "Intake bij de ggz-instelling na vrijlating."},
		{app.WieGemeente, "Indicatie aanvragen bij het wijkteam."}, {app.WieReclassering, "Doorverwijzing naar verslavingszorg."}},
	app.ZorgVoorThuis: {{app.WieGemeente, "Contact met het jeugdteam over de omgang."}, {app.WieGedetineerde, "Brief aan de moeder van de kinderen."}},
	app.SociaalNetwerk: {{app.WieReclassering, "Netwerkberaad met de familie."}, {app.WieGedetineerde, "Contact opnemen met het maatjesproject."},
		{app.WieKetenpartner, "Koppeling aan een vrijwilliger van het maatjesproject."}},
}

// afspraakPrefix starts an agreement id per leefgebied, as the spec's examples do (ond-1).
var afspraakPrefix = map[app.Domain]string{
	app.Identiteitsbewijs: "id", app.Onderdak: "ond", app.WerkEnInkomen: "wi", app.Schulden: "sch",
	app.Zorg: "zo", app.ZorgVoorThuis: "zvt", app.SociaalNetwerk: "sn",
}

// leefgebiedKans is how often a plan holds each leefgebied.
var leefgebiedKans = map[app.Domain]float64{
	app.Identiteitsbewijs: 0.45, app.Onderdak: 0.8, app.WerkEnInkomen: 0.8, app.Schulden: 0.55,
	app.Zorg: 0.5, app.ZorgVoorThuis: 0.25, app.SociaalNetwerk: 0.6,
}
