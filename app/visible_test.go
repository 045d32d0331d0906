package app

import "testing"

func TestVisible(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Öztürk, Şahin, Łukasz, Dvořák, Nguyễn", "Öztürk, Şahin, Łukasz, Dvořák, Nguyễn"},
		{"Berg\r\n999990019  2091-01-01", `Berg\r\n999990019  2091-01-01`},
		{"a\tb", `a\tb`},
		{"\x1b]0;titel\x07\x1b[31mrood", `\x1b]0;titel\x07\x1b[31mrood`},
		{"c1\u0085\u009bx", `c1\x85\x9bx`},
		{"\u202egnp.exe", `\u202egnp.exe`},
		{"a\u2066b\u2069c\u200fd\u061c", `a\u2066b\u2069c\u200fd\u061c`},
		{"regel\u2028twee", `regel\u2028twee`},
		{"nul\x00del\x7f", `nul\x00del\x7f`},
		{"bad\xffutf8", `bad\xffutf8`},
		{`al \n ge-escaped`, `al \n ge-escaped`},
		{"", ""},
	}
	for _, c := range cases {
		if got := Visible(c.in); got != c.want {
			t.Errorf("Visible(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestVisibleText(t *testing.T) {
	cases := []struct{ in, want string }{
		{"eerste regel\ntweede", "eerste regel\ntweede"},
		{"windows\r\nregel\rmac", "windows\nregel\nmac"},
		{"tab\there\x1b[2J", `tab\there\x1b[2J`},
		{"\u202eomgekeerd\n\u0085", "\\u202eomgekeerd\n\\x85"},
	}
	for _, c := range cases {
		if got := VisibleText(c.in); got != c.want {
			t.Errorf("VisibleText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
