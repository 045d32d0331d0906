package app

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
	_ "time/tzdata" // Europe/Amsterdam also where the system has no zone database (Windows)
)

// Setting keys.
const (
	SettingGemeenten = "gemeenten" // comma-separated CBS codes this installation serves
	SettingGebruiker = "gebruiker" // the user's name, for audit entries and PDFs
)

// Service is the application: every use case the CLI and the UI offer.
type Service struct {
	store Store
	dec   Decoder
	now   func() time.Time
}

// NewService wires a service. now is the clock (time.Now outside tests). Its readings
// are taken in Europe/Amsterdam whatever the computer's zone (a VDI server in UTC prints
// a 10:15 contact as 10:15), so "today", PDF headers and shown times agree everywhere.
func NewService(store Store, dec Decoder, now func() time.Time) *Service {
	return &Service{store: store, dec: dec, now: inZone(now)}
}

// inZone returns a clock that reads now in ZoneName. The zone database is embedded, so
// loading cannot fail short of a broken build; the reading is then left as it is.
func inZone(now func() time.Time) func() time.Time {
	loc, err := LoadZone()
	if err != nil {
		return now
	}
	return func() time.Time { return now().In(loc) }
}

// Now returns the service's clock reading, in Europe/Amsterdam.
func (s *Service) Now() time.Time { return s.now() }

// ParseGemeenten reads the gemeentecodes a user typed: four-digit CBS codes separated by
// commas, semicolons or spaces. The error is a ValidationError for FieldGemeenten.
func ParseGemeenten(s string) ([]string, error) {
	var codes []string
	for _, c := range splitGemeenten(s) {
		if !gemeenteCodeRe.MatchString(c) {
			return nil, invalid(FieldGemeenten, ProblemFormat, "een gemeentecode heeft vier cijfers (de CBS-code, bijvoorbeeld 0193)")
		}
		codes = append(codes, c)
	}
	if len(codes) == 0 {
		return nil, invalid(FieldGemeenten, ProblemMissing, "geef minstens één gemeentecode op")
	}
	return codes, nil
}

// WellFormedGemeenten returns the four-digit codes in s, each once, in the order typed,
// and skips what is no code yet: what a form can name while the list is being typed
// (ParseGemeenten refuses the whole list instead).
func WellFormedGemeenten(s string) []string {
	var codes []string
	for _, c := range splitGemeenten(s) {
		if gemeenteCodeRe.MatchString(c) && !slices.Contains(codes, c) {
			codes = append(codes, c)
		}
	}
	return codes
}

// splitGemeenten splits a typed list of gemeentecodes at commas, semicolons and spaces.
func splitGemeenten(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == ' ' })
}

// Init records the gemeenten this installation serves. It may be called again to change them.
func (s *Service) Init(ctx context.Context, gemeenten []string) error {
	var clean []string
	for _, g := range gemeenten {
		g = strings.TrimSpace(g)
		if !gemeenteCodeRe.MatchString(g) {
			return fmt.Errorf("%q is geen gemeentecode van vier cijfers (CBS-code, bijvoorbeeld 0193)", g)
		}
		clean = append(clean, g)
	}
	if len(clean) == 0 {
		return fmt.Errorf("geef minstens één gemeentecode op")
	}
	return s.store.Update(ctx, func(tx Tx) error {
		if _, err := tx.SecretKey(); err != nil {
			return err
		}
		if err := tx.SetSetting(SettingGemeenten, strings.Join(clean, ",")); err != nil {
			return err
		}
		return s.auditSetting(tx, SettingGemeenten)
	})
}

// Gemeenten returns the configured gemeente codes, or ErrNotInitialised.
func (s *Service) Gemeenten(ctx context.Context) ([]string, error) {
	v, err := read(ctx, s.store, func(tx ReadTx) (string, error) { return tx.Setting(SettingGemeenten) })
	if err != nil {
		return nil, err
	}
	if v == "" {
		return nil, ErrNotInitialised
	}
	return strings.Split(v, ","), nil
}

// Setting returns a setting's value ("" when unset).
func (s *Service) Setting(ctx context.Context, key string) (string, error) {
	return read(ctx, s.store, func(tx ReadTx) (string, error) { return tx.Setting(key) })
}

// SetSetting stores a setting; the change is audited (the key, never the value).
func (s *Service) SetSetting(ctx context.Context, key, value string) error {
	return s.store.Update(ctx, func(tx Tx) error {
		if err := tx.SetSetting(key, value); err != nil {
			return err
		}
		return s.auditSetting(tx, key)
	})
}
