package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Built-in help: F1 or the Help button explains the screen shown, in a few sentences,
// without a network or a browser.

// helpTexts are the explanations per screen ("Persoon" is a person's file).
var helpTexts = map[string][]string{
	SectionOverzicht: {
		"Het Overzicht laat zien wat vandaag aandacht vraagt: wie binnenkort vrijkomt en welke domeinen nog niet geregeld zijn, acties die over de datum zijn, afspraken uit het D&R-plan die de gemeente moet uitvoeren, personen die gecontroleerd moeten worden en berichten in quarantaine.",
		"Klik op een naam om het dossier te openen. 'Alles gezien' markeert de nieuwe berichten als bekeken.",
	},
	SectionPersonen: {
		"Personen zijn alle mensen over wie de DJI de gemeente heeft bericht. Zoek op naam, BSN of SKN (hoofdletters en accenten maken niet uit) en filter op vrijlating, traject of de stand van een domein.",
		"'Alleen controle nodig' toont de personen bij wie hetzelfde BSN met een ander geboortedatum binnenkwam: controleer of het om dezelfde persoon gaat.",
		"Met de pijltjestoetsen kiest u een rij, Enter opent het dossier. Ctrl+F brengt u in het zoekveld.",
	},
	SectionActies: {
		"Mijn acties toont elke geplande actie op datum: achterstallig, deze week (tot en met zondag) en later. Acties van domeinen die geregeld of niet nodig zijn, staan er niet bij.",
		"'Mijn acties' toont de acties waarbij u de verantwoordelijke bent: op deze computer met uw naam onder Instellingen, op de database van het team met de naam waaronder u bent aangemeld. 'Hele team' toont die van iedereen. Klik op een actie om het dossier te openen.",
	},
	"Persoon": {
		"Het dossier toont per domein wat de gemeente weet en op welke grondslag: meldingen (art. 51c Wjsg), het informatieblad (toestemming, met de datum) en het D&R-plan (art. 18a Pbw). Gegevens waarvoor de toestemming is ingetrokken, zijn vernietigd.",
		"Leg per domein contacten, de status en de volgende actie vast; met 'Wijzigen', 'Corrigeren' en 'Verwijderen' verbetert u wat er is vastgelegd. Een afgesloten traject kunt u heropenen. Ctrl+P maakt een PDF voor het nazorgoverleg; die bevat het BSN alleen gemaskeerd. Esc gaat terug.",
		"Kwam er een bericht met het BSN van deze persoon maar een andere geboortedatum, dan staat het onder 'Wacht op controle' naast de gegevens van het dossier en is het nog niet toegepast. 'Zelfde persoon' past het toe; 'Andere persoon' geeft het een eigen dossier onder zijn SKN (het BSN blijft hier), of zet het in de quarantaine als het geen eigen SKN heeft.",
	},
	SectionImporteren: {
		"Importeer berichten van de DJI: kies bestanden of een map (.xml, .eml, .msg), sleep ze op het venster, of haal het postvak op. Een mail uit Outlook slaat u eerst op als bestand.",
		"Elk bericht krijgt een resultaat: geïmporteerd, dubbel (al bekend), in quarantaine (niet te lezen of niet voor deze gemeente) of zonder bericht. Niets gaat verloren: wat niet gelezen kan worden, staat in Quarantaine.",
	},
	SectionQuarantaine: {
		"In Quarantaine staan berichten die niet konden worden verwerkt, met de reden en de oorspronkelijke inhoud. Herstel de oorzaak en kies 'Opnieuw importeren', of verwijder het bericht.",
		"Een risicomelding (art. 18b Pbw) is voor de burgemeester: stuur die door en verwijder haar hier. Berichten in quarantaine worden na de bewaartermijn vernietigd.",
	},
	SectionLogboek: {
		"Het Logboek legt elke verwerking vast: wie wanneer een dossier inzag, wijzigde, afdrukte of vernietigde, en met welke grondslag. Filter op periode, actie of persoon.",
		"'Keten controleren' toont of er regels zijn gewijzigd of verwijderd. Meld een verbroken keten bij de functionaris gegevensbescherming.",
	},
	SectionInstelling: {
		"Onder Instellingen staan de gemeentecodes waarvoor u werkt, uw naam voor het logboek en de PDF's, de taal, de bewaartermijnen en het postvak.",
		"Een kortere bewaartermijn vernietigt gegevens bij de volgende controle; Terugkeer zegt vooraf hoeveel en vraagt om bevestiging.",
	},
}

// ShowHelp explains the screen shown.
func (s *Shell) ShowHelp() {
	name := s.Current()
	texts, ok := helpTexts[name]
	if !ok {
		texts = helpTexts[SectionOverzicht]
		name = SectionOverzicht
	}
	box := container.NewVBox()
	for _, t := range texts {
		box.Add(wrapLabel(T(t)))
	}
	box.Add(widget.NewLabelWithStyle(T("Sneltoetsen: F1 help, Ctrl+F zoeken, Ctrl+I importeren, Ctrl+P PDF, Esc terug."), fyne.TextAlignLeading, fyne.TextStyle{Italic: true}))
	title := T("Dossier")
	if name != "Persoon" {
		title = T(name)
	}
	d := showNotice(s.win, tf("Help: {{.S}}", "S", title), box)
	d.Resize(fyne.NewSize(560, 0))
	s.HelpShown = name
}
