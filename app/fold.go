// Search folding: what every store needs to make names comparable and sortable the
// same way, so that a search gives the same persons on SQLite and on PostgreSQL.
package app

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Fold makes text comparable regardless of case and diacritics: "Zoë Şahin-Dvořák"
// becomes "zoe sahin-dvorak". Letters that carry no separable accent (ø, ß, ł, ...) are
// spelled out in ASCII. The same function folds stored names and search words.
func Fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s // only invalid UTF-8 can fail; then compare the input as it is
	}
	return strings.ToLower(letterFolder().Replace(out))
}

// letterFolder spells out letters that NFD does not decompose.
func letterFolder() *strings.Replacer {
	return strings.NewReplacer(
		"ø", "o", "Ø", "o", "æ", "ae", "Æ", "ae", "œ", "oe", "Œ", "oe",
		"ß", "ss", "ł", "l", "Ł", "l", "đ", "d", "Đ", "d", "ı", "i",
	)
}

// SearchText is the folded search column of a person: names, BSN and SKN.
func SearchText(voornamen, voorvoegsel, achternaam, bsn, skn string) string {
	parts := []string{voornamen, voorvoegsel, achternaam, bsn, skn}
	return strings.Join(strings.Fields(Fold(strings.Join(parts, " "))), " ")
}

// SortName is the folded sort key: achternaam first, as Dutch lists sort ("van der
// Berg" under B), then voornamen and voorvoegsel.
func SortName(voornamen, voorvoegsel, achternaam string) string {
	return Fold(achternaam) + "\x1f" + Fold(voornamen) + "\x1f" + Fold(voorvoegsel)
}
