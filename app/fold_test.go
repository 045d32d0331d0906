package app

import "testing"

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Zoë":            "zoe",
		"Şahin":          "sahin",
		"Dvořák":         "dvorak",
		"ÇELİK":          "celik",
		"Søren Øster":    "soren oster",
		"Straße":         "strasse",
		"Łukasz":         "lukasz",
		"van der Berg":   "van der berg",
		"Ñúñez-Ålander ": "nunez-alander ",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}
