package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
)

// The version is answered before the database is opened: asking for it must never
// create a database (an administrator checking the version creates no user data).
func TestVersionOpensNoDatabase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "nog-niet", "terugkeer.db")
	getenv := func(k string) string {
		if k == "TERUGKEER_DB" {
			return db
		}
		return ""
	}
	for _, args := range [][]string{{"version"}, {"--version"}, {"--db", db, "version"}} {
		var out, errb bytes.Buffer
		if code := run(context.Background(), args, &out, &errb, getenv); code != exitOK {
			t.Fatalf("%v: exit %d, stderr %q", args, code, errb.String())
		}
		if got, want := out.String(), "terugkeer-cli "+version+"\n"; got != want {
			t.Errorf("%v: output %q, want %q", args, got, want)
		}
		if _, err := os.Stat(filepath.Dir(db)); !os.IsNotExist(err) {
			t.Fatalf("%v: the database directory exists (err %v)", args, err)
		}
	}
}
