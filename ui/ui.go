// Package ui holds the window content of the Terugkeer desktop app. It builds on Fyne's
// widgets but never creates the app itself (only cmd/terugkeer imports fyne/v2/app), so
// every screen can be tested headless with fyne.io/fyne/v2/test.
package ui

import (
	"context"
	"time"

	"github.com/terugkeer/terugkeer/app"
)

// Each screen talks to the application through its own small interface below; the
// window (NewShell) takes Service, which embeds them all. *app.Service satisfies every
// one (cmd/terugkeer asserts it). Tests use the real service on a temporary database, or
// a fake that embeds Service for what it does not need.

// Clock is the service's clock: what "today" is on every screen.
type Clock interface {
	Now() time.Time
}

// GemeenteSetup is what a database without gemeenten asks before anything else (the
// welcome on the Overzicht, an import, the examples): whether it has them, and saving them.
type GemeenteSetup interface {
	Gemeenten(ctx context.Context) ([]string, error)
	Init(ctx context.Context, gemeenten []string) error
}

// Importer imports one message.
type Importer interface {
	ImportBytes(ctx context.Context, bron, messageID string, raw []byte) ([]app.Result, error)
}

// OverviewService is what the Overzicht needs.
type OverviewService interface {
	Clock
	GemeenteSetup
	Dashboard(ctx context.Context, now time.Time, days int) (*app.Dashboard, error)
	MarkSeen(ctx context.Context, now time.Time) error
	Persons(ctx context.Context, q app.PersonQuery) ([]app.PersonRow, error)
}

// PersonsService is what Personen needs: the list a page at a time, its count, and the
// example messages of the empty state.
type PersonsService interface {
	Clock
	GemeenteSetup
	Importer
	PersonList(ctx context.Context, q app.PersonQuery) ([]app.PersonListRow, error)
	CountPersons(ctx context.Context, q app.PersonQuery) (int, error)
}

// PersonService is what one person's file needs: reading it, the follow-up, contacts,
// notes and the traject, the controle decisions and who looked at it.
type PersonService interface {
	Clock
	PersonFile(ctx context.Context, id int64) (*app.PersonFile, error)
	CloseTraject(ctx context.Context, personID int64, u app.Uitkomst, on app.Date) error
	ReopenTraject(ctx context.Context, personID int64) error
	RemovePerson(ctx context.Context, id int64) error
	SetFollowup(ctx context.Context, personID int64, d app.Domain, e app.FollowupEdit) (app.Followup, error)
	AddContact(ctx context.Context, personID int64, c app.ContactMoment) (app.ContactMoment, error)
	CorrectContact(ctx context.Context, personID, contactID int64, e app.ContactEdit) (app.ContactMoment, error)
	RemoveContact(ctx context.Context, personID, contactID int64) error
	CorrectStatus(ctx context.Context, personID int64, d app.Domain, s app.FollowupStatus, versie *time.Time) (app.Followup, error)
	RemoveStatus(ctx context.Context, personID int64, d app.Domain, versie *time.Time) (app.Followup, error)
	RemoveAction(ctx context.Context, personID int64, d app.Domain, versie *time.Time) (app.Followup, error)
	AddNote(ctx context.Context, personID int64, d app.Domain, tekst string) (app.Note, error)
	CorrectNote(ctx context.Context, personID, noteID int64, tekst string) (app.Note, error)
	RemoveNote(ctx context.Context, personID, noteID int64) error
	// DecideSame and DecideOther decide a message held for controle (app.Held.ID).
	DecideSame(ctx context.Context, id int64) (app.Result, error)
	DecideOther(ctx context.Context, id int64) (app.Result, error)
	PersonAccess(ctx context.Context, id int64, limit int) (app.PersonAccessLog, error)
}

// ActionsService is what Mijn acties needs.
type ActionsService interface {
	Setting(ctx context.Context, key string) (string, error)
	PlannedActions(ctx context.Context, q app.ActionQuery) (app.ActionList, error)
}

// ImportService is what Importeren needs: files and the mailbox.
type ImportService interface {
	GemeenteSetup
	Importer
	MailboxSettings(ctx context.Context) (app.MailboxSettings, error)
}

// QuarantineService is what Quarantaine needs.
type QuarantineService interface {
	QuarantineList(ctx context.Context) ([]app.Quarantined, error)
	QuarantineItem(ctx context.Context, id int64) (*app.Quarantined, error)
	Retry(ctx context.Context, id int64) ([]app.Result, error)
	Discard(ctx context.Context, id int64) error
}

// AuditService is what the Logboek needs.
type AuditService interface {
	Clock
	AuditLog(ctx context.Context, f app.AuditFilter) ([]app.AuditEntry, error)
	VerifyAudit(ctx context.Context) (app.AuditCheck, error)
	AuditPersons(ctx context.Context, ids []int64) (map[int64]app.AuditPerson, error)
	Persons(ctx context.Context, q app.PersonQuery) ([]app.PersonRow, error)
}

// SettingsService is what Instellingen needs: the gemeenten and the user, the retention
// terms and the mailbox.
type SettingsService interface {
	Clock
	Init(ctx context.Context, gemeenten []string) error
	Setting(ctx context.Context, key string) (string, error)
	SetSetting(ctx context.Context, key, value string) error
	RetentionTerms(ctx context.Context) (app.RetentionTerms, error)
	SetRetentionTerm(ctx context.Context, key, value string) error
	PreviewRetentionTerms(ctx context.Context, now time.Time, changes map[string]string) (app.RetentionReport, error)
	MailboxSettings(ctx context.Context) (app.MailboxSettings, error)
	SaveMailboxSettings(ctx context.Context, ms app.MailboxSettings) error
}

// ShellService is what the window itself needs besides its screens: the retention run
// while the app is open, and finding the person a start-up screen names (OpenScreen).
type ShellService interface {
	Clock
	RunRetentionProgress(ctx context.Context, now time.Time, dryRun bool, progress app.RetentionProgress) (app.RetentionReport, error)
	Persons(ctx context.Context, q app.PersonQuery) ([]app.PersonRow, error)
}

// Service is everything the window needs: every screen's interface.
type Service interface {
	ShellService
	OverviewService
	PersonsService
	PersonService
	ActionsService
	ImportService
	QuarantineService
	AuditService
	SettingsService
}

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
