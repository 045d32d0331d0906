package importers_test

import (
	"errors"
	"os"
	"testing"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers"
)

// seeds adds the examples and every test file as fuzz seeds.
func seeds(f *testing.F) {
	for _, e := range importers.Examples() {
		f.Add(e.Data)
	}
	for _, dir := range []string{"testdata", "testdata/ongeldig"} {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if !e.IsDir() {
				f.Add(read(f, dir+"/"+e.Name()))
			}
		}
	}
}

func checkErr(t *testing.T, err error) {
	var ie *app.InvalidMessageError
	if err != nil && !errors.As(err, &ie) {
		t.Fatalf("error %v (%T) is not an *app.InvalidMessageError", err, err)
	}
	if err != nil && ie.Reden == "" {
		t.Fatal("empty reason")
	}
	if err != nil && app.Visible(ie.Reden) != ie.Reden {
		t.Fatalf("reason %q holds control characters", ie.Reden)
	}
}

func FuzzParse(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, raw []byte) {
		m, err := importers.V1{}.Parse(raw)
		checkErr(t, err)
		if err == nil && m.Validate() != nil {
			t.Fatal("Parse returned a message that does not validate")
		}
	})
}

func FuzzExtract(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, raw []byte) {
		items, err := importers.V1{}.Extract("f", raw)
		checkErr(t, err)
		for _, it := range items {
			if it.Reden != "" {
				checkErr(t, app.Invalid("%s", it.Reden)) // a part for the quarantine on its own
				continue
			}
			_, err := importers.V1{}.Parse(it.Raw)
			checkErr(t, err)
		}
	})
}
