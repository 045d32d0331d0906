// Package ui holds the window content of the Terugkeer desktop app. It builds on Fyne's
// widgets but never creates the app itself (only cmd/terugkeer imports fyne/v2/app), so
// every screen can be tested headless with fyne.io/fyne/v2/test.
package ui

import (
	"context"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

// Service is what the screens need of *app.Service. Tests use the real service on a
// temporary database, or a fake that embeds this interface for what it does not need.
type Service interface {
	Now() time.Time

	Persons(ctx context.Context, q app.PersonQuery) ([]app.PersonRow, error)
	PersonList(ctx context.Context, q app.PersonQuery) ([]app.PersonListRow, error)
	CountPersons(ctx context.Context, q app.PersonQuery) (int, error)
	PersonFile(ctx context.Context, id int64) (*app.PersonFile, error)
	CloseTraject(ctx context.Context, personID int64, u app.Uitkomst, on app.Date) error
	RemovePerson(ctx context.Context, id int64) error
	SetFollowup(ctx context.Context, personID int64, d app.Domain, e app.FollowupEdit) (app.Followup, error)
	AddContact(ctx context.Context, personID int64, c app.ContactMoment) (app.ContactMoment, error)
	CorrectContact(ctx context.Context, personID, contactID int64, e app.ContactEdit) (app.ContactMoment, error)
	RemoveContact(ctx context.Context, personID, contactID int64) error
	CorrectStatus(ctx context.Context, personID int64, d app.Domain, s app.FollowupStatus, versie *time.Time) (app.Followup, error)
	RemoveStatus(ctx context.Context, personID int64, d app.Domain, versie *time.Time) (app.Followup, error)
	RemoveAction(ctx context.Context, personID int64, d app.Domain, versie *time.Time) (app.Followup, error)
	ReopenTraject(ctx context.Context, personID int64) error
	AddNote(ctx context.Context, personID int64, d app.Domain, tekst string) (app.Note, error)
	CorrectNote(ctx context.Context, personID, noteID int64, tekst string) (app.Note, error)
	RemoveNote(ctx context.Context, personID, noteID int64) error
	PlannedActions(ctx context.Context, q app.ActionQuery) (app.ActionList, error)
	// DecideSame and DecideOther decide a message held for controle (app.Held.ID).
	DecideSame(ctx context.Context, id int64) (app.Result, error)
	DecideOther(ctx context.Context, id int64) (app.Result, error)

	ImportBytes(ctx context.Context, bron, messageID string, raw []byte) ([]app.Result, error)
	QuarantineList(ctx context.Context) ([]app.Quarantined, error)
	QuarantineItem(ctx context.Context, id int64) (*app.Quarantined, error)
	Retry(ctx context.Context, id int64) ([]app.Result, error)
	Discard(ctx context.Context, id int64) error

	Dashboard(ctx context.Context, now time.Time, days int) (*app.Dashboard, error)
	MarkSeen(ctx context.Context, now time.Time) error

	AuditLog(ctx context.Context, f app.AuditFilter) ([]app.AuditEntry, error)
	VerifyAudit(ctx context.Context) (app.AuditCheck, error)
	AuditPersons(ctx context.Context, ids []int64) (map[int64]app.AuditPerson, error)
	PersonAccess(ctx context.Context, id int64, limit int) (app.PersonAccessLog, error)

	Gemeenten(ctx context.Context) ([]string, error)
	Init(ctx context.Context, gemeenten []string) error
	Setting(ctx context.Context, key string) (string, error)
	SetSetting(ctx context.Context, key, value string) error
	RetentionTerms(ctx context.Context) (app.RetentionTerms, error)
	SetRetentionTerm(ctx context.Context, key, value string) error
	PreviewRetentionTerms(ctx context.Context, now time.Time, changes map[string]string) (app.RetentionReport, error)
	RunRetention(ctx context.Context, now time.Time, dryRun bool) (app.RetentionReport, error)
	MailboxSettings(ctx context.Context) (app.MailboxSettings, error)
	SaveMailboxSettings(ctx context.Context, ms app.MailboxSettings) error
}

var _ Service = (*app.Service)(nil)

// PDFWriter writes the PDF overview of one person to the file path, mode 0600, whole or
// not at all (cmd/terugkeer wires app.Service.PersonReport and report.WriteFile; ui
// itself talks only to app).
type PDFWriter func(ctx context.Context, personID int64, path string) error

// ListWriter writes a list (app.Service.ListReport) to path as the release-list PDF
// or, with csv, as CSV, whole or not at all and readable by its owner only
// (cmd/terugkeer wires app.Service.ListReport and report.WriteListFile).
type ListWriter func(ctx context.Context, req app.ListRequest, csv bool, path string) error

// Example is one example message the empty state offers to import.
type Example struct {
	Name string // the source it is imported as, e.g. "voorbeelden-v2/02-dr-plan.eml"
	Data []byte
}

// ExampleGemeente is the gemeente the spec's example messages are addressed to; an
// uninitialised database is set up for it before the examples are imported.
const ExampleGemeente = "0193"
