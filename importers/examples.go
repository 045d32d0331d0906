package importers

import (
	"embed"
	"io/fs"
	"sort"
)

//go:embed voorbeelden
var voorbeelden embed.FS

// Example is one example message of the spec, by file name.
type Example struct {
	Name string // e.g. "01-melding-begin.xml"
	Data []byte
}

// Examples returns the spec's example files (voorbeelden/), sorted by name. The
// desktop app offers to import them into an empty database; 05 is a mail without
// a message and 06 is refused (invalid BSN), as the spec intends.
func Examples() []Example {
	entries, err := fs.ReadDir(voorbeelden, "voorbeelden")
	if err != nil {
		panic("importers: embedded examples missing: " + err.Error()) // cannot happen: embedded at build time
	}
	var out []Example
	for _, e := range entries {
		data, err := fs.ReadFile(voorbeelden, "voorbeelden/"+e.Name())
		if err != nil {
			panic("importers: embedded example unreadable: " + err.Error())
		}
		out = append(out, Example{Name: e.Name(), Data: data})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
