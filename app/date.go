package app

import (
	"fmt"
	"time"
)

// Date is a calendar date without time of day or zone, as used in the message
// format (YYYY-MM-DD). The zero Date means "unknown".
type Date struct {
	t time.Time // always midnight UTC; zero when unknown
}

// DateLayout is the wire and storage format of a Date.
const DateLayout = "2006-01-02"

// ParseDate reads a YYYY-MM-DD date; it rejects impossible dates (2019-02-29).
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		return Date{}, fmt.Errorf("ongeldige datum %q: %w", s, err)
	}
	return Date{t: t}, nil
}

// MustDate is ParseDate for constants in tests and generators; it panics on bad input.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// DateOf returns the calendar date of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{t: time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// NewDate builds a Date from its parts.
func NewDate(y int, m time.Month, d int) Date {
	return Date{t: time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d.t.IsZero() }

// String formats as YYYY-MM-DD, or "" when unknown.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format(DateLayout)
}

// Dutch formats as dd-mm-jjjj for screens and PDFs, or "" when unknown.
func (d Date) Dutch() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format("02-01-2006")
}

// Before reports whether d is strictly before e.
func (d Date) Before(e Date) bool { return d.t.Before(e.t) }

// After reports whether d is strictly after e.
func (d Date) After(e Date) bool { return d.t.After(e.t) }

// Equal reports whether d and e are the same day.
func (d Date) Equal(e Date) bool { return d.t.Equal(e.t) }

// AddDays returns d plus n days.
func (d Date) AddDays(n int) Date { return Date{t: d.t.AddDate(0, 0, n)} }

// AddMonths returns d plus n calendar months (time.AddDate normalisation).
func (d Date) AddMonths(n int) Date { return Date{t: d.t.AddDate(0, n, 0)} }

// DaysUntil returns the number of calendar days from d to e (negative when e is earlier).
// Both are UTC midnights, so daylight saving time never shifts the count.
func (d Date) DaysUntil(e Date) int {
	return int(e.t.Sub(d.t).Hours() / 24)
}

// Time returns the date as midnight UTC.
func (d Date) Time() time.Time { return d.t }
