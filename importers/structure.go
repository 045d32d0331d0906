package importers

import (
	"encoding/xml"
	"errors"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/terugkeer/terugkeer/app"
)

// Namespace is the XML namespace of format v1; the root element must use it.
const Namespace = "urn:terugkeer:bericht:1"

// elementRule says what one element of the format may hold.
type elementRule struct {
	attrs    []string // allowed attributes (without namespace)
	children []string // allowed child elements; none for a text element
	repeated []string // children that may occur more than once
}

// ruleFor returns the rule of an element, by local name; formats v1 and v2 share
// them. A document may hold the body of any soort of either version, so that
// Message.Validate can say that a soort does not exist in the document's version
// instead of "unknown element". Elements not listed hold only text and have no
// attributes.
func ruleFor(name string) elementRule {
	switch name {
	case "bericht":
		return elementRule{
			attrs: []string{"versie", "soort", "kenmerk", "verzonden"},
			children: []string{"afzender", "gemeente", "betrokkene",
				"detentie", "informatieblad", "intrekking", "dr-plan", "risicomelding"},
		}
	case "afzender":
		return elementRule{children: []string{"inrichting", "casemanager"}}
	case "casemanager":
		return elementRule{children: []string{"naam", "telefoon", "email"}}
	case "betrokkene":
		return elementRule{children: []string{"bsn", "skn", "voornamen", "voorvoegsel", "achternaam", "geboortedatum"}}
	case "detentie":
		return elementRule{children: []string{"begindatum", "einddatum"}}
	case "informatieblad":
		many := []string{"toestemming", "onderwerp", "hulpvraag"}
		return elementRule{attrs: []string{"opgesteld"}, children: many, repeated: many}
	case "onderwerp":
		return elementRule{attrs: []string{"code"}, children: []string{"antwoord", "toelichting"}}
	case "intrekking":
		return elementRule{attrs: []string{"ondertekend"}, children: []string{"domein"}, repeated: []string{"domein"}}
	case "inrichting", "gemeente":
		return elementRule{attrs: []string{"code"}}
	case "einddatum":
		return elementRule{attrs: []string{"status"}}
	case "toestemming":
		return elementRule{attrs: []string{"domein", "gegeven"}}
	case "hulpvraag":
		return elementRule{attrs: []string{"domein"}}
	}
	return ruleForV2(name)
}

// openElement is an element whose end tag has not been read yet.
type openElement struct {
	name string
	rule elementRule
	seen map[string]bool
}

// structureChecker walks the tokens of a document and refuses anything the format
// does not define: a DTD, an unknown namespace or root, unknown or doubled
// elements and unknown attributes. It gives clearer reasons than decoding alone
// would. The root element's namespace picks the format among known.
type structureChecker struct {
	known    []format
	format   format // the root's format, once rootSeen
	open     []openElement
	rootSeen bool
}

// checkStructure reads the whole document once and reports the first violation,
// or else the format whose namespace the root element has.
func checkStructure(raw []byte, known []format) (format, error) {
	d := newXMLDecoder(raw)
	c := structureChecker{known: known}
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return format{}, xmlError(err)
		}
		if err := c.token(tok); err != nil {
			return format{}, err
		}
	}
	if !c.rootSeen {
		return format{}, app.Invalid("het bericht bevat geen XML-element")
	}
	return c.format, nil
}

func (c *structureChecker) token(tok xml.Token) error {
	switch t := tok.(type) {
	case xml.Directive:
		return app.Invalid("het bericht bevat een DOCTYPE- of andere declaratie; DTD's en entiteiten zijn niet toegestaan")
	case xml.StartElement:
		return c.start(t)
	case xml.EndElement:
		c.open = c.open[:len(c.open)-1]
	}
	return nil
}

func (c *structureChecker) start(t xml.StartElement) error {
	if err := c.checkElement(t.Name); err != nil {
		return err
	}
	rule := ruleFor(t.Name.Local)
	if err := checkAttrs(t, rule); err != nil {
		return err
	}
	c.rootSeen = true
	c.open = append(c.open, openElement{name: t.Name.Local, rule: rule, seen: map[string]bool{}})
	return nil
}

// checkElement checks an element's name against its parent (or the root rules).
func (c *structureChecker) checkElement(n xml.Name) error {
	if len(c.open) == 0 {
		return c.checkRoot(n)
	}
	parent := c.open[len(c.open)-1]
	switch {
	case n.Space != c.format.namespace:
		return app.Invalid("het element%s in <%s> hoort niet bij de naamruimte %s", knownName(n.Local), parent.name, c.format.namespace)
	case !slices.Contains(parent.rule.children, n.Local):
		return app.Invalid("onbekend element%s in <%s>", knownName(n.Local), parent.name)
	case parent.seen[n.Local] && !slices.Contains(parent.rule.repeated, n.Local):
		return app.Invalid("het element <%s> komt meer dan één keer voor in <%s>", n.Local, parent.name)
	}
	parent.seen[n.Local] = true
	return nil
}

// checkRoot checks the root element and takes the format its namespace names.
func (c *structureChecker) checkRoot(n xml.Name) error {
	f, known := formatByNamespace(c.known, n.Space)
	switch {
	case c.rootSeen:
		return app.Invalid("het bericht heeft meer dan één hoofdelement")
	case n.Local != "bericht":
		return app.Invalid("het hoofdelement is%s in plaats van <bericht>", orUnknown(knownName(n.Local)))
	case n.Space == "":
		return app.Invalid("het element <bericht> heeft geen naamruimte; verwacht is %s", namespaces(c.known))
	case !known:
		return app.Invalid("het element <bericht> heeft een onbekende naamruimte; verwacht is %s", namespaces(c.known))
	}
	c.format = f
	return nil
}

// checkAttrs refuses unknown and doubled attributes. Namespace declarations and
// xml:* attributes (xml:lang, xml:space) are allowed everywhere.
func checkAttrs(t xml.StartElement, rule elementRule) error {
	seen := map[string]bool{}
	for _, a := range t.Attr {
		if isNamespaceAttr(a.Name) {
			continue
		}
		if a.Name.Space != "" || !slices.Contains(rule.attrs, a.Name.Local) {
			return app.Invalid("onbekend attribuut%s bij <%s>", knownName(a.Name.Local), t.Name.Local)
		}
		if seen[a.Name.Local] {
			return app.Invalid("het attribuut %s komt twee keer voor bij <%s>", a.Name.Local, t.Name.Local)
		}
		seen[a.Name.Local] = true
	}
	return nil
}

func isNamespaceAttr(n xml.Name) bool {
	const xmlSpace = "http://www.w3.org/XML/1998/namespace"
	return n.Space == "xmlns" || n.Space == xmlSpace || (n.Space == "" && n.Local == "xmlns")
}

// xmlError turns a decoder error into a reason without document content: the
// Go messages can quote names and text, so only the line number is kept.
func xmlError(err error) error {
	var cs *unknownCharsetError
	if errors.As(err, &cs) {
		return app.Invalid("het bericht gebruikt een onbekende tekenset (encoding in de XML-declaratie of charset van het e-maildeel)")
	}
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		if strings.Contains(se.Msg, "unexpected EOF") {
			return app.Invalid("het bericht is geen geldige XML: het houdt onverwacht op (regel %d)", se.Line)
		}
		return app.Invalid("het bericht is geen geldige XML (regel %d)", se.Line)
	}
	return app.Invalid("het bericht is geen geldige XML")
}

// knownName returns " <name>" for a reason when name is an element or attribute name
// that the message format defines, and "" otherwise: a name of the input's own is never
// echoed, since it could be personal data.
func knownName(name string) string {
	if formatNames()[name] {
		return " <" + name + ">"
	}
	return ""
}

// orUnknown is s, or " een onbekend element" when s is empty.
func orUnknown(s string) string {
	if s == "" {
		return " een onbekend element"
	}
	return s
}

// formatNames is the set of every element and attribute name of the format.
var formatNames = sync.OnceValue(func() map[string]bool {
	names := map[string]bool{"bericht": true}
	var walk func(string)
	walk = func(el string) {
		r := ruleFor(el)
		for _, a := range r.attrs {
			names[a] = true
		}
		for _, c := range r.children {
			if !names[c] {
				names[c] = true
				walk(c)
			}
		}
	}
	walk("bericht")
	return names
})
