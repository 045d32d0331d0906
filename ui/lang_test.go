package ui

import (
	"encoding/json"
	"flag"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/terugkeer/terugkeer/app"
)

var updateTranslations = flag.Bool("update-translations", false, "add missing keys to translation/nl.json (as themselves) and en.json (empty)")

// fyneKeys are Fyne's own strings (lang/translations/base.en.json of Fyne 2.7.1).
var fyneKeys = []string{"Advanced", "Cancel", "Confirm", "Copy", "Create Folder", "Cut", "Enter filename", "Error",
	"Favourites", "File", "Folder", "New Folder", "No", "OK", "Open", "Paste", "Quit", "Redo", "Save", "Select all",
	"Show Hidden Files", "Undo", "Yes", "file.name", "file.parent",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"monday.short", "tuesday.short", "wednesday.short", "thursday.short", "friday.short", "saturday.short", "sunday.short"}

// sourceKeys finds every text the package translates: literal arguments of T, tf and
// plural, the values of constants passed to them, the column titles, and the labels
// that come from package app.
func sourceKeys(t *testing.T) []string {
	t.Helper()
	fset := token.NewFileSet()
	files, _ := filepath.Glob("*.go")
	consts := map[string]string{}
	var parsed []*ast.File
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		parsed = append(parsed, af)
		for _, d := range af.Decls {
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.CONST {
				for _, sp := range g.Specs {
					vs := sp.(*ast.ValueSpec)
					for i, n := range vs.Names {
						if i < len(vs.Values) {
							if bl, ok := vs.Values[i].(*ast.BasicLit); ok && bl.Kind == token.STRING {
								consts[n.Name], _ = strconv.Unquote(bl.Value)
							}
						}
					}
				}
			}
		}
	}
	set := map[string]bool{}
	str := func(e ast.Expr) {
		switch x := e.(type) {
		case *ast.BasicLit:
			if x.Kind == token.STRING {
				s, _ := strconv.Unquote(x.Value)
				set[s] = true
			}
		case *ast.Ident:
			if s, ok := consts[x.Name]; ok {
				set[s] = true
			}
		}
	}
	for _, af := range parsed {
		ast.Inspect(af, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			id, ok := call.Fun.(*ast.Ident)
			if !ok {
				return true
			}
			switch id.Name {
			case "T", "tf":
				if len(call.Args) > 0 {
					str(call.Args[0])
				}
			case "plural":
				if len(call.Args) == 3 {
					str(call.Args[1])
					str(call.Args[2])
				}
			}
			return true
		})
	}
	for _, c := range columns {
		set[c.title] = true
	}
	for _, c := range auditColumns {
		set[c.title] = true
	}
	for _, name := range []string{SectionOverzicht, SectionPersonen, SectionImporteren, SectionQuarantaine, SectionLogboek, SectionInstelling} {
		set[name] = true
	}
	for _, d := range app.Leefgebieden() {
		set[d.Label()] = true
	}
	for _, k := range []app.Kind{app.MeldingBegin, app.MeldingEinde, app.Informatieblad, app.Intrekking, app.DRPlan, app.Risicomelding} {
		set[k.Label()] = true
	}
	for _, s := range app.FollowupStatuses() {
		set[s.Label()] = true
	}
	for _, k := range app.Kanalen() {
		set[k.Label()] = true
	}
	for _, f := range app.DomainFilters() {
		set[f.Label()] = true
	}
	for _, k := range app.SignalKinds() {
		set[k.Label()] = true
	}
	for _, ti := range app.TermInfos() {
		set[ti.Omschrijving] = true
	}
	for _, c := range []app.ConsentState{app.ConsentJa, app.ConsentNee, app.ConsentIngetrokken, app.ConsentOnbekend} {
		for _, op := range []app.Date{{}, app.MustDate("2019-05-20")} {
			set[app.WordConsent(c, op, app.ConsentSentence).Text] = true // consentText
		}
	}
	for days := -3; days <= 3; days++ {
		set[app.WordDays(days, app.DaysSentence).Text] = true // daysText
	}
	for _, k := range fyneKeys {
		delete(set, k)
	}
	var out []string
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func readJSON(t *testing.T, name string) map[string]any {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("translation", name))
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]any{}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return m
}

func writeJSON(t *testing.T, name string, m map[string]any) {
	t.Helper()
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	b = []byte(strings.NewReplacer(`\u003c`, "<", `\u003e`, ">", `\u0026`, "&").Replace(string(b)))
	if err := os.WriteFile(filepath.Join("translation", name), append(b, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Every translated text is in nl.json and en.json (a missing one would make Fyne log a
// "Translation failure" for Dutch), and nl.json translates Fyne's own strings.
func TestTranslationsComplete(t *testing.T) {
	keys := sourceKeys(t)
	nl, en := readJSON(t, "nl.json"), readJSON(t, "en.json")
	if *updateTranslations {
		for _, k := range keys {
			if _, ok := nl[k]; !ok {
				nl[k] = k
			}
			if _, ok := en[k]; !ok {
				en[k] = ""
			}
		}
		writeJSON(t, "nl.json", nl)
		writeJSON(t, "en.json", en)
	}
	for _, k := range keys {
		if v, ok := nl[k]; !ok || v == "" {
			t.Errorf("nl.json lacks %q", k)
		}
		if v, ok := en[k]; !ok || v == "" {
			t.Errorf("en.json lacks %q", k)
		}
	}
	for _, k := range fyneKeys {
		if v, ok := nl[k]; !ok || v == "" {
			t.Errorf("nl.json lacks Fyne's %q", k)
		}
	}
	for k, v := range en {
		if s, ok := v.(string); ok && strings.Count(s, "{{") != strings.Count(k, "{{") {
			t.Errorf("en.json %q: placeholders differ from the key", k)
		}
	}
}
