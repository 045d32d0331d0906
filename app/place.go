package app

import (
	"encoding/json"
	"errors"
	"path"
	"strings"
)

// PlaceKind says whether a folder keeps its files on this laptop.
type PlaceKind int

const (
	// PlaceLocal is a folder on a disk of this machine that no sync client watches.
	PlaceLocal PlaceKind = iota
	// PlaceNetwork is a file server: a UNC path, a mapped network drive, an NFS, SMB
	// or sshfs mount.
	PlaceNetwork
	// PlaceSynced is a folder that a sync client copies to the cloud: OneDrive,
	// Dropbox, iCloud Drive.
	PlaceSynced
)

// Place is where a path lies; Service names the sync client of a PlaceSynced.
type Place struct {
	Kind    PlaceKind
	Service string // "OneDrive", "Dropbox", "iCloud Drive", "een clouddienst"
}

// Local reports whether files at the place stay on this laptop.
func (pl Place) Local() bool { return pl.Kind == PlaceLocal }

// ErrUnsafePlace is what an UnsafePlaceError is (errors.Is).
var ErrUnsafePlace = errors.New("onveilige plaats voor de database")

// UnsafePlaceError refuses a database path on a network location or in a synced
// folder. Its message says why and what to do instead; it holds no path (a folder name
// may name the user or a client).
type UnsafePlaceError struct{ Place Place }

func (e *UnsafePlaceError) Error() string {
	const instead = "; kies met --db of " + EnvDB + " een map op de eigen schijf van deze laptop die niet wordt gesynchroniseerd"
	if e.Place.Kind == PlaceSynced {
		return "de database staat in een map die " + e.Place.Service + " synchroniseert: dan staat een kopie van de " +
			"dossiers buiten deze laptop, waar verwijderen en bewaartermijnen haar niet bereiken" + instead
	}
	return "de database staat op een netwerklocatie: daar vergrendelt SQLite haar niet betrouwbaar, zodat ze " +
		"beschadigd kan raken, en kopieën op de server blijven buiten het bereik van verwijderen en bewaartermijnen" + instead
}

// Is makes errors.Is(err, ErrUnsafePlace) true.
func (e *UnsafePlaceError) Is(target error) bool { return target == ErrUnsafePlace }

// CheckDatabasePlace refuses a database path on a network location or in a synced
// folder with an *UnsafePlaceError. SQLite's locking and write-ahead log are not safe
// on a network file system, and a copy on a server or in the cloud is out of reach of
// every purge, revocation and retention run.
func CheckDatabasePlace(dbPath string, p Platform) error {
	if pl := p.PlaceOf(dbPath); !pl.Local() {
		return &UnsafePlaceError{Place: pl}
	}
	return nil
}

// PlaceOf tells where path lies: in a synced folder, on a network location, or local.
// A lookup that fails counts as local: the checks refuse only what they recognise.
func (p Platform) PlaceOf(target string) Place {
	target = p.resolve(target)
	for _, f := range p.syncedFolders() {
		if p.within(target, p.resolve(f.dir)) {
			return Place{Kind: PlaceSynced, Service: f.service}
		}
	}
	if p.GOOS == "windows" && isUNC(target) {
		return Place{Kind: PlaceNetwork}
	}
	if p.volume(target) == VolumeNetwork {
		return Place{Kind: PlaceNetwork}
	}
	return Place{Kind: PlaceLocal}
}

// syncedFolder is a folder a sync client watches.
type syncedFolder struct{ dir, service string }

// syncedFolders are the folders of the sync clients that Terugkeer knows on p's system.
func (p Platform) syncedFolders() []syncedFolder {
	var out []syncedFolder
	add := func(dir, service string) {
		if dir != "" {
			out = append(out, syncedFolder{dir, service})
		}
	}
	home, _ := p.homeDir()
	switch p.GOOS {
	case "windows":
		// OneDrive sets these for the personal and the work or school account.
		for _, key := range []string{"OneDrive", "OneDriveCommercial", "OneDriveConsumer"} {
			add(p.getenv(key), "OneDrive")
		}
		for _, base := range []string{p.getenv("APPDATA"), p.getenv("LOCALAPPDATA")} {
			if base != "" {
				for _, d := range p.dropboxFolders(p.join(base, "Dropbox", "info.json")) {
					add(d, "Dropbox")
				}
			}
		}
		if home != "" {
			add(p.join(home, "Dropbox"), "Dropbox")
		}
	case "darwin":
		if home != "" {
			add(p.join(home, "Library", "Mobile Documents"), "iCloud Drive")
			// File Provider: OneDrive, Dropbox and Google Drive on current macOS.
			add(p.join(home, "Library", "CloudStorage"), "een clouddienst")
		}
		fallthrough
	default:
		if home != "" {
			for _, d := range p.dropboxFolders(p.join(home, ".dropbox", "info.json")) {
				add(d, "Dropbox")
			}
			add(p.join(home, "Dropbox"), "Dropbox")
		}
	}
	return out
}

// dropboxFolders reads Dropbox's info.json: the folders of the personal and the
// business account.
func (p Platform) dropboxFolders(infoJSON string) []string {
	b, err := p.readFile(infoJSON)
	if err != nil {
		return nil
	}
	var info map[string]struct {
		Path string `json:"path"`
	}
	if json.Unmarshal(b, &info) != nil {
		return nil
	}
	var out []string
	for _, account := range []string{"personal", "business"} {
		if a, ok := info[account]; ok && a.Path != "" {
			out = append(out, a.Path)
		}
	}
	return out
}

// within reports whether target is dir or lies inside it, by p's rules: Windows and
// macOS compare without case, Windows takes / and \ alike.
func (p Platform) within(target, dir string) bool {
	t, d := p.normalise(target), p.normalise(dir)
	if d == "" || t == "" {
		return false
	}
	sep := "/"
	if p.GOOS == "windows" {
		sep = `\`
	}
	return t == d || strings.HasPrefix(t, strings.TrimSuffix(d, sep)+sep)
}

func (p Platform) normalise(s string) string {
	switch p.GOOS {
	case "windows":
		s = strings.ReplaceAll(s, "/", `\`)
		s = stripLongPrefix(s)
		s = strings.ToLower(s)
		if len(s) > 3 { // keep C:\ as it is
			s = strings.TrimRight(s, `\`)
		}
		return s
	case "darwin":
		return strings.ToLower(path.Clean(s))
	default:
		return path.Clean(s)
	}
}

// stripLongPrefix turns \\?\C:\x into C:\x and \\?\UNC\server\share into
// \\server\share.
func stripLongPrefix(s string) string {
	switch {
	case len(s) >= 8 && strings.EqualFold(s[:8], `\\?\UNC\`):
		return `\\` + s[8:]
	case strings.HasPrefix(s, `\\?\`):
		return s[4:]
	}
	return s
}

// isUNC reports whether a Windows path names a file server (\\server\share, also
// written //server/share or \\?\UNC\server\share); device paths (\\.\) are not.
func isUNC(s string) bool {
	s = stripLongPrefix(strings.ReplaceAll(s, "/", `\`))
	return strings.HasPrefix(s, `\\`) && !strings.HasPrefix(s, `\\.\`) && !strings.HasPrefix(s, `\\?\`)
}
