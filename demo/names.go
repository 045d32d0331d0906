package demo

// Name lists for synthetic persons. They mix common Dutch names with names that carry
// the diacritics the spec requires screens and PDFs to render (Latin-1, Latin
// Extended-A and Latin Extended Additional). All persons are fictitious.

var voornamen = []string{
	"Jan Willem", "Mohamed", "Zoë", "Łukasz", "Ayşe", "Mehmet", "Fatima", "Piet", "Noël",
	"Chloé", "Björn", "José", "Anaïs", "Thanh Hương", "Kevin", "Sanne", "Daan", "Ömer",
	"Jiří", "Małgorzata", "Rachid", "Priya", "Sem", "Liam", "Emma", "Tomáš", "Dragoș",
	"Ingrid", "Ruud", "Yusuf", "Şükrü", "Gülşen", "Dênis", "João", "Søren", "Agnieszka",
	"Bram", "Lotte", "Youssef", "Nadia", "Stefan", "Marloes", "Ahmed", "Dirk", "Hüseyin",
	"René", "Wojciech", "Đorđe", "Ilse", "Kofi", "Mariëlle", "Gerrit", "Ébène", "Niels",
	"Tim", "Ravi", "Esmée", "Kees", "Sven", "Büşra",
}

var achternamen = []string{
	"Öztürk", "Şahin", "Dvořák", "Nguyễn", "Berg", "Jansen", "Vries", "Bakker", "Yılmaz",
	"Kowalski", "Wiśniewski", "El Amrani", "Janssen", "Visser", "Smit", "Meijer", "Mulder",
	"Bos", "Vos", "Peters", "Hendriks", "Çelik", "Kaya", "Demir", "Novák", "Trần", "Lê",
	"Müller", "Søndergaard", "Brink", "Dijk", "Boer", "Haan", "Lange", "Graaf", "Wit",
	"Bulut", "Aydın", "Koç", "Lewandowski", "Dąbrowski", "Horváth", "Phạm", "Huỳnh",
	"Doğan", "Bouzid", "Ouali", "Verbeek", "Kuijpers", "Groot", "Hoekstra", "Postma",
	"Scholten", "Blom", "Prins", "Sánchez", "Fernández", "Nowak", "Ćosić", "Popescu",
	"Rüütel", "Halvorsen", "Ødegaard", "Kartosen", "Sardjoe", "Biharie", "Martina",
	"Cijntje", "Rosaria", "Statia",
}

// voorvoegsels pairs with achternamen for Dutch surnames (van der Berg, de Vries).
var voorvoegsels = []string{"van", "de", "van der", "van den", "ter", "in 't", "van de", "den"}

// ZeldzameNaam is the achternaam of a handful of generated persons (about one in
// 50,000): the "rare name" of the search benchmark.
const ZeldzameNaam = "Þórðardóttir"

var inrichtingen = []struct{ code, naam string }{
	{"PI-ZWL", "PI Zwolle"}, {"PI-VUG", "PI Vught"}, {"PI-HRL", "PI Haaglanden"},
	{"PI-ALM", "PI Almelo"}, {"PI-ARN", "PI Arnhem"}, {"PI-LWD", "PI Leeuwarden"},
	{"PI-ROT", "PI Rotterdam"}, {"PI-AMS", "PI Amsterdam"}, {"PI-HRN", "PI Heerhugowaard"},
	{"PI-VEE", "PI Veenhuizen"}, {"PI-SGR", "PI Sittard"}, {"PI-ZAA", "PI Zaanstad"},
}

var casemanagers = []string{
	"M. de Vries", "A. Öztürk", "P. Janssen", "S. Şahin", "L. Bakker", "K. Nguyễn",
	"R. van Dijk", "J. Kowalski", "E. Meijer", "T. Dvořák", "N. El Amrani", "B. Smit",
}

var toelichtingen = []string{
	"Huurwoning opgezegd tijdens detentie.", "Paspoort verlopen.", "Wil graag hulp bij aanvraag.",
	"Woont na detentie bij zus.", "Schuldhulp loopt via gemeente.", "Medicatie via PI-arts.",
	"Heeft een vaste baan in de bouw gehad.", "Uitkering opgeschort per begin detentie.",
	"Contact met zoon (8) is belangrijk.", "Zorgverzekering geschorst, premie-achterstand.",
	"Bewindvoerder is bekend.", "Zoekt dagbesteding in de groenvoorziening.",
}

var hulpvragen = []string{
	"Zoekt tijdelijke opvang.", "Wil graag een afspraak met schuldhulp.",
	"Hulp bij het aanvragen van een ID-kaart.", "Begeleiding naar werk gewenst.",
	"Aanmelding bij de ggz na vrijlating.", "Hulp bij het regelen van omgang met de kinderen.",
	"Wil een uitkering aanvragen vanaf de dag van vrijlating.",
}
