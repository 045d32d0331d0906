package app_test

import (
	"fmt"
	"testing"

	"github.com/terugkeer/terugkeer/app"
)

// orders returns every order of the indexes 0..n-1.
func orders(n int) [][]int {
	if n == 1 {
		return [][]int{{0}}
	}
	var out [][]int
	for _, rest := range orders(n - 1) {
		for i := 0; i <= len(rest); i++ {
			o := append(append(append([]int{}, rest[:i]...), n-1), rest[i:]...)
			out = append(out, o)
		}
	}
	return out
}

// The v1 precision through the real store (the ledger's merge in SQL, the consent-state
// copy, the purge): a domain that an informatieblad consented to and a newer one no
// longer does is ingetrokken, not nee, in every arrival order; its data is gone.
func TestWithdrawalIsIngetrokkenInEveryOrderOnDisk(t *testing.T) {
	const bsn = "999990019"
	cases := []struct {
		name string
		msgs []func() string
		want app.ConsentState
	}{
		{"consent, then a newer sheet without it", []func() string{
			func() string { return sheet(bsn, "Berg", "2019-06-03", "mrkA", app.Schulden, app.Onderdak) },
			func() string { return sheet(bsn, "Berg", "2019-08-01", "mrkB", app.Onderdak) },
		}, app.ConsentIngetrokken},
		{"consent, withdrawn, still withheld later", []func() string{
			func() string { return sheet(bsn, "Berg", "2019-06-03", "mrkA", app.Schulden, app.Onderdak) },
			func() string { return sheet(bsn, "Berg", "2019-07-01", "mrkB", app.Onderdak) },
			func() string { return sheet(bsn, "Berg", "2019-08-01", "mrkC", app.Onderdak) },
		}, app.ConsentIngetrokken},
		{"never given", []func() string{
			func() string { return sheet(bsn, "Berg", "2019-06-03", "mrkA", app.Onderdak) },
			func() string { return sheet(bsn, "Berg", "2019-08-01", "mrkB", app.Onderdak) },
		}, app.ConsentNee},
		{"given again after the withdrawal", []func() string{
			func() string { return sheet(bsn, "Berg", "2019-06-03", "mrkA", app.Schulden, app.Onderdak) },
			func() string { return sheet(bsn, "Berg", "2019-07-01", "mrkB", app.Onderdak) },
			func() string { return sheet(bsn, "Berg", "2019-08-01", "mrkC", app.Schulden, app.Onderdak) },
		}, app.ConsentJa},
	}
	for _, c := range cases {
		for _, order := range orders(len(c.msgs)) {
			name := fmt.Sprintf("%s %v", c.name, order)
			w := newWorld(t)
			for _, i := range order {
				w.importXML(c.msgs[i]())
			}
			f := w.file(w.personID(bsn))
			got := f.Domeinen[app.Schulden]
			if got.Toestemming != c.want {
				t.Errorf("%s: schulden %s, want %s", name, got.Toestemming, c.want)
			}
			if c.want != app.ConsentJa && (!got.Data.Empty() || w.onDisk("mrkA-schulden")) {
				t.Errorf("%s: withdrawn schulden data still held", name)
			}
			if c.want == app.ConsentJa && got.Data.Empty() {
				t.Errorf("%s: new consent stored nothing", name)
			}
			w.checkConsentCopy()
		}
	}
}
