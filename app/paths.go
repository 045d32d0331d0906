package app

import (
	"errors"
	"path/filepath"
	"strings"
)

// EnvDB names the environment variable that overrides the database path.
const EnvDB = "TERUGKEER_DB"

// dbFileName is the database's file name in the default folder.
const dbFileName = "terugkeer.db"

// DatabaseLocation is where the database is opened and, on Windows, where older versions
// kept it: the Roaming profile, which Windows copies to the gemeente's file server at
// every log-off.
type DatabaseLocation struct {
	Path string
	// Legacy is the old default (%AppData%\Terugkeer\terugkeer.db) when Path is the
	// default on Windows, "" otherwise: a database found there while none exists at
	// Path is moved to Path (storage.AdoptLegacy).
	Legacy string
	// Default is true when Path is in the default folder (no --db, no TERUGKEER_DB): that
	// folder is Terugkeer's own, and storage narrows it to the user alone.
	Default bool
}

// LocateDatabase decides where the database lives (the --db flag, else TERUGKEER_DB,
// else the default folder) and refuses a network location or a synced folder
// (*UnsafePlaceError), wherever the path came from.
func LocateDatabase(flag string, p Platform) (DatabaseLocation, error) {
	path, isDefault, err := databasePath(flag, p)
	if err != nil {
		return DatabaseLocation{}, err
	}
	if err := CheckDatabasePlace(path, p); err != nil {
		return DatabaseLocation{}, err
	}
	loc := DatabaseLocation{Path: path, Default: isDefault}
	if isDefault {
		loc.Legacy = legacyDatabasePath(p)
	}
	return loc, nil
}

func databasePath(flag string, p Platform) (path string, isDefault bool, err error) {
	if flag != "" {
		return flag, false, nil
	}
	if v := p.getenv(EnvDB); v != "" {
		return v, false, nil
	}
	dir, err := defaultDataDir(p)
	if err != nil {
		return "", false, err
	}
	return p.join(dir, dbFileName), true, nil
}

// defaultDataDir is the per-user folder for the database:
//   - Windows: %LocalAppData%\Terugkeer. The local part of the profile is never roamed,
//     so the case files stay on the laptop (issue 20); %AppData% (Roaming) is copied
//     to the file server at every log-off, out of reach of purge and retention.
//   - macOS: ~/Library/Application Support/Terugkeer.
//   - Linux and others: $XDG_DATA_HOME/terugkeer, else ~/.local/share/terugkeer.
func defaultDataDir(p Platform) (string, error) {
	switch p.GOOS {
	case "windows":
		if d := p.getenv("LOCALAPPDATA"); d != "" {
			return p.join(d, "Terugkeer"), nil
		}
	case "darwin":
		if h, err := p.homeDir(); err == nil {
			return p.join(h, "Library", "Application Support", "Terugkeer"), nil
		}
	default:
		if d := p.getenv("XDG_DATA_HOME"); d != "" {
			return p.join(d, "terugkeer"), nil
		}
		if h, err := p.homeDir(); err == nil {
			return p.join(h, ".local", "share", "terugkeer"), nil
		}
	}
	return "", errors.New("de map voor gebruikersgegevens is niet te bepalen: geef --db of TERUGKEER_DB op")
}

// legacyDatabasePath is where Windows versions before issue 20 kept the database:
// %AppData%\Terugkeer\terugkeer.db; "" on other systems, which keep their places.
func legacyDatabasePath(p Platform) string {
	if p.GOOS != "windows" {
		return ""
	}
	d := p.getenv("APPDATA")
	if d == "" {
		return ""
	}
	return p.join(d, "Terugkeer", dbFileName)
}

// join joins path elements with the separator of p's system, so that a test on Linux
// can build the paths Windows would.
func (p Platform) join(elem ...string) string {
	if p.GOOS != "windows" {
		return filepath.Join(elem...)
	}
	var b strings.Builder
	for i, e := range elem {
		e = strings.ReplaceAll(e, "/", `\`)
		if i > 0 {
			e = strings.TrimLeft(e, `\`)
			if s := b.String(); s != "" && !strings.HasSuffix(s, `\`) {
				b.WriteByte('\\')
			}
		}
		b.WriteString(e)
	}
	return b.String()
}
