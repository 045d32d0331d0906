package app

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Visible returns s as it may be shown on one line of a terminal, a table row, a label
// or a PDF line: every character that would act instead of being seen is written as a
// visible escape. CR, LF and TAB become \r, \n and \t; other C0 controls, DEL and the C1
// controls become \xHH; the bidirectional controls (embeddings, overrides, isolates and
// marks) and the line and paragraph separators become \uHHHH; a byte that is not UTF-8
// becomes \xHH too. Everything else, accented letters included, is kept as it is.
//
// Values are stored exactly as received; Visible is applied only where they are shown.
// JSON output needs no Visible: the encoder escapes control characters itself.
func Visible(s string) string {
	if !needsEscape(s, false) {
		return s
	}
	return escape(s, false)
}

// VisibleText is Visible for free text shown as a paragraph (a note, a toelichting):
// line breaks (LF, CR LF or a lone CR) stay one line break each, everything else is
// escaped as Visible does. Use Visible wherever the text must stay on one line.
func VisibleText(s string) string {
	if !needsEscape(s, true) {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return escape(s, true)
}

func needsEscape(s string, keepNewline bool) bool {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size <= 1) || (hidden(r) && !(keepNewline && r == '\n')) {
			return true
		}
		i += size
	}
	return false
}

func escape(s string, keepNewline bool) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\n' && keepNewline:
			b.WriteByte('\n')
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			fmt.Fprintf(&b, `\x%02x`, r)
		case hidden(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// hidden reports whether r is a control character, a bidirectional control or a
// line or paragraph separator: the characters Visible escapes.
func hidden(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0:
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f: // arabic letter mark, LRM, RLM
		return true
	case r >= 0x202a && r <= 0x202e: // LRE, RLE, PDF, LRO, RLO
		return true
	case r >= 0x2066 && r <= 0x2069: // LRI, RLI, FSI, PDI
		return true
	case r == 0x2028, r == 0x2029: // line and paragraph separator
		return true
	}
	return false
}
