package sqlite

import (
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/terugkeer/terugkeer/app"
)

// ErrLegacyBusy: the database at the old place is still open in another Terugkeer
// (for instance an older version on another computer with the same roaming profile),
// so its write-ahead log cannot be emptied and it is not moved.
var ErrLegacyBusy = errors.New("de database in de oude map is nog in gebruik en kan niet worden verplaatst; " +
	"sluit Terugkeer overal af en start het opnieuw")

// movingSuffix names the copy being written at the new place when the old one is on
// another volume; it is renamed into place only when whole and on disk.
const movingSuffix = ".verplaatsing"

// AdoptLegacy moves the database an older version kept at legacy (on Windows the
// Roaming profile, %AppData%\Terugkeer) to path, when legacy exists and path does not.
// It reports whether it moved. See mover.adopt.
func AdoptLegacy(legacy, path string) (bool, error) {
	return mover{rename: os.Rename}.adopt(legacy, path)
}

// mover moves a database file; rename is os.Rename, replaced in tests to play a move
// between two volumes.
type mover struct {
	rename func(from, to string) error
}

// adopt moves legacy to path: first the write-ahead log is checkpointed into the
// database file and truncated (it may hold transactions the file does not yet have),
// then the -wal and -shm files are removed, then the file moves whole: renamed on the
// same volume, else copied beside path, synced and renamed into place, and the old file
// overwritten and removed. A crash at any point leaves the database whole at one of the
// two places; while path does not exist the next start moves it again.
func (m mover) adopt(legacy, path string) (bool, error) {
	if legacy == "" || legacy == path {
		return false, nil
	}
	if exists, err := fileExists(path); err != nil || exists {
		return false, err
	}
	if exists, err := fileExists(legacy); err != nil || !exists {
		return false, err
	}
	if err := checkpointFile(legacy); err != nil {
		return false, err
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Remove(legacy + suffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return false, fmt.Errorf("oude %s verwijderen: %w", suffix, err)
		}
	}
	if err := os.MkdirAll(filepath.Dir(path), dirMode); err != nil {
		return false, fmt.Errorf("map voor de database aanmaken: %w", err)
	}
	if err := m.rename(legacy, path); err != nil {
		if err := copyAcross(legacy, path); err != nil {
			return false, err
		}
	}
	syncDir(filepath.Dir(path))
	os.Remove(filepath.Dir(legacy)) // the old folder, only when it is empty now
	return true, nil
}

// checkpointFile opens the database at path on its own, copies the write-ahead log into
// the database file and truncates the log; it fails with ErrLegacyBusy when another
// connection keeps the log in use.
func checkpointFile(path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	sqlDB, err := sql.Open("sqlite", dsn(abs))
	if err != nil {
		return fmt.Errorf("oude database openen: %w", err)
	}
	sqlDB.SetMaxOpenConns(1)
	var busy, logFrames, done int
	err = sqlDB.QueryRow("PRAGMA wal_checkpoint(TRUNCATE)").Scan(&busy, &logFrames, &done)
	if cerr := sqlDB.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("logbestand van de oude database legen: %w", err)
	}
	if busy != 0 {
		return ErrLegacyBusy
	}
	// Closing the last connection removes the log; one that is there and not empty
	// was written by another process after the checkpoint.
	if st, err := os.Stat(abs + "-wal"); err == nil && st.Size() > 0 {
		return ErrLegacyBusy
	}
	return nil
}

// copyAcross copies from to to when they are on different volumes: into a new file
// beside to, synced, renamed into place; then the original is overwritten with zeros
// and removed, so that no readable copy stays at the old place.
func copyAcross(from, to string) error {
	tmp := to + movingSuffix
	os.Remove(tmp) // a copy an interrupted move left behind
	if err := copyFile(from, tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("database naar de nieuwe map kopiëren: %w", err)
	}
	if err := os.Rename(tmp, to); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("database in de nieuwe map zetten: %w", err)
	}
	syncDir(filepath.Dir(to))
	if err := wipeFile(from); err != nil {
		return fmt.Errorf("oude database overschrijven: %w", err)
	}
	if err := os.Remove(from); err != nil {
		return fmt.Errorf("oude database verwijderen: %w", err)
	}
	return nil
}

// copyFile writes a new file to (mode 0600, it must not exist) with from's bytes and
// syncs it to disk.
func copyFile(from, to string) (err error) {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, fileMode)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := out.Close(); err == nil {
			err = cerr
		}
	}()
	if _, err := io.Copy(out, in); err != nil {
		return err
	}
	return out.Sync()
}

// wipeFile overwrites a file's bytes with zeros and syncs it.
func wipeFile(name string) (err error) {
	f, err := os.OpenFile(name, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	zeros := make([]byte, 64*1024)
	for left := st.Size(); left > 0; {
		n := min(left, int64(len(zeros)))
		if _, err := f.Write(zeros[:n]); err != nil {
			return err
		}
		left -= n
	}
	return f.Sync()
}

// syncDir makes a rename in dir durable where the system can (Windows cannot sync a
// folder; NTFS journals the rename itself).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync() //nolint:errcheck // best effort, see above
		d.Close()
	}
}

// fileExists reports whether name exists; errors other than "does not exist" are
// returned.
func fileExists(name string) (bool, error) {
	_, err := os.Lstat(name)
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, fs.ErrNotExist):
		return false, nil
	}
	return false, fmt.Errorf("%s controleren: %w", filepath.Base(name), err)
}

// OpenLocation opens the database at loc.Path after moving the one an older version
// left at loc.Legacy there (AdoptLegacy); moved says that it did, so that the caller
// audits the move and tells the user once. The options are Open's.
func OpenLocation(loc app.DatabaseLocation, opts ...Option) (db *DB, moved bool, err error) {
	moved, err = AdoptLegacy(loc.Legacy, loc.Path)
	if err != nil {
		return nil, false, fmt.Errorf("de database uit de oude map verplaatsen: %w", err)
	}
	if loc.Default {
		if err := narrowDataDir(filepath.Dir(loc.Path)); err != nil {
			return nil, moved, err
		}
	}
	db, err = Open(loc.Path, opts...)
	return db, moved, err
}
