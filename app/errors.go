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

// ValidationError is input the user can correct. Field names the form field (a Field*
// code) and Code the problem (a Problem* code), so that each edge words it in its own
// sentence; Msg is app's Dutch sentence, which the CLI prints. None of them echoes the
// field's content.
type ValidationError struct {
	Field string
	Code  string
	Limit int // the maximum length, for ProblemTooLong
	Msg   string
}

func (e *ValidationError) Error() string { return e.Msg }

// The fields a ValidationError can name.
const (
	FieldStatus            = "status"
	FieldVerantwoordelijke = "verantwoordelijke"
	FieldActie             = "actie"
	FieldActiedatum        = "actiedatum"
	FieldDatum             = "datum"
	FieldTijd              = "tijd"
	FieldMet               = "met"
	FieldNotitie           = "notitie"
	FieldGemeenten         = "gemeenten"
	FieldAantekening       = "aantekening"
)

// The problems a ValidationError can name.
const (
	ProblemMissing      = "ontbreekt"        // the field needs a value
	ProblemTooLong      = "te-lang"          // more than Limit characters
	ProblemInvalidChars = "ongeldige-tekens" // not valid UTF-8
	ProblemFuture       = "toekomst"         // a moment after now
	ProblemNothing      = "niets"            // the edit changes nothing
	ProblemFormat       = "vorm"             // not in the required form (e.g. four digits)
	// ProblemNotTeamMember: on a team database the verantwoordelijke is not one of the
	// team's login roles (Service.TeamMembers).
	ProblemNotTeamMember = "geen-teamlid"
)

func invalid(field, code, format string, args ...any) error {
	return &ValidationError{Field: field, Code: code, Msg: fmt.Sprintf(format, args...)}
}
