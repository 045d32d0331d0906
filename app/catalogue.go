package app

import "slices"

// Topic is one of the 20 questions of the informatieblad.
type Topic struct {
	Code     string
	Domain   Domain // "" for the general contact.* topics
	Question string
	Answers  []string // allowed answers; nil means free text (answer may be empty)
}

// General reports whether the topic belongs to no domain (contact.*).
func (t Topic) General() bool { return t.Domain == "" }

// Allows reports whether a is an allowed answer.
func (t Topic) Allows(a string) bool {
	if t.Answers == nil {
		return true
	}
	for _, x := range t.Answers {
		if a == x {
			return true
		}
	}
	return false
}

// answerLabels are the answer codes of the spec that do not read as plain Dutch.
var answerLabels = map[string]string{
	"tot-5000":        "tot € 5.000",
	"5000-20000":      "€ 5.000 tot € 20.000",
	"boven-20000":     "boven € 20.000",
	"via-casemanager": "via de casemanager",
}

// AnswerLabel is an answer code as screens and PDFs show it ("tot-5000" reads "tot
// € 5.000"); the stored answer and JSON output keep the code.
func AnswerLabel(code string) string {
	if l, ok := answerLabels[code]; ok {
		return l
	}
	return code
}

var jaNeeOnbekend = []string{"ja", "nee", "onbekend"}

// Topics returns the 20-topic catalogue of the spec, in its order.
func Topics() []Topic {
	return []Topic{
		{"identiteitsbewijs.geldig", Identiteitsbewijs, "Geldig identiteitsbewijs aanwezig?", jaNeeOnbekend},
		{"identiteitsbewijs.aanvraag", Identiteitsbewijs, "Aanvraag tijdens detentie in gang gezet?", []string{"ja", "nee", "n.v.t."}},
		{"onderdak.voor-detentie", Onderdak, "Woonsituatie voor detentie", []string{"huur", "koop", "inwonend", "instelling", "dakloos", "onbekend"}},
		{"onderdak.behoud", Onderdak, "Blijft de woning behouden tijdens detentie?", []string{"ja", "nee", "onbekend", "n.v.t."}},
		{"onderdak.na-detentie", Onderdak, "Onderdak na detentie geregeld?", jaNeeOnbekend},
		{"werk-en-inkomen.voor-detentie", WerkEnInkomen, "Inkomen voor detentie", []string{"werk", "uitkering", "geen", "onbekend"}},
		{"werk-en-inkomen.uitkering-stopgezet", WerkEnInkomen, "Uitkering stopgezet of opgeschort?", []string{"ja", "nee", "n.v.t."}},
		{"werk-en-inkomen.na-detentie", WerkEnInkomen, "Werk of inkomen na detentie geregeld?", jaNeeOnbekend},
		{"werk-en-inkomen.dagbesteding", WerkEnInkomen, "Dagbesteding na detentie", []string{"werk", "opleiding", "vrijwilligerswerk", "geen", "onbekend"}},
		{"schulden.aanwezig", Schulden, "Schulden aanwezig?", jaNeeOnbekend},
		{"schulden.omvang", Schulden, "Geschatte omvang", []string{"tot-5000", "5000-20000", "boven-20000", "onbekend"}},
		{"schulden.hulpverlening", Schulden, "Bekend bij schuldhulpverlening of bewindvoering?", jaNeeOnbekend},
		{"zorg.verzekering", Zorg, "Zorgverzekering", []string{"actief", "geschorst", "geen", "onbekend"}},
		{"zorg.behandeling", Zorg, "Behandeling of begeleiding (ggz, verslaving, lvb)", jaNeeOnbekend},
		{"zorg.medicatie", Zorg, "Medicatie die na detentie door moet lopen?", jaNeeOnbekend},
		{"zorg.indicatie", Zorg, "Indicatie of zorgtoewijzing na detentie", []string{"ja", "nee", "aangevraagd", "onbekend"}},
		{"zorg-voor-thuis.kinderen", ZorgVoorThuis, "Zorg voor minderjarige kinderen", []string{"ja", "nee"}},
		{"zorg-voor-thuis.overig", ZorgVoorThuis, "Andere zorgtaken thuis (mantelzorg, huisdieren)", []string{"ja", "nee"}},
		{"contact.bereikbaarheid", "", "Bereikbaarheid na detentie (telefoon, adres)", nil},
		{"contact.voorkeur", "", "Voorkeur voor contact", []string{"direct", "via-casemanager"}},
	}
}

// TopicByCode looks a topic up by its code. The topic's Answers are a copy, as those of
// Topics are.
func TopicByCode(code string) (Topic, bool) {
	for _, t := range catalogue {
		if t.Code == code {
			t.Answers = slices.Clone(t.Answers)
			return t, true
		}
	}
	return Topic{}, false
}

// catalogue is Topics, made once for TopicByCode: the import looks up every answer it
// reads, and a catalogue made per lookup was some 7% of what it allocated
// (docs/performance.md, session 19).
var catalogue = Topics()
