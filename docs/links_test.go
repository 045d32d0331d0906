// Package docs holds the project's documentation; its test checks the links between the
// pages.
package docs

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// pages are the Markdown files whose links are checked, relative to this folder: the
// README and every page here.
func pages(t *testing.T) []string {
	ps, err := filepath.Glob("*.md")
	if err != nil || len(ps) < 5 {
		t.Fatalf("pages of docs: %v %v", ps, err)
	}
	return append(ps, "../README.md")
}

var (
	fence   = regexp.MustCompile("(?ms)^```.*?^```")
	heading = regexp.MustCompile(`(?m)^#{1,6}[ \t]+(.+?)[ \t]*$`)
	link    = regexp.MustCompile(`\]\(([^)\s]+)\)`)
)

// TestLinksBetweenPagesResolve: every relative link of the pages names a file that exists,
// and every #anchor a heading of its page, as GitHub makes anchors of headings. A heading
// with an en dash ("20:32–21:06") has no dash in its anchor ("20322106"); links written
// with one went nowhere.
func TestLinksBetweenPagesResolve(t *testing.T) {
	anchors := map[string]map[string]bool{}
	texts := map[string]string{}
	ps := pages(t)
	for _, p := range ps {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts[p] = fence.ReplaceAllString(string(b), "") // links and headings outside code blocks
		anchors[absolute(t, p)] = headingAnchors(texts[p])
	}
	checked := 0
	for _, p := range ps {
		for _, m := range link.FindAllStringSubmatch(texts[p], -1) {
			target := m[1]
			if strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
				continue
			}
			file, frag, _ := strings.Cut(target, "#")
			dest := p
			if file != "" {
				dest = filepath.Join(filepath.Dir(p), file)
				if _, err := os.Stat(dest); err != nil {
					t.Errorf("%s: link %q: no such file", p, target)
					continue
				}
			}
			checked++
			if frag == "" || !strings.HasSuffix(dest, ".md") {
				continue
			}
			known, ok := anchors[absolute(t, dest)]
			if !ok {
				t.Errorf("%s: link %q: %s is not among the pages checked", p, target, dest)
			} else if !known[frag] {
				t.Errorf("%s: link %q: no heading with that anchor in %s", p, target, dest)
			}
		}
	}
	if checked < 50 {
		t.Fatalf("only %d links checked: the pattern no longer finds the pages' links", checked)
	}
}

// absolute is path p made absolute: the same page reached from the README
// ("docs/privacy.md") and from a page here ("privacy.md") is one key.
func absolute(t *testing.T, p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// headingAnchors are the anchors GitHub gives the headings of a page: lower case, the
// characters other than letters, digits, marks, spaces, hyphens and underscores left
// out, spaces made hyphens, and a repeated anchor numbered -1, -2, …. text holds no code
// blocks.
func headingAnchors(text string) map[string]bool {
	out := map[string]bool{}
	seen := map[string]int{}
	for _, m := range heading.FindAllStringSubmatch(text, -1) {
		a := slug(m[1])
		if n, ok := seen[a]; ok {
			seen[a] = n + 1
			a += "-" + strconv.Itoa(n+1)
		} else {
			seen[a] = 0
		}
		out[a] = true
	}
	return out
}

func slug(h string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(h) {
		switch {
		case r == ' ':
			b.WriteRune('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}
