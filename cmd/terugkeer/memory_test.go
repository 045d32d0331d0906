package main

import "testing"

func TestMemoryLimit(t *testing.T) {
	env := func(v string) func(string) string {
		return func(k string) string {
			if k == "GOMEMLIMIT" {
				return v
			}
			return ""
		}
	}
	if got := memoryLimit(env("")); got != desktopMemoryLimit {
		t.Errorf("without GOMEMLIMIT: limit %d, want %d", got, desktopMemoryLimit)
	}
	for _, v := range []string{"off", "200MiB"} {
		if got := memoryLimit(env(v)); got != 0 {
			t.Errorf("GOMEMLIMIT=%s: limit %d, want the runtime's (0)", v, got)
		}
	}
}
