package main

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"
)

// retention run says how far it is while it removes a backlog: when it has found the
// expired persons, at most every two seconds after that, and at the last one; counts
// only.
func TestRetentionProgressIsThrottled(t *testing.T) {
	var stderr bytes.Buffer
	clock := time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)
	progress := retentionProgress(&env{stderr: &stderr}, func() time.Time { return clock })
	for done := 0; done <= 74451; done = min(done+250, 74451) {
		progress(done, 74451)
		clock = clock.Add(500 * time.Millisecond) // a batch of 250 every half second
		if done == 74451 {
			break
		}
	}
	lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
	if first := "retention run: 0 van 74.451 personen met een verstreken bewaartermijn verwerkt"; lines[0] != first {
		t.Errorf("first line %q, want %q", lines[0], first)
	}
	if last := "retention run: 74.451 van 74.451 personen met een verstreken bewaartermijn verwerkt"; lines[len(lines)-1] != last {
		t.Errorf("last line %q, want %q", lines[len(lines)-1], last)
	}
	// 298 batches over ~149 s: a line every 2 s, not one per batch.
	if len(lines) < 70 || len(lines) > 80 {
		t.Errorf("%d progress lines for 149 s of work, want one every 2 s", len(lines))
	}
}

// The real command on a generated caseload whose terms have all ended: progress on
// stderr (digits and fixed words only), the report on stdout as before.
func TestRetentionRunReportsProgressEndToEnd(t *testing.T) {
	c := newCLI(t)
	c.ok("demo", "--personen", "300", "--seed", "3", "--nu", "2025-06-01")
	out, errOut, code := c.run("retention", "run", "--nu", "2045-01-01")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	m := regexp.MustCompile(`(?m)^\s*personen: (\d+) `).FindStringSubmatch(out)
	if m == nil || m[1] == "0" {
		t.Fatalf("nothing removed: %q", out)
	}
	n := m[1]
	for _, want := range []string{"retention run: 0 van " + n + " personen", "retention run: " + n + " van " + n + " personen"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q: %q", want, errOut)
		}
	}
	if bad := regexp.MustCompile(`[^a-z0-9 .:\n]`).FindString(errOut); bad != "" {
		t.Errorf("stderr holds %q, more than counts and fixed words: %q", bad, errOut)
	}
}
