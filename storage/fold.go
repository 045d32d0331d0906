package storage

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// fold makes text comparable regardless of case and diacritics: "Zoë Şahin-Dvořák"
// becomes "zoe sahin-dvorak". Letters that carry no separable accent (ø, ß, ł, ...) are
// spelled out in ASCII. The same function folds stored names and search words.
func fold(s string) string {
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

// searchText is the folded search column of a person: names, BSN and SKN.
func searchText(voornamen, voorvoegsel, achternaam, bsn, skn string) string {
	parts := []string{voornamen, voorvoegsel, achternaam, bsn, skn}
	return strings.Join(strings.Fields(fold(strings.Join(parts, " "))), " ")
}

// sortName is the folded sort key: achternaam first, as Dutch lists sort ("van der
// Berg" under B), then voornamen and voorvoegsel.
func sortName(voornamen, voorvoegsel, achternaam string) string {
	return fold(achternaam) + "\x1f" + fold(voornamen) + "\x1f" + fold(voorvoegsel)
}

// likePattern is a LIKE pattern matching word anywhere, with % and _ taken literally
// (ESCAPE '\').
func likePattern(word string) string {
	word = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(word)
	return "%" + word + "%"
}
