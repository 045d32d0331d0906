package main

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/terugkeer/terugkeer/internal/apptest"
)

// signalsOf is the signalen of dashboard --json as printed (the rest holds import times).
func signalsOf(t *testing.T, out string) string {
	t.Helper()
	var d struct {
		Signalen json.RawMessage `json:"signalen"`
	}
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	return string(d.Signalen) + "\n"
}

var updateGolden = flag.Bool("update-golden", false, "rewrite testdata/dashboard-*.json from the current output")

// TestDashboardJSONGolden keeps dashboard --json, its Dutch tekst included, byte for byte
// what it was when the signals' wording moved out of app (issue 18): the goldens were
// written by the code that built Signal.Tekst in app.
func TestDashboardJSONGolden(t *testing.T) {
	examplesDB := newCLIOn(t, apptest.SQLite)
	examplesDB.ok("init", "--gemeente", "0193")
	examplesDB.ok("import", examples)
	v2DB := newCLIOn(t, apptest.SQLite)
	v2DB.ok("init", "--gemeente", "0193")
	v2DB.ok("import", examplesV2)
	demoDB := newCLIOn(t, apptest.SQLite)
	demoDB.ok("demo", "--personen", "300", "--seed", "3", "--nu", "2026-03-01")
	cases := []struct {
		name string
		c    *cli
		args []string
	}{
		{"voorbeelden-2019-08-05", examplesDB, []string{"--nu", "2019-08-05", "--dagen", "30"}},
		{"voorbeelden-2019-08-20", examplesDB, []string{"--nu", "2019-08-20", "--dagen", "14"}},
		{"voorbeelden-v2-2024-05-20", v2DB, []string{"--nu", "2024-05-20", "--dagen", "30"}},
		{"voorbeelden-v2-2024-06-05", v2DB, []string{"--nu", "2024-06-05", "--dagen", "30"}},
		{"voorbeelden-v2-2024-06-10", v2DB, []string{"--nu", "2024-06-10", "--dagen", "14"}},
		{"demo-2026-03-01", demoDB, []string{"--nu", "2026-03-01", "--dagen", "30"}},
	}
	for _, tc := range cases {
		got := signalsOf(t, tc.c.ok(append([]string{"dashboard", "--json"}, tc.args...)...))
		file := filepath.Join("testdata", "dashboard-"+tc.name+".json")
		if *updateGolden {
			if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if got != string(want) {
			t.Errorf("%s: signalen of dashboard --json differ from %s:\n%s", tc.name, file, got)
		}
	}
}
