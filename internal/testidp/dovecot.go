package testidp

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// Dovecot starts a throw-away Dovecot on 127.0.0.1 that accepts only bearer tokens
// (scripts/dovecot.sh start-oauth2) and checks each at this IdP by introspection; it is
// stopped when the test ends. Without Dovecot the test is skipped, saying so loudly.
func (p *IdP) Dovecot(t testing.TB) (host string, port int) {
	t.Helper()
	if _, err := exec.LookPath("dovecot"); err != nil {
		if _, err := os.Stat("/usr/sbin/dovecot"); err != nil {
			t.Skip("LET OP: Dovecot is niet geïnstalleerd: de OAuth2-tests tegen een echte mailserver worden OVERGESLAGEN (installeer dovecot-imapd, of 'make deps')")
		}
	}
	_, file, _, _ := runtime.Caller(0)
	script := filepath.Join(filepath.Dir(file), "..", "..", "scripts", "dovecot.sh")
	out, err := exec.Command(script, "start-oauth2", p.IntrospectionURL()).Output()
	if err != nil {
		msg := ""
		if ee, ok := err.(*exec.ExitError); ok {
			msg = string(ee.Stderr)
		}
		t.Fatalf("dovecot.sh start-oauth2: %v\n%s", err, msg)
	}
	env := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		k, v, _ := strings.Cut(strings.TrimPrefix(line, "export "), "=")
		if uq, err := strconv.Unquote(v); err == nil {
			v = uq
		}
		env[k] = strings.Trim(v, "'")
	}
	dir := env["TERUGKEER_DOVECOT_DIR"]
	t.Cleanup(func() {
		if os.Getenv("TESTIDP_KEEP_LOG") != "" {
			b, _ := os.ReadFile(filepath.Join(dir, "dovecot.log"))
			t.Logf("dovecot.log:\n%s", b)
		}
		stop := exec.Command(script, "stop")
		stop.Env = append(os.Environ(), "TERUGKEER_DOVECOT_DIR="+dir)
		if out, err := stop.CombinedOutput(); err != nil {
			t.Errorf("dovecot.sh stop: %v\n%s", err, out)
		}
	})
	host, ps, ok := strings.Cut(env["TERUGKEER_DOVECOT_OAUTH2"], ":")
	if port, err = strconv.Atoi(ps); !ok || err != nil {
		t.Fatalf("dovecot.sh start-oauth2 printed %q", out)
	}
	return host, port
}
