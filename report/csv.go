package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/terugkeer/terugkeer/app"
)

// csvDomainTitles are the domain headers of a CSV list, written out.
var csvDomainTitles = map[app.Domain]string{
	app.Identiteitsbewijs: "Identiteitsbewijs",
	app.Onderdak:          "Onderdak",
	app.WerkEnInkomen:     "Werk en inkomen",
	app.Schulden:          "Schulden",
	app.Zorg:              "Zorg",
	app.ZorgVoorThuis:     "Zorg voor thuis",
}

// WriteListCSV writes a list (the release list or the Personen list as shown) as CSV,
// one person a line, in the list's order, the BSN as the list holds it (masked unless
// asked otherwise).
//
// The file is made for Excel as a Dutch gemeente has it: UTF-8 with a byte-order mark
// (without it Excel reads the names as Windows-1252 and breaks Öztürk and Şahin), and
// fields separated by ';', the list separator of Dutch Windows (the comma is its decimal
// sign), so that a double click opens it in columns. A cell that starts with = + - @
// (or a tab or carriage return) gets a ' before it: Excel would otherwise run it as a
// formula (CSV injection), and a name or inrichting comes from a message.
func WriteListCSV(w io.Writer, l *app.ReleaseList) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return fmt.Errorf("CSV schrijven: %w", err)
	}
	c := csv.NewWriter(w)
	c.Comma = ';'
	c.UseCRLF = true // Windows line ends, as Excel writes them
	head := []string{"Naam", "BSN", "Geboortedatum", "Inrichting", "Einddatum", "Status", "Vrijlating", "Controle nodig"}
	for _, d := range app.Domains() {
		head = append(head, csvDomainTitles[d])
	}
	if err := c.Write(head); err != nil {
		return fmt.Errorf("CSV schrijven: %w", err)
	}
	for _, r := range l.Rijen {
		if err := c.Write(safeCells(csvRow(r))); err != nil {
			return fmt.Errorf("CSV schrijven: %w", err)
		}
	}
	c.Flush()
	if err := c.Error(); err != nil {
		return fmt.Errorf("CSV schrijven: %w", err)
	}
	return nil
}

// csvRow is the cells of one person.
func csvRow(r app.ReleaseRow) []string {
	days, controle := "", "nee"
	if !r.Vrijlating.IsZero() {
		days = app.DaysText(r.Dagen)
	}
	if r.ControleNodig {
		controle = "ja"
	}
	cells := []string{r.Naam, r.BSN, r.Geboortedatum.Dutch(), r.Inrichting, r.Vrijlating.Dutch(),
		r.VrijlatingStaat, days, controle}
	for _, s := range r.Domeinen {
		cells = append(cells, csvDomain(s))
	}
	return cells
}

// csvDomain is a domain's status written out: the follow-up where it is allowed, else
// the consent.
func csvDomain(s app.DomainStatus) string {
	if s.Opvolging != "" {
		return s.Opvolging.Label()
	}
	return app.WordConsent(s.Toestemming, app.Date{}, app.ConsentCell).String()
}

// safeCells puts a ' before every cell that a spreadsheet would take for a formula.
func safeCells(cells []string) []string {
	for i, s := range cells {
		if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
			cells[i] = "'" + s
		}
	}
	return cells
}

// WriteListFile writes the list to path, as CSV or as the release-list PDF, whole or not
// at all and readable by its owner only (WriteFile).
func WriteListFile(path string, l *app.ReleaseList, asCSV bool) error {
	if asCSV {
		return WriteFile(path, func(w io.Writer) error { return WriteListCSV(w, l) })
	}
	return WriteFile(path, func(w io.Writer) error { return WriteReleases(w, l) })
}
