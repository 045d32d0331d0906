package app

import "context"

// read runs one query in a read transaction and returns its result.
func read[T any](ctx context.Context, store Store, fn func(ReadTx) (T, error)) (T, error) {
	var out T
	err := store.View(ctx, func(tx ReadTx) error {
		var err error
		out, err = fn(tx)
		return err
	})
	return out, err
}
