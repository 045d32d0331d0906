package main

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
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
		got = quarantineDayOut(t, got, tc.args[1])
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

// quarantineDay is a quarantaine signal's date and day count: the day the test imported
// the message (the real clock, in UTC as the quarantine records it).
var quarantineDay = regexp.MustCompile(`"soort": "quarantaine",((?:\n[^\n]*){5})\n(\s*)"datum": "([0-9-]+)",\n(\s*)"dagen": (-?[0-9]+),`)

// quarantineDayOut checks every quarantaine signal's datum (today) and dagen (from nu to
// today), and puts placeholders in their place, so that the goldens hold on any day.
func quarantineDayOut(t *testing.T, got, nu string) string {
	t.Helper()
	today := app.DateOf(time.Now().UTC())
	wantDagen := app.MustDate(nu).DaysUntil(today)
	n := 0
	out := quarantineDay.ReplaceAllStringFunc(got, func(m string) string {
		n++
		sub := quarantineDay.FindStringSubmatch(m)
		if sub[3] != today.String() || sub[5] != strconv.Itoa(wantDagen) {
			t.Errorf("quarantaine signal: datum %s, dagen %s; want %s and %d (imported today)", sub[3], sub[5], today, wantDagen)
		}
		return `"soort": "quarantaine",` + sub[1] + "\n" + sub[2] + `"datum": "VANDAAG",` + "\n" + sub[4] + `"dagen": "VANAF-NU",`
	})
	if all := strings.Count(got, `"soort": "quarantaine"`); n != all {
		t.Errorf("%d of %d quarantaine signals have the expected layout", n, all)
	}
	return out
}
