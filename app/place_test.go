package app

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestWindowsPlaces(t *testing.T) {
	env := map[string]string{
		"OneDrive":           `C:\Users\m\OneDrive`,
		"OneDriveCommercial": `C:\Users\m\OneDrive - Gemeente Utrecht`,
		"OneDriveConsumer":   `D:\Prive\OneDrive`,
	}
	for k, v := range windowsEnv {
		env[k] = v
	}
	env["USERPROFILE"] = `C:\Users\m`
	env["APPDATA"] = `C:\Users\m\AppData\Roaming`
	drives := map[string]VolumeKind{"C:": VolumeLocal, "D:": VolumeLocal, "H:": VolumeNetwork}
	p := windowsPlatform(env)
	p.Volume = func(path string) (VolumeKind, error) {
		if len(path) < 2 || path[1] != ':' {
			return VolumeUnknown, errors.New("no drive")
		}
		return drives[strings.ToUpper(path[:2])], nil
	}
	p.ReadFile = func(name string) ([]byte, error) {
		if name == `C:\Users\m\AppData\Roaming\Dropbox\info.json` {
			return []byte(`{"personal": {"path": "E:\\Box", "host": 1}, "business": {"path": "C:\\Users\\m\\Dropbox (Gemeente)"}}`), nil
		}
		return nil, fs.ErrNotExist
	}
	cases := []struct {
		path    string
		kind    PlaceKind
		service string
	}{
		{`C:\Users\m\AppData\Local\Terugkeer\terugkeer.db`, PlaceLocal, ""},
		{`C:\Users\m\OneDrive\Documenten\t.db`, PlaceSynced, "OneDrive"},
		{`c:/users/M/onedrive - gemeente utrecht/t.db`, PlaceSynced, "OneDrive"},
		{`D:\Prive\OneDrive`, PlaceSynced, "OneDrive"},
		{`C:\Users\m\OneDriveNiet\t.db`, PlaceLocal, ""}, // a name that only starts alike
		{`\\?\C:\Users\m\OneDrive\t.db`, PlaceSynced, "OneDrive"},
		{`E:\Box\t.db`, PlaceSynced, "Dropbox"},
		{`C:\Users\m\Dropbox (Gemeente)\x\t.db`, PlaceSynced, "Dropbox"},
		{`C:\Users\m\Dropbox\t.db`, PlaceSynced, "Dropbox"},
		{`\\fileserver\home$\m\t.db`, PlaceNetwork, ""},
		{`//fileserver/home/t.db`, PlaceNetwork, ""},
		{`\\?\UNC\fileserver\home\t.db`, PlaceNetwork, ""},
		{`H:\Terugkeer\t.db`, PlaceNetwork, ""}, // a mapped network drive
		{`D:\Terugkeer\t.db`, PlaceLocal, ""},
		{`X:\t.db`, PlaceLocal, ""}, // unknown drive: not refused
	}
	for _, c := range cases {
		got := p.PlaceOf(c.path)
		if got.Kind != c.kind || got.Service != c.service {
			t.Errorf("PlaceOf(%q) = %+v, want kind %d %q", c.path, got, c.kind, c.service)
		}
	}
}

func TestMacPlaces(t *testing.T) {
	p := Platform{GOOS: "darwin", Getenv: fakeEnv(nil), HomeDir: func() (string, error) { return "/Users/m", nil },
		Volume: func(path string) (VolumeKind, error) {
			if strings.HasPrefix(path, "/Volumes/Share") {
				return VolumeNetwork, nil
			}
			return VolumeLocal, nil
		}}
	cases := map[string]Place{
		"/Users/m/Library/Mobile Documents/com~apple~CloudDocs/t.db":  {PlaceSynced, "iCloud Drive"},
		"/Users/m/library/mobile documents/com~apple~CloudDocs/t.db":  {PlaceSynced, "iCloud Drive"},
		"/Users/m/Library/CloudStorage/OneDrive-GemeenteUtrecht/t.db": {PlaceSynced, "een clouddienst"},
		"/Users/m/Dropbox/t.db": {PlaceSynced, "Dropbox"},
		"/Volumes/Share/t.db":   {Kind: PlaceNetwork},
		"/Users/m/Library/Application Support/Terugkeer/terugkeer.db": {Kind: PlaceLocal},
	}
	for path, want := range cases {
		if got := p.PlaceOf(path); got != want {
			t.Errorf("PlaceOf(%q) = %+v, want %+v", path, got, want)
		}
	}
}

func TestLinuxPlaces(t *testing.T) {
	info := []byte(`{"personal": {"path": "/data/box"}}`)
	p := Platform{GOOS: "linux", Getenv: fakeEnv(nil), HomeDir: func() (string, error) { return "/home/m", nil },
		ReadFile: func(name string) ([]byte, error) {
			if name == "/home/m/.dropbox/info.json" {
				return info, nil
			}
			return nil, fs.ErrNotExist
		},
		Volume: func(path string) (VolumeKind, error) {
			return fsTypeKind(mountFSType([]byte(sampleMountinfo), path)), nil
		}}
	cases := map[string]Place{
		"/home/m/.local/share/terugkeer/terugkeer.db": {Kind: PlaceLocal},
		"/home/m/Dropbox/t.db":                        {PlaceSynced, "Dropbox"},
		"/data/box/sub/t.db":                          {PlaceSynced, "Dropbox"},
		"/mnt/nfs/t.db":                               {Kind: PlaceNetwork},
		"/mnt/smb share/t.db":                         {Kind: PlaceNetwork},
		"/home/m/remote/t.db":                         {Kind: PlaceNetwork}, // sshfs
		"/home/m/remote-not/t.db":                     {Kind: PlaceLocal},
		"/tmp/t.db":                                   {Kind: PlaceLocal},
	}
	for path, want := range cases {
		if got := p.PlaceOf(path); got != want {
			t.Errorf("PlaceOf(%q) = %+v, want %+v", path, got, want)
		}
	}
}

const sampleMountinfo = `22 27 0:21 / /proc rw,relatime - proc proc rw
27 1 259:2 / / rw,relatime shared:1 - ext4 /dev/nvme0n1p2 rw
40 27 0:35 / /tmp rw,nosuid,nodev shared:20 - tmpfs tmpfs rw
41 27 0:36 / /mnt/nfs rw,relatime shared:21 - nfs4 fs:/export rw,vers=4.2
42 27 0:37 / /mnt/smb\040share rw,relatime shared:22 - cifs //srv/share rw,vers=3.1.1
43 27 0:38 / /home/m/remote rw,nosuid,nodev,relatime shared:23 - fuse.sshfs m@host:/home rw,user_id=1000
44 40 0:39 / /tmp rw shared:24 - ext4 /dev/sdb1 rw
`

func TestMountFSType(t *testing.T) {
	cases := map[string]string{
		"/":              "ext4",
		"/tmp/x":         "ext4", // the later mount on /tmp is on top
		"/mnt/nfs":       "nfs4",
		"/mnt/smb share": "cifs",
		"/home/m/remote": "fuse.sshfs",
		"/proc/self":     "proc",
		"/procx":         "ext4",
	}
	for path, want := range cases {
		if got := mountFSType([]byte(sampleMountinfo), path); got != want {
			t.Errorf("mountFSType(%q) = %q, want %q", path, got, want)
		}
	}
}

func TestDriveTypeKind(t *testing.T) {
	if driveTypeKind(driveRemote) != VolumeNetwork || driveTypeKind(driveFixed) != VolumeLocal ||
		driveTypeKind(driveRemovable) != VolumeLocal || driveTypeKind(driveNoRootDir) != VolumeUnknown {
		t.Error("drive types misread")
	}
}

// The refusal says why and what to do, and names no folder (it may name the user).
func TestUnsafePlaceSentences(t *testing.T) {
	synced := (&UnsafePlaceError{Place{PlaceSynced, "OneDrive"}}).Error()
	network := (&UnsafePlaceError{Place{Kind: PlaceNetwork}}).Error()
	for _, s := range []string{synced, network} {
		if !strings.Contains(s, "--db") || !strings.Contains(s, EnvDB) || !strings.Contains(s, "laptop") {
			t.Errorf("%q does not say what to do instead", s)
		}
	}
	if !strings.Contains(synced, "OneDrive synchroniseert") || !strings.Contains(network, "netwerklocatie") {
		t.Errorf("the sentences do not say why: %q / %q", synced, network)
	}
}

// The real lookups on this machine: a temporary folder is local, and a path that does
// not exist yet is judged by its nearest existing parent.
func TestSystemPlatformTempDirIsLocal(t *testing.T) {
	dir := t.TempDir()
	p := SystemPlatform(fakeEnv(nil))
	target := filepath.Join(dir, "nog", "niet", "terugkeer.db")
	if pl := p.PlaceOf(target); !pl.Local() {
		t.Errorf("temp dir %s: %+v, want local", dir, pl)
	}
	if err := CheckDatabasePlace(target, p); err != nil {
		t.Error(err)
	}
	if runtime.GOOS == "linux" {
		info, err := os.ReadFile("/proc/self/mountinfo")
		if err != nil {
			t.Skip(err)
		}
		fstype := mountFSType(info, dir)
		if fstype == "" || fsTypeKind(fstype) != VolumeLocal {
			t.Errorf("mount of %s: type %q, want a local file system", dir, fstype)
		}
		if k, err := volumeKind(target); err != nil || k != VolumeLocal {
			t.Errorf("volumeKind(%s) = %v, %v", target, k, err)
		}
	}
}

// Symbolic links are followed: a link to Dropbox is inside Dropbox.
func TestSystemPlatformFollowsLinks(t *testing.T) {
	home := t.TempDir()
	if err := os.Mkdir(filepath.Join(home, "Dropbox"), 0o700); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(home, "werk")
	if err := os.Symlink(filepath.Join(home, "Dropbox"), link); err != nil {
		t.Skip(err)
	}
	p := SystemPlatform(fakeEnv(nil))
	p.GOOS = "linux"
	p.HomeDir = func() (string, error) { return home, nil }
	if pl := p.PlaceOf(filepath.Join(link, "terugkeer.db")); pl.Kind != PlaceSynced {
		t.Errorf("through a link into Dropbox: %+v", pl)
	}
}
