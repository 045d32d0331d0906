package app_test

import (
	"context"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/importers"
	"github.com/terugkeer/terugkeer/internal/apptest"
)

// Every reason the importer gives, for every input we have (the examples, every test
// file of importers/, the whole fuzz corpus with its hostile cases), imported into a
// real database: no word of a reason is the input's own text, unless the
// program itself writes that word (a field name, a spec code, the Dutch of a reason).
func TestReasonsEchoNoInput(t *testing.T) {
	vocab := programWords(t, ".", "../importers")
	svc := apptest.Open(t, apptest.WithClock(time.Date(2024, 6, 5, 10, 0, 0, 0, time.UTC))).Svc
	ctx := context.Background()
	inputs := corpus(t)
	if len(inputs) < 100 {
		t.Fatalf("only %d inputs", len(inputs))
	}
	reasons := 0
	for name, raw := range inputs {
		rs, err := svc.ImportBytes(ctx, "bron.xml", "", raw)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		own := inputWords(raw)
		for _, r := range rs {
			if r.Reden == "" {
				continue
			}
			reasons++
			for _, w := range wordRe.FindAllString(r.Reden, -1) {
				lw := strings.ToLower(w)
				if distinctive(lw) && own[lw] && !vocab[lw] {
					t.Errorf("%s: reason %q echoes the input's %q", name, r.Reden, w)
				}
			}
		}
	}
	if reasons < 80 {
		t.Errorf("only %d reasons checked", reasons)
	}
}

var wordRe = regexp.MustCompile(`[\p{L}\p{N}]+`)

// distinctive is a word long enough to identify text: not a short number (a line
// number, a 4-digit gemeente code or year).
func distinctive(w string) bool {
	if _, err := strconv.Atoi(w); err == nil {
		return len(w) > 4
	}
	return len([]rune(w)) >= 4
}

// inputWords is every word of an input, and of each document an e-mail carries (its
// parts are often base64: their words are not in the raw bytes).
func inputWords(raw []byte) map[string]bool {
	words := map[string]bool{}
	add := func(b []byte) {
		for _, w := range wordRe.FindAllString(strings.ToLower(string(b)), -1) {
			words[w] = true
		}
	}
	add(raw)
	items, _ := importers.Decoder{}.Extract("x", raw)
	for _, it := range items {
		add(it.Raw)
	}
	return words
}

// programWords is every word in a string literal of the non-test Go files in dirs.
func programWords(t *testing.T, dirs ...string) map[string]bool {
	words := map[string]bool{}
	fset := token.NewFileSet()
	for _, dir := range dirs {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			file, err := parser.ParseFile(fset, f, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(file, func(n ast.Node) bool {
				if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
					s, _ := strconv.Unquote(lit.Value)
					for _, w := range wordRe.FindAllString(strings.ToLower(s), -1) {
						words[w] = true
					}
				}
				return true
			})
		}
	}
	return words
}

// corpus is every input the importer tests have, by name.
func corpus(t *testing.T) map[string][]byte {
	in := map[string][]byte{}
	for _, e := range importers.Examples() {
		in[e.Path()] = e.Data
	}
	for _, e := range importers.ExamplesV2() {
		in[e.Path()] = e.Data
	}
	files, err := filepath.Glob("../importers/testdata*/*")
	if err != nil {
		t.Fatal(err)
	}
	more, err := filepath.Glob("../importers/testdata*/*/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range append(files, more...) {
		if info, err := os.Stat(p); err != nil || info.IsDir() {
			continue
		}
		in[p] = readFile(t, p)
	}
	targets, err := filepath.Glob("../importers/testdata/fuzz/*/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range targets {
		in[p] = fuzzInput(t, p)
	}
	return in
}

func readFile(t *testing.T, p string) []byte {
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// fuzzInput reads a corpus file of one []byte value ("go test fuzz v1").
func fuzzInput(t *testing.T, path string) []byte {
	lines := strings.SplitN(string(readFile(t, path)), "\n", 2)
	if len(lines) != 2 || lines[0] != "go test fuzz v1" {
		t.Fatalf("%s: not a fuzz corpus file", path)
	}
	lit := strings.TrimSpace(lines[1])
	if !strings.HasPrefix(lit, "[]byte(") || !strings.HasSuffix(lit, ")") {
		t.Fatalf("%s: not one []byte value", path)
	}
	s, err := strconv.Unquote(lit[len("[]byte(") : len(lit)-1])
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return []byte(s)
}
