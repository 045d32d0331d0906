package main

import (
	"fmt"
	"testing"

	"github.com/terugkeer/terugkeer/app"
)

// A fetch refused because a colleague fetches (issue 16) is said in one Dutch sentence.
func TestImportBusyWorded(t *testing.T) {
	want := "Een collega haalt het postvak al op; probeer het over een paar minuten opnieuw."
	if got := dutchError(fmt.Errorf("postvak: %w", app.ErrImportBusy)); got != want {
		t.Errorf("dutchError = %q, want %q", got, want)
	}
}
