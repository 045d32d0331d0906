// Search folding: what every store needs to make names comparable and sortable the
// same way, so that a search gives the same persons on SQLite and on PostgreSQL.
package app

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Fold makes text comparable regardless of case and diacritics: "Zoë Şahin-Dvořák"
// becomes "zoe sahin-dvorak". Letters that carry no separable accent (ø, ß, ł, ...) are
// spelled out in ASCII. The same function folds stored names and search words.
//
// ASCII text, most names, only needs its case folded: NFD leaves it as it is and the
// letter table holds none of it. That shortcut matters to the import, which folds four
// times per person it writes (SearchText, SortName).
func Fold(s string) string {
	if isASCII(s) {
		return strings.ToLower(s)
	}
	t := accentStrippers.Get().(transform.Transformer)
	out, _, err := transform.String(t, s) // resets t first
	accentStrippers.Put(t)
	if err != nil {
		out = s // only invalid UTF-8 can fail; then compare the input as it is
	}
	return strings.ToLower(letterFolder.Replace(out))
}

// accentStrippers holds the transformers that decompose, drop the accents and compose
// again. A chain allocates some 14 KB of buffers; one made per call was most of what the
// import allocated for its persons (docs/performance.md, session 19). A chain is not safe
// for concurrent use, hence the pool; transform.String resets a used one.
var accentStrippers = sync.Pool{New: func() any {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// letterFolder spells out letters that NFD does not decompose. A Replacer is safe for
// concurrent use; building one per call was most of Fold's cost.
var letterFolder = strings.NewReplacer(
	"ø", "o", "Ø", "o", "æ", "ae", "Æ", "ae", "œ", "oe", "Œ", "oe",
	"ß", "ss", "ł", "l", "Ł", "l", "đ", "d", "Đ", "d", "ı", "i",
)

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
