package main

import (
	"strings"
	"testing"
)

// init names the gemeente of each code, after the code, so a script that looks for
// "ingericht voor gemeente 0193" still finds it; a code the CBS list does not know is
// saved with a remark, not refused (issue 18, defect 1).
func TestInitNamesTheGemeenten(t *testing.T) {
	c := newCLI(t)
	if out := c.ok("init", "--gemeente", "0363"); !strings.HasPrefix(out, "Database ingericht voor gemeente 0363 (Amsterdam).\n") {
		t.Errorf("init --gemeente 0363 printed %q", out)
	}
	out := c.ok("init", "--gemeente", "0193,0999")
	if want := "Database ingericht voor gemeente 0193 (Zwolle), 0999 (geen gemeente in de CBS-lijst van 1 januari 2026).\n"; !strings.HasPrefix(out, want) {
		t.Errorf("init --gemeente 0193,0999 printed %q, want %q", out, want)
	}
}
