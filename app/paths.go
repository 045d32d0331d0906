package app

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
)

// EnvDB names the environment variable that overrides the database path.
const EnvDB = "TERUGKEER_DB"

// DatabasePath decides where the database lives: the --db flag, else TERUGKEER_DB, else
// the OS user data directory (~/.local/share/terugkeer on Linux, %AppData%\Terugkeer on
// Windows, ~/Library/Application Support/Terugkeer on macOS).
func DatabasePath(flag string, getenv func(string) string) (string, error) {
	if flag != "" {
		return flag, nil
	}
	if v := getenv(EnvDB); v != "" {
		return v, nil
	}
	dir, err := dataDir(getenv)
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "terugkeer.db"), nil
}

func dataDir(getenv func(string) string) (string, error) {
	switch runtime.GOOS {
	case "windows":
		if d := getenv("APPDATA"); d != "" {
			return filepath.Join(d, "Terugkeer"), nil
		}
	case "darwin":
		if h, err := os.UserHomeDir(); err == nil {
			return filepath.Join(h, "Library", "Application Support", "Terugkeer"), nil
		}
	default:
		if d := getenv("XDG_DATA_HOME"); d != "" {
			return filepath.Join(d, "terugkeer"), nil
		}
		if h, err := os.UserHomeDir(); err == nil {
			return filepath.Join(h, ".local", "share", "terugkeer"), nil
		}
	}
	return "", errors.New("de map voor gebruikersgegevens is niet te bepalen: geef --db of TERUGKEER_DB op")
}
