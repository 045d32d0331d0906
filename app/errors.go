package app

import (
	"errors"
	"fmt"
)

// InvalidMessageError says why a message cannot be imported, as one Dutch sentence
// that contains no personal data. Messages with this error go to quarantine.
type InvalidMessageError struct {
	Reden string
}

func (e *InvalidMessageError) Error() string { return e.Reden }

// Invalid builds an InvalidMessageError with a formatted reason.
func Invalid(format string, args ...any) error {
	return &InvalidMessageError{Reden: fmt.Sprintf(format, args...)}
}

// AsInvalid returns the InvalidMessageError in err's chain, if any.
func AsInvalid(err error) (*InvalidMessageError, bool) {
	var ie *InvalidMessageError
	ok := errors.As(err, &ie)
	return ie, ok
}

// ErrNotFound is returned when a requested record does not exist.
var ErrNotFound = errors.New("niet gevonden")

// ErrNotInitialised is returned when the database has no gemeente configured yet.
var ErrNotInitialised = errors.New("de database is nog niet ingericht: voer eerst 'init --gemeente CODE' uit")
