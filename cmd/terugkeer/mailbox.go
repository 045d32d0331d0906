package main

import (
	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/ui"
)

// newMailbox wires the IMAP import into the UI; nil until importers/mailbox offers it.
func newMailbox(*app.Service) ui.Mailbox { return nil }
