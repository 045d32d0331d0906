package app

import (
	"strings"
	"testing"
)

// The embedded CBS list has the 342 gemeenten of 1 January 2026, each code and each name
// once, every code four digits (issue 18, defect 1: the welcome shows the name).
func TestGemeentenListIsComplete(t *testing.T) {
	codes, names := map[string]bool{}, map[string]bool{}
	for line := range strings.Lines(gemeentenTSV) {
		line = strings.TrimRight(line, "\n")
		if strings.HasPrefix(line, "#") {
			continue
		}
		code, naam, ok := strings.Cut(line, "\t")
		if !ok || !gemeenteCodeRe.MatchString(code) || naam == "" || strings.TrimSpace(naam) != naam {
			t.Errorf("line %q is not code<TAB>name", line)
		}
		if codes[code] || names[naam] {
			t.Errorf("%s %s appears twice", code, naam)
		}
		codes[code], names[naam] = true, true
	}
	if len(codes) != 342 || len(cbsGemeenten()) != 342 {
		t.Errorf("%d codes in the file, %d known; want the 342 gemeenten of 1 January %d", len(codes), len(cbsGemeenten()), GemeentenJaar)
	}
}

func TestGemeenteNaam(t *testing.T) {
	for code, want := range map[string]string{
		"0363": "Amsterdam", "0599": "Rotterdam", "0518": "'s-Gravenhage", "0344": "Utrecht",
		"0193": "Zwolle", "0014": "Groningen", "1900": "Súdwest-Fryslân", "0373": "Bergen (NH.)",
		"0893": "Bergen (L.)", "1992": "Voorne aan Zee", "1991": "Maashorst", "1982": "Land van Cuijk",
		"1980": "Dijk en Waard", "1978": "Molenlanden", "1966": "Het Hogeland", " 0363 ": "Amsterdam",
	} {
		if got, ok := GemeenteNaam(code); !ok || got != want {
			t.Errorf("GemeenteNaam(%q) = %q, %v; want %q", code, got, ok, want)
		}
	}
	// Not gemeenten on 1 January 2026: never one, merged into Voorne aan Zee (2023), into
	// Amsterdam (Weesp, 2022), into Dijk en Waard (Heerhugowaard, 2022); not four digits.
	for _, code := range []string{"0999", "0000", "0501", "0457", "0398", "363", "GM0363", ""} {
		if naam, ok := GemeenteNaam(code); ok {
			t.Errorf("GemeenteNaam(%q) = %q, want unknown", code, naam)
		}
	}
}
