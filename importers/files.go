package importers

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// MaxFileSize is the largest file ReadFile reads. An e-mail may carry several
// messages of at most 10 MiB each, base64 adds a third; beyond this a file is
// refused and left where it is.
const MaxFileSize = 64 << 20

// ErrFileTooLarge is wrapped by ReadFile's error for a file over MaxFileSize.
var ErrFileTooLarge = errors.New("bestand te groot")

// File is one file an import will read.
type File struct {
	Path string
}

// ReadPaths expands the given paths into the files to import. A folder yields
// the *.xml, *.eml and *.msg files directly in it (not in subfolders; the extension is
// matched case-insensitively), sorted by name. A file named explicitly is taken
// whatever its extension. Paths keep the order in which they were given.
func ReadPaths(paths []string) ([]File, error) {
	f, err := FindFiles(paths)
	return f.Files, err
}

// Found is what FindFiles found.
type Found struct {
	Files []File
	// Skipped counts the files in the given folders that are no message files (no .xml,
	// .eml or .msg extension); folders inside them are not counted.
	Skipped int
}

// FindFiles is ReadPaths, also counting the files it skipped in folders.
func FindFiles(paths []string) (Found, error) {
	var f Found
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return Found{}, fmt.Errorf("%s kan niet worden gelezen: %w", p, err)
		}
		if !info.IsDir() {
			f.Files = append(f.Files, File{Path: p})
			continue
		}
		files, skipped, err := folderFiles(p)
		if err != nil {
			return Found{}, err
		}
		f.Files = append(f.Files, files...)
		f.Skipped += skipped
	}
	return f, nil
}

// folderFiles lists the message files directly in a folder, sorted by name, and counts
// the other files in it.
func folderFiles(dir string) ([]File, int, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, 0, fmt.Errorf("de map %s kan niet worden gelezen: %w", dir, err)
	}
	var names []string
	skipped := 0
	for _, e := range entries {
		switch {
		case !isRegular(dir, e):
		case isMessageFile(e.Name()):
			names = append(names, e.Name())
		default:
			skipped++
		}
	}
	sort.Strings(names)
	files := make([]File, len(names))
	for i, n := range names {
		files[i] = File{Path: filepath.Join(dir, n)}
	}
	return files, skipped, nil
}

// isRegular reports whether an entry is a file, following a symbolic link.
func isRegular(dir string, e fs.DirEntry) bool {
	if e.Type()&fs.ModeSymlink == 0 {
		return e.Type().IsRegular()
	}
	info, err := os.Stat(filepath.Join(dir, e.Name()))
	return err == nil && info.Mode().IsRegular()
}

func isMessageFile(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".xml" || ext == ".eml" || ext == ".msg"
}

// ReadFile reads a file of at most MaxFileSize bytes. A larger file is refused
// with an error wrapping ErrFileTooLarge; the file itself is left untouched.
func ReadFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s kan niet worden gelezen: %w", path, err)
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.Size() > MaxFileSize {
		return nil, tooLarge(path)
	}
	raw, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s kan niet worden gelezen: %w", path, err)
	}
	if len(raw) > MaxFileSize {
		return nil, tooLarge(path)
	}
	return raw, nil
}

func tooLarge(path string) error {
	return fmt.Errorf("%s is groter dan %s en wordt niet ingelezen; het bestand blijft staan: %w",
		path, sizeMiB(MaxFileSize), ErrFileTooLarge)
}
