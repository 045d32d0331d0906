package app

import (
	_ "embed"
	"strings"
	"sync"
)

// GemeentenJaar is the year of the CBS list GemeenteNaam knows: the gemeenten on
// 1 January of that year (gemeenten.tsv says where the list comes from and how to
// refresh it).
const GemeentenJaar = 2026

//go:embed gemeenten.tsv
var gemeentenTSV string

// cbsGemeenten reads gemeenten.tsv once: code (four digits) to name. Lines starting with
// # are comments.
var cbsGemeenten = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for line := range strings.Lines(gemeentenTSV) {
		line = strings.TrimRight(line, "\r\n")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if code, naam, ok := strings.Cut(line, "\t"); ok {
			m[code] = naam
		}
	}
	return m
})

// GemeenteNaam returns the CBS name of a four-digit gemeentecode ("0363": "Amsterdam"),
// and false for a code that is no gemeente on 1 January GemeentenJaar (a typing error,
// or a gemeente that merged since or came after).
func GemeenteNaam(code string) (naam string, ok bool) {
	naam, ok = cbsGemeenten()[strings.TrimSpace(code)]
	return naam, ok
}
