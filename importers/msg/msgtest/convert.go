package msgtest

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// RequireEnv, when set to 1, turns a missing msgconvert into a test failure (make
// test sets it: scripts/deps.sh installs the tool first).
const RequireEnv = "TERUGKEER_MSGCONVERT_REQUIRED"

// Convert turns a .msg file into an .eml with msgconvert (Debian's
// libemail-outlook-message-perl), a reader independent of ours. Without the tool
// the test is skipped with a loud message, or fails when RequireEnv is set.
func Convert(t testing.TB, raw []byte) []byte {
	t.Helper()
	bin, err := exec.LookPath("msgconvert")
	if err != nil {
		const msg = "msgconvert ontbreekt: de controle van .msg-bestanden met een onafhankelijke lezer " +
			"wordt OVERGESLAGEN (installeer libemail-outlook-message-perl, of gebruik make test)"
		if os.Getenv(RequireEnv) == "1" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	dir := t.TempDir()
	in, out := filepath.Join(dir, "bericht.msg"), filepath.Join(dir, "bericht.eml")
	if err := os.WriteFile(in, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "--outfile", out, in)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("msgconvert: %v\n%s", err, b)
	}
	eml, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return eml
}
