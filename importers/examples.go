package importers

import (
	"embed"
	"io/fs"
	"sort"
)

//go:embed voorbeelden voorbeelden-v2
var voorbeelden embed.FS

// Example is one example message of the spec, by file name.
type Example struct {
	Name string // e.g. "01-melding-begin.xml"
	Dir  string // the spec's folder: "voorbeelden" (format v1) or "voorbeelden-v2"
	Data []byte
}

// Path is the example's folder and name, e.g. "voorbeelden-v2/02-dr-plan.eml": a
// source (bron) that tells the examples of the two versions apart.
func (e Example) Path() string { return e.Dir + "/" + e.Name }

// Examples returns the spec's example files of format v1 (voorbeelden/), sorted by
// name. 05 is a mail without a message and 06 is refused (invalid BSN), as the spec
// intends.
func Examples() []Example { return examplesIn("voorbeelden") }

// ExamplesV2 returns the example files of format v2 (voorbeelden-v2/), sorted by name.
// Imported after Examples, 06 (a risicomelding) and 07 (an informatieblad in version
// 2) go to quarantine, as the spec intends.
func ExamplesV2() []Example { return examplesIn("voorbeelden-v2") }

// AllExamples returns Examples and then ExamplesV2: the order in which the spec
// imports them, and what the desktop app and the CLI load.
func AllExamples() []Example { return append(Examples(), ExamplesV2()...) }

func examplesIn(dir string) []Example {
	entries, err := fs.ReadDir(voorbeelden, dir)
	if err != nil {
		panic("importers: embedded examples missing: " + err.Error()) // cannot happen: embedded at build time
	}
	var out []Example
	for _, e := range entries {
		data, err := fs.ReadFile(voorbeelden, dir+"/"+e.Name())
		if err != nil {
			panic("importers: embedded example unreadable: " + err.Error())
		}
		out = append(out, Example{Name: e.Name(), Dir: dir, Data: data})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
