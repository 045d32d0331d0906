package importers_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers"
)

// read returns a file below the package directory.
func read(t testing.TB, path string) []byte {
	t.Helper()
	raw, err := os.ReadFile(filepath.FromSlash(path))
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// extract runs Extract and fails the test on an error.
func extract(t *testing.T, path string) []app.Item {
	t.Helper()
	items, err := importers.V1{}.Extract(path, read(t, path))
	if err != nil {
		t.Fatalf("Extract(%s): %v", path, err)
	}
	return items
}

// parseOne extracts a file that holds exactly one message and parses it with V1.
func parseOne(t *testing.T, path string) *app.Message {
	t.Helper()
	return parseWith(t, importers.V1{}, path)
}

// parseV2 is parseOne with the Decoder of both versions.
func parseV2(t *testing.T, path string) *app.Message {
	t.Helper()
	return parseWith(t, importers.Decoder{}, path)
}

func parseWith(t *testing.T, dec app.Decoder, path string) *app.Message {
	t.Helper()
	items, err := dec.Extract(path, read(t, path))
	if err != nil {
		t.Fatalf("Extract(%s): %v", path, err)
	}
	if len(items) != 1 {
		t.Fatalf("Extract(%s): %d items, want 1", path, len(items))
	}
	m, err := dec.Parse(items[0].Raw)
	if err != nil {
		t.Fatalf("Parse(%s): %v", path, err)
	}
	return m
}

// wantInvalid checks that err is an *app.InvalidMessageError whose reason holds want.
func wantInvalid(t *testing.T, err error, want string) {
	t.Helper()
	var ie *app.InvalidMessageError
	if !errors.As(err, &ie) {
		t.Fatalf("error %v (%T) is not an *app.InvalidMessageError", err, err)
	}
	if !strings.Contains(ie.Reden, want) {
		t.Errorf("reason %q does not contain %q", ie.Reden, want)
	}
}

func readDir(t testing.TB, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func wantNotContains(t *testing.T, s, sub string) {
	t.Helper()
	if strings.Contains(s, sub) {
		t.Errorf("%q contains %q", s, sub)
	}
}

func wantContains(t *testing.T, s, sub string) {
	t.Helper()
	if !strings.Contains(s, sub) {
		t.Errorf("%q does not contain %q", s, sub)
	}
}
