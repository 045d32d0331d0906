package sqlstore

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

// timeLayout is RFC 3339 in UTC with a fixed nine-digit fraction, so stored times sort
// correctly as text and round-trip to the nanosecond.
const timeLayout = "2006-01-02T15:04:05.000000000Z07:00"

// TimeValue is the stored form of t: NULL when zero.
func TimeValue(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format(timeLayout)
}

// SinceValue is the stored form of t as a lower bound, for "stored time > ?": "" (before
// every stored time) when t is zero.
func SinceValue(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(timeLayout)
}

// DateValue is the stored form of d: NULL when unknown.
func DateValue(d app.Date) any {
	if d.IsZero() {
		return nil
	}
	return d.String()
}

// TextValue stores "" as NULL, for optional identifiers.
func TextValue(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// ParseTime reads a time stored by TimeValue; NULL is the zero time.
func ParseTime(s sql.NullString) (time.Time, error) {
	if !s.Valid || s.String == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s.String)
	if err != nil {
		return time.Time{}, fmt.Errorf("opgeslagen tijdstip onleesbaar: %w", err)
	}
	return t.UTC(), nil
}

// ParseDate reads a date stored by DateValue; NULL is the zero date.
func ParseDate(s sql.NullString) (app.Date, error) {
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

// DetentionArgs are the stored values of d's columns person_id, inrichting_code,
// inrichting, begindatum, einddatum, einddatum_status and verzonden, in that order.
func DetentionArgs(d *app.Detention) []any {
	return []any{d.PersonID, d.InrichtingCode, d.Inrichting, DateValue(d.Begindatum),
		DateValue(d.Einddatum), d.EinddatumStatus, TimeValue(d.Verzonden)}
}

// JoinDomains is the stored form of a list of domains: comma-separated.
func JoinDomains(ds []app.Domain) string {
	s := make([]string, len(ds))
	for i, d := range ds {
		s[i] = string(d)
	}
	return strings.Join(s, ",")
}

// SplitDomains reads a list stored by JoinDomains.
func SplitDomains(s string) []app.Domain {
	if s == "" {
		return nil
	}
	var out []app.Domain
	for _, p := range strings.Split(s, ",") {
		out = append(out, app.Domain(p))
	}
	return out
}
