package main

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/internal/apptest"
	"github.com/terugkeer/terugkeer/storage"
)

// runEnv executes the binary with extra environment and standard input.
func (c *cli) runEnv(env []string, stdin string, args ...string) (string, string, int) {
	c.t.Helper()
	cmd := exec.Command(c.bin, append([]string{"--db", c.db}, args...)...)
	cmd.Env = append([]string{"HOME=" + c.t.TempDir(), "LANG=C"}, env...)
	cmd.Stdin = strings.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		c.t.Fatalf("running %v: %v", args, err)
	}
	return stdout.String(), stderr.String(), code
}

func TestIMAPSettingsEndToEnd(t *testing.T) {
	c := newCLI(t)
	c.ok("init", "--gemeente", "0193")
	if out := c.ok("imap", "show"); !strings.Contains(out, "INBOX (standaard)") || !strings.Contains(out, "Verwerkt (standaard)") {
		t.Errorf("defaults: %q", out)
	}
	c.ok("imap", "set", "server", "imap.gemeente.test")
	if _, errOut, code := c.run("imap", "set", "beveiliging", "geen"); code != exitError || !strings.Contains(errOut, "alleen toegestaan") {
		t.Errorf("geen to a remote server: exit %d, %q", code, errOut)
	}
	if _, errOut, code := c.run("imap", "set", "wachtwoord", "Zeer-Geheim-42"); code != exitError || strings.Contains(errOut, "Zeer-Geheim-42") {
		t.Errorf("password as a setting: exit %d, %q", code, errOut)
	}
	if _, _, code := c.run("imap", "set", "poort"); code != exitUsage {
		t.Errorf("set without value: exit %d", code)
	}
	if out := c.ok("imap", "show"); !strings.Contains(out, "verwijderen-na: 7d (standaard)") {
		t.Errorf("verwijderen-na default: %q", out)
	}
	if _, errOut, code := c.run("imap", "set", "verwijderen-na", "een week"); code != exitError || !strings.Contains(errOut, "geen geldige termijn") {
		t.Errorf("verwijderen-na 'een week': exit %d, %q", code, errOut)
	}
	c.ok("imap", "set", "verwijderen-na", "0d")
	if out := c.ok("imap", "show"); !strings.Contains(out, "verwijderen-na: 0d\n") {
		t.Errorf("verwijderen-na 0d: %q", out)
	}
	c.ok("imap", "set", "server", "127.0.0.1")
	c.ok("imap", "set", "beveiliging", "geen")
	c.ok("imap", "set", "gebruiker", "nazorg")
	c.ok("imap", "set", "verwerkt", "Klaar")
	out := c.ok("imap", "show")
	for _, want := range []string{"127.0.0.1", "geen", "nazorg", "Klaar", "143 (standaard)"} {
		if !strings.Contains(out, want) {
			t.Errorf("show lacks %q: %q", want, out)
		}
	}
	if runtime.GOOS != "linux" {
		return // elsewhere the OS keyring is always there: the test must not write to it
	}
	// No keyring reachable (no Secret Service): the CLI says so, and the password lands
	// nowhere.
	noBus := []string{"DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/terugkeer-test-bus"}
	stdout, errOut, code := c.runEnv(noBus, "Zeer-Geheim-42\n", "imap", "wachtwoord")
	if code != exitError || !strings.Contains(errOut, "sleutelbos") {
		t.Errorf("imap wachtwoord without keyring: exit %d, %q", code, errOut)
	}
	_, errOut2, code := c.runEnv(noBus, "", "import-imap")
	if code != exitError || !strings.Contains(errOut2, "TERUGKEER_IMAP_PASSWORD") {
		t.Errorf("import-imap without password: exit %d, %q", code, errOut2)
	}
	if strings.Contains(stdout+errOut+errOut2, "Zeer-Geheim-42") {
		t.Error("password shown")
	}
	c.assertNotStored(t, "Zeer-Geheim-42")
}

// assertNotStored fails when the database holds secret: any file of its directory, or on
// PostgreSQL any row of any table.
func (c *cli) assertNotStored(t *testing.T, secret string) {
	t.Helper()
	if storage.IsURI(c.db) {
		if apptest.MarkerInRows(t, c.db, secret) {
			t.Error("the database holds the password")
		}
		return
	}
	assertNotInFiles(t, filepath.Dir(c.db), secret)
}

func assertNotInFiles(t *testing.T, dir, secret string) {
	t.Helper()
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error { //nolint:errcheck // reported inside
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err == nil && bytes.Contains(b, []byte(secret)) {
			t.Errorf("%s holds the password", filepath.Base(p))
		}
		return nil
	})
}

// dovecotAccount reads TERUGKEER_DOVECOT (scripts/dovecot.sh) or skips.
func dovecotAccount(t *testing.T) (host, port, user, pass, prefix string) {
	t.Helper()
	v := os.Getenv("TERUGKEER_DOVECOT")
	if v == "" {
		t.Skip("TERUGKEER_DOVECOT is niet gezet: de tests tegen een echte Dovecot worden overgeslagen (scripts/dovecot.sh, of make test)")
	}
	p := strings.SplitN(v, ":", 4)
	if len(p) != 4 {
		t.Fatal("TERUGKEER_DOVECOT moet HOST:POORT:GEBRUIKER:WACHTWOORD zijn")
	}
	b := make([]byte, 4)
	rand.Read(b) //nolint:errcheck // crypto/rand does not fail
	return p[0], p[1], p[2], p[3], "e" + hex.EncodeToString(b)
}

// imapConfig points the CLI's database at the test Dovecot, with folders of its own.
func imapConfig(c *cli, host, port, user, prefix string) {
	c.ok("init", "--gemeente", "0193")
	for _, kv := range [][2]string{{"server", host}, {"poort", port}, {"beveiliging", "geen"}, {"gebruiker", user},
		{"map", prefix + "-in"}, {"verwerkt", prefix + "-verwerkt"}, {"quarantaine", prefix + "-quarantaine"}} {
		c.ok("imap", "set", kv[0], kv[1])
	}
}

func dovecotClient(t *testing.T, host, port, user, pass string) *imapclient.Client {
	t.Helper()
	cl, err := imapclient.DialInsecure(host+":"+port, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := cl.Login(user, pass).Wait(); err != nil {
		t.Fatal(err)
	}
	return cl
}

func deliver(t *testing.T, cl *imapclient.Client, folder string, mails [][]byte) {
	t.Helper()
	if err := cl.Create(folder, nil).Wait(); err != nil {
		t.Fatal(err)
	}
	for _, m := range mails {
		cmd := cl.Append(folder, int64(len(m)), nil)
		cmd.Write(m) //nolint:errcheck // reported by Close/Wait
		if err := cmd.Close(); err != nil {
			t.Fatal(err)
		}
		if _, err := cmd.Wait(); err != nil {
			t.Fatal(err)
		}
	}
}

func count(t *testing.T, cl *imapclient.Client, folder string) uint32 {
	t.Helper()
	data, err := cl.Status(folder, &imap.StatusOptions{NumMessages: true}).Wait()
	if err != nil {
		return 0
	}
	return *data.NumMessages
}

// withMessageID counts the mails in folder with this Message-ID.
func withMessageID(t *testing.T, cl *imapclient.Client, folder, id string) int {
	t.Helper()
	if _, err := cl.Select(folder, &imap.SelectOptions{ReadOnly: true}).Wait(); err != nil {
		t.Fatal(err)
	}
	data, err := cl.UIDSearch(&imap.SearchCriteria{Header: []imap.SearchCriteriaHeaderField{{Key: "Message-ID", Value: id}}}, nil).Wait()
	if err != nil {
		t.Fatal(err)
	}
	return len(data.AllUIDs())
}

func mailWithXML(name string, xml []byte) []byte {
	enc := base64.StdEncoding.EncodeToString(xml)
	var lines []string
	for len(enc) > 76 {
		lines, enc = append(lines, enc[:76]), enc[76:]
	}
	lines = append(lines, enc)
	return []byte("From: noreply@agg.example.test\r\nSubject: Bericht\r\nMessage-ID: <" + name + "@e2e.terugkeer>\r\n" +
		"MIME-Version: 1.0\r\nContent-Type: application/xml\r\nContent-Transfer-Encoding: base64\r\n" +
		"Content-Disposition: attachment; filename=\"" + name + "\"\r\n\r\n" + strings.Join(lines, "\r\n") + "\r\n")
}

// The spec's examples through import-imap --json against Dovecot: the import's fields
// plus uid and map, then a second run that finds nothing.
func TestImportIMAPEndToEnd(t *testing.T) {
	host, port, user, pass, prefix := dovecotAccount(t)
	var mails [][]byte
	entries, _ := os.ReadDir(examples)
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(examples, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(e.Name(), ".xml") {
			b = mailWithXML(e.Name(), b)
		}
		mails = append(mails, b)
	}
	cl := dovecotClient(t, host, port, user, pass)
	defer cl.Close()
	deliver(t, cl, prefix+"-in", mails)
	c := newCLI(t)
	imapConfig(c, host, port, user, prefix)
	env := []string{"TERUGKEER_IMAP_PASSWORD=" + pass}
	out, errOut, code := c.runEnv(env, "", "import-imap", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %q", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 6 {
		t.Fatalf("%d lines: %q", len(lines), out)
	}
	byMap := map[string]int{}
	for _, l := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"bron", "kenmerk", "soort", "resultaat", "reden", "weggelaten_onderwerpen", "uid", "map"} {
			if _, ok := m[k]; !ok {
				t.Errorf("line %q lacks %q", l, k)
			}
		}
		byMap[m["map"].(string)+"/"+m["resultaat"].(string)]++
	}
	want := map[string]int{prefix + "-verwerkt/geimporteerd": 4, prefix + "-quarantaine/quarantaine": 1, prefix + "-in/geen-bericht": 1}
	if fmt.Sprint(byMap) != fmt.Sprint(want) {
		t.Errorf("results %v, want %v", byMap, want)
	}
	if strings.Contains(errOut, pass) {
		t.Error("stderr shows the password")
	}
	// The intrekking (04) revoked the informatieblad's schulden data: its mail is in no
	// folder any more; the notification stays in the mailbox read.
	if n := count(t, cl, prefix+"-verwerkt"); n != 3 {
		t.Errorf("%d mails in verwerkt, want 3", n)
	}
	for _, f := range []string{"-in", "-verwerkt", "-quarantaine"} {
		if n := withMessageID(t, cl, prefix+f, "280939701915570@agg.example.test"); n != 0 {
			t.Errorf("the revoked informatieblad's mail is still in %s%s", prefix, f)
		}
	}
	if n := withMessageID(t, cl, prefix+"-in", "42098360881386@agg.example.test"); n != 1 {
		t.Errorf("the notification is not in the mailbox read (%d)", n)
	}
	out, errOut, code = c.runEnv(env, "", "import-imap")
	if code != 0 || !strings.Contains(out, "0 geïmporteerd, 0 dubbel, 0 in quarantaine, 0 zonder bericht") || !strings.Contains(errOut, "Geen nieuwe berichten") {
		t.Errorf("second run: exit %d, %q, %q", code, out, errOut)
	}
	c.assertNotStored(t, pass)
}

// A terugkeer-cli import-imap killed (SIGKILL) after a few mails and started again ends
// with every message imported exactly once and every mail moved once.
func TestImportIMAPKilledEndToEnd(t *testing.T) {
	host, port, user, pass, prefix := dovecotAccount(t)
	tmpl, err := os.ReadFile(filepath.Join(examples, "01-melding-begin.xml"))
	if err != nil {
		t.Fatal(err)
	}
	const n = 60
	var mails [][]byte
	for v := 999990000; len(mails) < n; v++ {
		bsn := strconv.Itoa(v)
		if !app.ValidBSN(bsn) {
			continue
		}
		i := len(mails)
		x := strings.Replace(string(tmpl), "AGG-2019-000101", fmt.Sprintf("AGG-E2E-%04d", i), 1)
		x = strings.Replace(x, "999990019", bsn, 1)
		x = strings.Replace(x, "<skn>12345678</skn>", fmt.Sprintf("<skn>%d</skn>", 30000000+i), 1)
		mails = append(mails, mailWithXML(fmt.Sprintf("kill-%d", i), []byte(x)))
	}
	cl := dovecotClient(t, host, port, user, pass)
	defer cl.Close()
	deliver(t, cl, prefix+"-in", mails)
	c := newCLI(t)
	imapConfig(c, host, port, user, prefix)
	env := []string{"TERUGKEER_IMAP_PASSWORD=" + pass}

	cmd := exec.Command(c.bin, "--db", c.db, "import-imap", "--json")
	cmd.Env = append([]string{"HOME=" + t.TempDir(), "LANG=C"}, env...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stdout)
	seen := 0
	for seen < 3 && sc.Scan() {
		seen++
	}
	cmd.Process.Kill() //nolint:errcheck // it may have finished: then the test is weaker, not wrong
	cmd.Wait()         //nolint:errcheck // killed
	if seen < 3 {
		t.Fatalf("only %d lines before the kill", seen)
	}
	out, errOut, code := c.runEnv(env, "", "import-imap", "--json")
	if code != 0 {
		t.Fatalf("rerun: exit %d, %q", code, errOut)
	}
	dubbel := strings.Count(out, `"resultaat":"dubbel"`)
	if dubbel > 25 { // importers/mailbox moves up to 25 imported mails at once
		t.Errorf("%d dubbel after the kill, want at most the mails waiting for their move", dubbel)
	}
	var persons []json.RawMessage
	if err := json.Unmarshal([]byte(c.ok("persons", "--json")), &persons); err != nil {
		t.Fatal(err)
	}
	if len(persons) != n {
		t.Errorf("%d persons, want %d", len(persons), n)
	}
	if q := c.quarantine(); len(q) != 0 {
		t.Errorf("quarantine %+v", q)
	}
	if in, done := count(t, cl, prefix+"-in"), count(t, cl, prefix+"-verwerkt"); in != 0 || done != n {
		t.Errorf("%d mails left, %d in verwerkt; want 0 and %d", in, done, n)
	}
}
