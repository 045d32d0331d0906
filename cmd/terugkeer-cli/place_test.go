package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/terugkeer/terugkeer/app"
)

// A database in a synced folder is refused with one Dutch sentence, whether it comes
// from --db or from TERUGKEER_DB, and no file is made there.
func TestCLIRefusesSyncedFolder(t *testing.T) {
	home := t.TempDir()
	target := filepath.Join(home, "Dropbox", "terugkeer.db")
	for _, how := range []string{"flag", "env"} {
		args := []string{"persons"}
		env := []string{"HOME=" + home, "LANG=C"}
		if how == "flag" {
			args = append([]string{"--db", target}, args...)
		} else {
			env = append(env, app.EnvDB+"="+target)
		}
		cmd := exec.Command(builtBinary, args...)
		cmd.Env = env
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		err := cmd.Run()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != exitError {
			t.Fatalf("%s: %v, stderr %q; want exit %d", how, err, stderr.String(), exitError)
		}
		msg := stderr.String()
		if !strings.HasPrefix(msg, "De database staat in een map die Dropbox synchroniseert") ||
			!strings.Contains(msg, "--db") || strings.Count(msg, "\n") != 1 || strings.Contains(msg, home) {
			t.Errorf("%s: stderr %q", how, msg)
		}
		if _, err := os.Stat(filepath.Dir(target)); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s: the synced folder was made (%v)", how, err)
		}
	}
}

// The database an older version kept in the Roaming profile is moved on the first
// start, the move is audited in the moved database, and the user is told once.
func TestCLIMovesLegacyDatabaseOnce(t *testing.T) {
	root := t.TempDir()
	legacy := filepath.Join(root, "Roaming", "Terugkeer", "terugkeer.db")
	local := filepath.Join(root, "Local", "Terugkeer", "terugkeer.db")
	ctx := context.Background()
	var out, errb bytes.Buffer
	getenv := func(k string) string { return map[string]string{app.EnvDB: legacy}[k] }
	if code := run(ctx, []string{"init", "--gemeente", "0193"}, &out, &errb, getenv); code != exitOK {
		t.Fatalf("init at the old place: exit %d, %s", code, errb.String())
	}
	locate := func(flag string) (app.DatabaseLocation, error) {
		return app.DatabaseLocation{Path: local, Legacy: legacy}, nil
	}
	noEnv := func(string) string { return "" }
	for i := range 2 {
		out.Reset()
		errb.Reset()
		if code := runAt(ctx, []string{"audit", "--json"}, strings.NewReader(""), &out, &errb, noEnv, locate); code != exitOK {
			t.Fatalf("start %d: exit %d, %s", i+1, code, errb.String())
		}
		told := strings.Count(errb.String(), databaseMovedNotice)
		if want := 1 - i; told != want {
			t.Errorf("start %d: told %d times, want %d (stderr %q)", i+1, told, want, errb.String())
		}
		if got := strings.Count(out.String(), `"`+app.ActieVerplaatsing+`"`); got != 1 {
			t.Errorf("start %d: %d audit entries of the move, want 1:\n%s", i+1, got, out.String())
		}
		if strings.Contains(out.String(), root) {
			t.Error("the audit entry names a folder")
		}
	}
	if _, err := os.Stat(legacy); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the old database is still there (%v)", err)
	}
}
