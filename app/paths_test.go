package app

import (
	"errors"
	"path/filepath"
	"testing"
)

// fakeEnv is an environment lookup over a map.
func fakeEnv(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func windowsPlatform(env map[string]string) Platform {
	return Platform{GOOS: "windows", Getenv: fakeEnv(env),
		HomeDir: func() (string, error) { return env["USERPROFILE"], nil }}
}

var windowsEnv = map[string]string{
	"USERPROFILE":  `C:\Users\medewerker`,
	"APPDATA":      `C:\Users\medewerker\AppData\Roaming`,
	"LOCALAPPDATA": `C:\Users\medewerker\AppData\Local`,
}

// On Windows the default is the local, never roamed part of the profile; the Roaming
// place is named only as the legacy one to move from.
func TestWindowsDefaultIsLocalAppData(t *testing.T) {
	loc, err := LocateDatabase("", windowsPlatform(windowsEnv))
	if err != nil {
		t.Fatal(err)
	}
	if want := `C:\Users\medewerker\AppData\Local\Terugkeer\terugkeer.db`; loc.Path != want {
		t.Errorf("path = %q, want %q", loc.Path, want)
	}
	if want := `C:\Users\medewerker\AppData\Roaming\Terugkeer\terugkeer.db`; loc.Legacy != want {
		t.Errorf("legacy = %q, want %q", loc.Legacy, want)
	}
}

// A path from --db or TERUGKEER_DB is the user's choice: nothing is moved into it.
func TestWindowsExplicitPathHasNoLegacy(t *testing.T) {
	env := map[string]string{EnvDB: `D:\data\t.db`}
	for k, v := range windowsEnv {
		env[k] = v
	}
	p := windowsPlatform(env)
	for _, flag := range []string{`E:\x.db`, ""} {
		loc, err := LocateDatabase(flag, p)
		if err != nil {
			t.Fatal(err)
		}
		if loc.Legacy != "" {
			t.Errorf("flag %q: legacy %q, want none", flag, loc.Legacy)
		}
	}
}

func TestWindowsWithoutLocalAppData(t *testing.T) {
	_, err := LocateDatabase("", windowsPlatform(map[string]string{"APPDATA": `C:\r`}))
	if err == nil {
		t.Fatal("no LOCALAPPDATA: want an error asking for --db")
	}
}

// Linux and macOS keep their places and have nothing to move.
func TestUnixDefaultsUnchanged(t *testing.T) {
	home := func() (string, error) { return "/home/m", nil }
	cases := []struct {
		goos string
		env  map[string]string
		want string
	}{
		{"linux", nil, "/home/m/.local/share/terugkeer/terugkeer.db"},
		{"linux", map[string]string{"XDG_DATA_HOME": "/d"}, "/d/terugkeer/terugkeer.db"},
		{"darwin", nil, "/home/m/Library/Application Support/Terugkeer/terugkeer.db"},
	}
	for _, c := range cases {
		env := map[string]string{"APPDATA": "/roaming"}
		for k, v := range c.env {
			env[k] = v
		}
		loc, err := LocateDatabase("", Platform{GOOS: c.goos, Getenv: fakeEnv(env), HomeDir: home})
		if err != nil {
			t.Fatal(err)
		}
		if loc.Path != filepath.FromSlash(c.want) || loc.Legacy != "" {
			t.Errorf("%s %v: %+v, want path %s and no legacy", c.goos, c.env, loc, c.want)
		}
	}
}

func TestWindowsJoin(t *testing.T) {
	p := Platform{GOOS: "windows"}
	cases := map[string][]string{
		`C:\a\b\c.db`: {`C:\a\`, `b`, `c.db`},
		`C:\a\b`:      {`C:\a`, `\b`},
		`D:\x\y`:      {`D:/x`, `y`},
	}
	for want, elems := range cases {
		if got := p.join(elems...); got != want {
			t.Errorf("join(%q) = %q, want %q", elems, got, want)
		}
	}
}

// The refusal also holds for --db and TERUGKEER_DB.
func TestLocateRefusesUnsafePlaceFromFlagAndEnv(t *testing.T) {
	env := map[string]string{"OneDriveCommercial": `C:\Users\medewerker\OneDrive - Gemeente`}
	for k, v := range windowsEnv {
		env[k] = v
	}
	p := windowsPlatform(env)
	_, err := LocateDatabase(`c:\users\medewerker\onedrive - gemeente\terugkeer.db`, p)
	var ue *UnsafePlaceError
	if !errors.As(err, &ue) || ue.Place.Kind != PlaceSynced || ue.Place.Service != "OneDrive" {
		t.Errorf("--db in OneDrive: %v", err)
	}
	env[EnvDB] = `\\fileserver\teams\nazorg\terugkeer.db`
	if _, err := LocateDatabase("", p); !errors.Is(err, ErrUnsafePlace) {
		t.Errorf("TERUGKEER_DB on a share: %v", err)
	}
}
