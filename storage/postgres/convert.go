package postgres

import (
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

// timeLayout is RFC 3339 in UTC with a fixed nine-digit fraction, so stored times sort
// correctly as text and round-trip to the nanosecond.
const timeLayout = "2006-01-02T15:04:05.000000000Z07:00"

// timeValue is the stored form of t: NULL when zero.
func timeValue(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format(timeLayout)
}

// dateValue is the stored form of d: NULL when unknown.
func dateValue(d app.Date) any {
	if d.IsZero() {
		return nil
	}
	return d.String()
}

// textValue stores "" as NULL, for optional identifiers.
func textValue(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func parseTime(s sql.NullString) (time.Time, error) {
	if !s.Valid || s.String == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s.String)
	if err != nil {
		return time.Time{}, fmt.Errorf("opgeslagen tijdstip onleesbaar: %w", err)
	}
	return t.UTC(), nil
}

func parseDate(s sql.NullString) (app.Date, error) {
	if !s.Valid || s.String == "" {
		return app.Date{}, nil
	}
	d, err := app.ParseDate(s.String)
	if err != nil {
		// ParseDate quotes the value, which may be a date of birth: keep it out.
		return app.Date{}, errors.New("opgeslagen datum onleesbaar")
	}
	return d, nil
}
