package demo

import (
	"context"

	"github.com/terugkeer/terugkeer/app"
)

// TxStore is an app.Store whose every Update and View runs inside one transaction that
// is already open. A Service on it applies exactly the rules of a normal import (the
// same code, in the same order), but many messages share one commit: the bulk path of
// `terugkeer-cli demo`. Only for generated, valid messages: a failing message is not
// rolled back on its own, so the caller must roll the whole batch back.
type TxStore struct{ Tx app.Tx }

var _ app.Store = TxStore{}

// Update runs fn in the open transaction.
func (s TxStore) Update(_ context.Context, fn func(app.Tx) error) error { return fn(s.Tx) }

// View runs fn in the open transaction.
func (s TxStore) View(_ context.Context, fn func(app.ReadTx) error) error { return fn(s.Tx) }

// Close does nothing: the transaction belongs to the caller.
func (TxStore) Close() error { return nil }
