//go:build unix

package pgtest

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// childEnv makes the test binary, started by scripts/postgres.sh run in TestScript, act as
// the script's CMD: it writes what it saw to the file in childOutEnv and exits.
const (
	childEnv    = "TERUGKEER_PGTEST_CHILD"
	childOutEnv = "TERUGKEER_PGTEST_CHILD_OUT"
)

func TestMain(m *testing.M) {
	if mode := os.Getenv(childEnv); mode != "" {
		os.Exit(child(mode))
	}
	os.Exit(m.Run())
}

// child connects to TERUGKEER_PG_URI and writes the cluster's folder and postmaster's pid
// (or "none" without a cluster) to childOutEnv's file; mode "fail" then exits 3, mode
// "wait" sleeps until it is killed.
func child(mode string) int {
	out := os.Getenv(childOutEnv)
	uri := os.Getenv(URIEnv)
	if uri == "" {
		os.WriteFile(out, []byte("none\n"), 0o600)
		return 0
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, uri)
	if err != nil {
		os.WriteFile(out, []byte("connect: "+err.Error()+"\n"), 0o600)
		return 1
	}
	var one int
	err = conn.QueryRow(ctx, "SELECT 1").Scan(&one)
	conn.Close(ctx)
	if err != nil {
		os.WriteFile(out, []byte("query: "+err.Error()+"\n"), 0o600)
		return 1
	}
	dir := os.Getenv("TERUGKEER_PG_DIR")
	pidFile, err := os.ReadFile(filepath.Join(dir, "data", "postmaster.pid"))
	if err != nil {
		os.WriteFile(out, []byte("pid: "+err.Error()+"\n"), 0o600)
		return 1
	}
	pid := strings.SplitN(string(pidFile), "\n", 2)[0]
	if err := os.WriteFile(out+".tmp", []byte(dir+"\n"+pid+"\n"), 0o600); err != nil {
		return 1
	}
	os.Rename(out+".tmp", out)
	switch mode {
	case "fail":
		return 3
	case "wait":
		time.Sleep(5 * time.Minute)
	}
	return 0
}

func script(t *testing.T) string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "scripts", "postgres.sh")
}

// startScript starts scripts/postgres.sh run with this test binary as CMD in mode.
func startScript(t *testing.T, mode string) (*exec.Cmd, string, *bytes.Buffer) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "child.out")
	cmd := exec.Command(script(t), "run", os.Args[0])
	cmd.Env = append(os.Environ(), childEnv+"="+mode, childOutEnv+"="+out,
		URIEnv+"=", "TERUGKEER_PG_DIR=")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, out, &stderr
}

// childSaw returns the cluster folder and postmaster pid the child wrote; it skips the test
// when the script found no PostgreSQL (unless RequiredEnv is 1).
func childSaw(t *testing.T, out string, stderr *bytes.Buffer) (string, int) {
	t.Helper()
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("the child wrote nothing: %v\n%s", err, stderr)
	}
	if string(b) == "none\n" {
		if os.Getenv(RequiredEnv) == "1" {
			t.Fatalf("scripts/postgres.sh run gave no %s while %s=1\n%s", URIEnv, RequiredEnv, stderr)
		}
		t.Skipf("PostgreSQL is niet geïnstalleerd: scripts/postgres.sh run niet getest\n%s", stderr)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) != 2 {
		t.Fatalf("the child wrote %q\n%s", b, stderr)
	}
	pid, err := strconv.Atoi(lines[1])
	if err != nil {
		t.Fatalf("the child wrote %q\n%s", b, stderr)
	}
	return lines[0], pid
}

func exitCode(err error) int {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	if err != nil {
		return -1
	}
	return 0
}

// assertGone checks that the cluster's folder is removed and its postmaster has ended.
func assertGone(t *testing.T, dir string, pid int) {
	t.Helper()
	if !strings.Contains(filepath.Base(dir), "terugkeer-postgres.") {
		t.Fatalf("cluster folder %q", dir)
	}
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("cluster folder %s still there after the script (stat: %v)", dir, err)
	}
	// pg_ctl stop returns when the postmaster has removed its pid file; the process itself
	// ends a moment later, and may stay a zombie until its new parent reaps it.
	for i := 0; running(pid); i++ {
		if i == 200 {
			t.Errorf("postmaster %d still running 10 s after the script", pid)
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// running reports whether process pid exists and is not a zombie.
func running(pid int) bool {
	if err := syscall.Kill(pid, 0); errors.Is(err, syscall.ESRCH) {
		return false
	}
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return !errors.Is(err, os.ErrNotExist)
	}
	// pid (comm) STATE ...; comm may hold spaces, so take what follows the last ')'.
	rest := string(stat[bytes.LastIndexByte(stat, ')')+1:])
	return !strings.HasPrefix(strings.TrimSpace(rest), "Z")
}

// TestScriptRun: the script starts a cluster that the URI reaches, passes CMD's status on,
// and leaves neither folder nor server behind.
func TestScriptRun(t *testing.T) {
	for _, c := range []struct {
		mode string
		want int
	}{{"ok", 0}, {"fail", 3}} {
		t.Run(c.mode, func(t *testing.T) {
			cmd, out, stderr := startScript(t, c.mode)
			code := exitCode(cmd.Wait())
			dir, pid := childSaw(t, out, stderr)
			if code != c.want {
				t.Errorf("exit status %d, want %d\n%s", code, c.want, stderr)
			}
			assertGone(t, dir, pid)
		})
	}
}

// TestScriptInterrupted: a SIGTERM to the script ends CMD, stops the cluster and removes
// its folder.
func TestScriptInterrupted(t *testing.T) {
	cmd, out, stderr := startScript(t, "wait")
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	for {
		if _, err := os.Stat(out); err == nil {
			break
		}
		select {
		case err := <-done:
			t.Fatalf("script ended before the child wrote: %v\n%s", err, stderr)
		case <-time.After(50 * time.Millisecond):
		}
	}
	dir, pid := childSaw(t, out, stderr)
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if code := exitCode(<-done); code != 143 {
		t.Errorf("exit status %d after SIGTERM, want 143\n%s", code, stderr)
	}
	assertGone(t, dir, pid)
}

// TestDatabase: each call gives its own empty database, pg_trgm can be created in it, and
// it is dropped when the test ends.
func TestDatabase(t *testing.T) {
	admin := ClusterURI(t)
	ctx := context.Background()
	var names []string
	t.Run("create", func(t *testing.T) {
		a, b := Database(t), Database(t)
		if a == b {
			t.Fatalf("two calls gave the same database %s", a)
		}
		for _, uri := range []string{a, b} {
			conn, err := pgx.Connect(ctx, uri)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close(ctx)
			var name string
			if err := conn.QueryRow(ctx, "SELECT current_database()").Scan(&name); err != nil {
				t.Fatal(err)
			}
			names = append(names, name)
			if _, err := conn.Exec(ctx, "CREATE EXTENSION IF NOT EXISTS pg_trgm"); err != nil {
				t.Fatalf("CREATE EXTENSION pg_trgm: %v", err)
			}
			if _, err := conn.Exec(ctx, "CREATE TABLE t (x text)"); err != nil {
				t.Fatal(err)
			}
		}
	})
	if len(names) != 2 {
		t.Fatalf("databases %v", names)
	}
	conn, err := pgx.Connect(ctx, admin)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var n int
	if err := conn.QueryRow(ctx, "SELECT count(*) FROM pg_database WHERE datname = ANY($1)", names).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("%d of the databases %v still exist after the test", n, names)
	}
}

// TestWithoutCluster: without TERUGKEER_PG_URI Database skips, and fails when
// TERUGKEER_PG_REQUIRED=1.
func TestWithoutCluster(t *testing.T) {
	if os.Getenv("TERUGKEER_PGTEST_NOCLUSTER") == "1" {
		Database(t)
		t.Fatal("Database returned without a cluster")
	}
	for _, c := range []struct {
		required string
		want     string
		code     int
	}{{"", "--- SKIP: TestWithoutCluster", 0}, {"1", "--- FAIL: TestWithoutCluster", 1}} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestWithoutCluster$", "-test.v")
		cmd.Env = append(os.Environ(), "TERUGKEER_PGTEST_NOCLUSTER=1", URIEnv+"=", RequiredEnv+"="+c.required)
		out, err := cmd.CombinedOutput()
		if code := exitCode(err); code != c.code || !bytes.Contains(out, []byte(c.want)) || !bytes.Contains(out, []byte(URIEnv+" is niet gezet")) {
			t.Errorf("%s=%q: exit %d, output:\n%s", RequiredEnv, c.required, code, out)
		}
	}
}

func TestWithDatabase(t *testing.T) {
	got, err := withDatabase("postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable", "terugkeer_test_ab")
	if err != nil {
		t.Fatal(err)
	}
	if want := "postgres://postgres@127.0.0.1:5432/terugkeer_test_ab?sslmode=disable"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}
