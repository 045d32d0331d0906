// Package ui holds the window content of the Terugkeer desktop app. It builds on Fyne's
// widgets but never creates the app itself (only cmd/terugkeer imports fyne/v2/app), so
// every screen can be tested headless with fyne.io/fyne/v2/test.
package ui

import (
	"context"

	"github.com/terugkeer/terugkeer/app"
)

// Service is what the screens need of *app.Service. Tests pass a fake.
type Service interface {
	Persons(ctx context.Context, q app.PersonQuery) ([]app.PersonRow, error)
	ImportBytes(ctx context.Context, bron, messageID string, raw []byte) ([]app.Result, error)
	Gemeenten(ctx context.Context) ([]string, error)
	Init(ctx context.Context, gemeenten []string) error
}

var _ Service = (*app.Service)(nil)

// Example is one example message the empty state offers to import.
type Example struct {
	Name string
	Data []byte
}

// ExampleGemeente is the gemeente the spec's example messages are addressed to; an
// uninitialised database is set up for it before the examples are imported.
const ExampleGemeente = "0193"
