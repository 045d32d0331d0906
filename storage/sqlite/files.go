package sqlite

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
)

// File modes: nobody but the user may read the data.
const (
	dirMode  = 0o700
	fileMode = 0o600
)

// pragmas are set on every connection. secure_delete overwrites removed content with
// zeros; busy_timeout lets a writer wait for another process; temp_store keeps sort
// and index scratch space in memory, so no personal data reaches a temp file.
const pragmas = "_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)" +
	"&_pragma=busy_timeout(5000)&_pragma=secure_delete(ON)&_pragma=temp_store(MEMORY)" +
	"&_txlock=immediate" // modernc: read-write BeginTx runs BEGIN IMMEDIATE; read-only ones plain BEGIN

// dsn is the driver's data source name for an absolute path.
func dsn(abs string) string {
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive letter: file:/C:/...
	}
	// Escape what a SQLite file: URI would read as syntax; SQLite decodes %HH.
	p = strings.NewReplacer("%", "%25", "?", "%3F", "#", "%23").Replace(p)
	return "file:" + p + "?" + pragmas
}

// cachedDSN is dsn with each connection's page cache set to kib KiB (none for 0).
func cachedDSN(abs string, kib int) string {
	if kib <= 0 {
		return dsn(abs)
	}
	return dsn(abs) + "&_pragma=cache_size(-" + strconv.Itoa(kib) + ")"
}

// plainDSN is dsn without the pragmas: a connection that leaves the file as it is.
func plainDSN(abs string) string {
	d := dsn(abs)
	return d[:len(d)-len(pragmas)-1]
}

// prepareFile creates the directory (0700) and the database file (0600) before SQLite
// opens it, so the file never exists with wider permissions. An existing file that is
// readable by others is narrowed to 0600. It returns the absolute path.
func prepareFile(path string) (string, error) {
	if path == "" {
		return "", errors.New("geen pad voor de database opgegeven")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", fmt.Errorf("pad van de database bepalen: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(abs), dirMode); err != nil {
		return "", fmt.Errorf("map voor de database aanmaken: %w", err)
	}
	f, err := os.OpenFile(abs, os.O_RDWR|os.O_CREATE, fileMode)
	if err != nil {
		return "", fmt.Errorf("databasebestand aanmaken: %w", err)
	}
	err = narrow(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", fmt.Errorf("databasebestand afschermen: %w", err)
	}
	return abs, nil
}

// narrow removes group and other permissions from an open file.
func narrow(f *os.File) error {
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	if fi.Mode().Perm()&0o077 == 0 {
		return nil
	}
	return f.Chmod(fileMode)
}

// restrictSidecars narrows the -wal and -shm files, whatever the umask. SQLite already
// creates them with the database file's mode; this is the second line of defence.
func restrictSidecars(abs string) error {
	for _, suffix := range []string{"-wal", "-shm"} {
		name := abs + suffix
		fi, err := os.Stat(name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return fmt.Errorf("%s controleren: %w", filepath.Base(name), err)
		}
		if fi.Mode().Perm()&0o077 == 0 {
			continue
		}
		if err := os.Chmod(name, fileMode); err != nil {
			return fmt.Errorf("%s afschermen: %w", filepath.Base(name), err)
		}
	}
	return nil
}

// narrowDataDir makes Terugkeer's own data folder (the default one) private to the user
// when it already existed with wider rights: MkdirAll's 0700 applies only to folders it
// creates. A folder chosen with --db or TERUGKEER_DB is the user's and is left alone.
// Windows has no such permission bits (the profile folder is private already).
func narrowDataDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	fi, err := os.Stat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil // Open creates it with dirMode
	}
	if err != nil {
		return fmt.Errorf("map voor de database controleren: %w", err)
	}
	if !fi.IsDir() || fi.Mode().Perm()&0o077 == 0 {
		return nil
	}
	if err := os.Chmod(dir, dirMode); err != nil {
		return fmt.Errorf("map voor de database afschermen: %w", err)
	}
	return nil
}
