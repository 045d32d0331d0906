package app

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
)

// Platform is what the path and place rules need to know about the machine. It is
// injected, so that the rules for Windows, macOS and Linux are tested on any of them;
// SystemPlatform is the real one.
type Platform struct {
	GOOS    string // runtime.GOOS of the system the rules are for
	Getenv  func(string) string
	HomeDir func() (string, error)
	// Resolve makes a path absolute and resolves symbolic links as far as the path
	// exists. nil: paths are taken as given.
	Resolve func(string) (string, error)
	// Volume tells what kind of file system holds path (or, when it does not exist yet,
	// its nearest existing parent). nil: every volume is VolumeUnknown.
	Volume func(path string) (VolumeKind, error)
	// ReadFile reads a small configuration file (Dropbox's info.json). nil: none exists.
	ReadFile func(string) ([]byte, error)
	// Documents is the user's documents folder (Windows: the Documents known folder,
	// which OneDrive's Known Folder Move may have moved into OneDrive). nil: none.
	Documents func() (string, error)
}

// VolumeKind is the kind of file system a path lies on.
type VolumeKind int

const (
	// VolumeUnknown: the lookup did not tell (no such drive, an unknown file system).
	VolumeUnknown VolumeKind = iota
	// VolumeLocal is a disk of this machine (also a USB stick or a RAM disk).
	VolumeLocal
	// VolumeNetwork is a file server: SMB/CIFS, NFS, a mapped network drive, sshfs.
	VolumeNetwork
)

// SystemPlatform is this machine, with getenv for the environment (the CLI injects its
// own in tests).
func SystemPlatform(getenv func(string) string) Platform {
	return Platform{
		GOOS:      runtime.GOOS,
		Getenv:    getenv,
		HomeDir:   homeFrom(getenv),
		Resolve:   resolvePath,
		Volume:    volumeKind,
		ReadFile:  os.ReadFile,
		Documents: documentsDir,
	}
}

// homeFrom is the user's home folder as the environment getenv names it (USERPROFILE on
// Windows, HOME elsewhere), else os.UserHomeDir.
func homeFrom(getenv func(string) string) func() (string, error) {
	return func() (string, error) {
		key := "HOME"
		if runtime.GOOS == "windows" {
			key = "USERPROFILE"
		}
		if h := getenv(key); h != "" {
			return h, nil
		}
		return os.UserHomeDir()
	}
}

func (p Platform) getenv(key string) string {
	if p.Getenv == nil {
		return ""
	}
	return p.Getenv(key)
}

func (p Platform) homeDir() (string, error) {
	if p.HomeDir == nil {
		return "", errors.New("geen thuismap")
	}
	return p.HomeDir()
}

func (p Platform) resolve(path string) string {
	if p.Resolve == nil {
		return path
	}
	if r, err := p.Resolve(path); err == nil {
		return r
	}
	return path
}

func (p Platform) volume(path string) VolumeKind {
	if p.Volume == nil {
		return VolumeUnknown
	}
	k, err := p.Volume(path)
	if err != nil {
		return VolumeUnknown
	}
	return k
}

func (p Platform) readFile(path string) ([]byte, error) {
	if p.ReadFile == nil {
		return nil, fs.ErrNotExist
	}
	return p.ReadFile(path)
}

// resolvePath is filepath.Abs with symbolic links resolved in the part of the path that
// exists (a database or PDF path usually does not exist yet).
func resolvePath(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	dir, rest := abs, ""
	for {
		if r, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(r, rest), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(dir), rest)
		dir = parent
	}
}

// existingParent is path or its nearest parent that exists: the file system lookups
// need something to look at.
func existingParent(path string) string {
	for {
		if _, err := os.Stat(path); err == nil {
			return path
		}
		parent := filepath.Dir(path)
		if parent == path {
			return path
		}
		path = parent
	}
}
