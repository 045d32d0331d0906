package importers_test

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/terugkeer/terugkeer/importers"
)

func TestReadPaths(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"b.eml", "a.XML", "c.txt", "d.Eml", "e.MSG"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "sub.xml"), 0o700); err != nil {
		t.Fatal(err)
	}
	explicit := filepath.Join(dir, "c.txt")
	found, err := importers.FindFiles([]string{explicit, dir})
	if err != nil {
		t.Fatal(err)
	}
	if found.Skipped != 1 {
		t.Errorf("skipped %d files, want 1 (c.txt in the folder; not the folder sub.xml)", found.Skipped)
	}
	got, err := importers.ReadPaths([]string{explicit, dir})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, found.Files) {
		t.Errorf("ReadPaths = %v, FindFiles = %v", got, found.Files)
	}
	var paths []string
	for _, f := range got {
		paths = append(paths, f.Path)
	}
	want := []string{explicit, filepath.Join(dir, "a.XML"), filepath.Join(dir, "b.eml"), filepath.Join(dir, "d.Eml"), filepath.Join(dir, "e.MSG")}
	if !reflect.DeepEqual(paths, want) {
		t.Errorf("ReadPaths = %v, want %v", paths, want)
	}
	if _, err := importers.ReadPaths([]string{filepath.Join(dir, "ontbreekt.xml")}); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing path: %v", err)
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "klein.xml")
	if err := os.WriteFile(small, []byte("<x/>"), 0o600); err != nil {
		t.Fatal(err)
	}
	if raw, err := importers.ReadFile(small); err != nil || string(raw) != "<x/>" {
		t.Errorf("ReadFile = %q, %v", raw, err)
	}

	big := filepath.Join(dir, "groot.eml")
	if err := os.WriteFile(big, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(big, importers.MaxFileSize+1); err != nil { // sparse file
		t.Fatal(err)
	}
	_, err := importers.ReadFile(big)
	if !errors.Is(err, importers.ErrFileTooLarge) {
		t.Fatalf("ReadFile(big) = %v", err)
	}
	wantContains(t, err.Error(), "groter dan 64 MiB")
	if _, err := os.Stat(big); err != nil {
		t.Errorf("the large file is gone: %v", err)
	}
}
