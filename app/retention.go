package app

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Term is a retention term: a number of days, months or years ("30d", "9m", "5j").
type Term struct {
	N    int
	Unit byte // 'd', 'm' or 'j'
}

// ParseTerm reads a term such as 30d, 9m or 5j (dagen, maanden, jaren).
func ParseTerm(s string) (Term, error) {
	s = strings.TrimSpace(strings.ToLower(s))
	bad := fmt.Errorf("%q is geen geldige termijn: gebruik een getal met d, m of j, bijvoorbeeld 9m of 5j", s)
	if len(s) < 2 {
		return Term{}, bad
	}
	unit := s[len(s)-1]
	n, err := strconv.Atoi(s[:len(s)-1])
	if err != nil || n <= 0 || n > 100*366 || !strings.ContainsRune("dmj", rune(unit)) {
		return Term{}, bad
	}
	return Term{N: n, Unit: unit}, nil
}

func (t Term) String() string { return strconv.Itoa(t.N) + string(t.Unit) }

// Dutch is the term in words, e.g. "9 maanden".
func (t Term) Dutch() string {
	words := map[byte][2]string{'d': {"dag", "dagen"}, 'm': {"maand", "maanden"}, 'j': {"jaar", "jaar"}}[t.Unit]
	if t.N == 1 {
		return "1 " + words[0]
	}
	return strconv.Itoa(t.N) + " " + words[1]
}

// after returns d plus the term. Months and years end on the same day of the month,
// or on the month's last day when it is shorter (31 januari + 1 maand = 28 of 29
// februari), so that a later date never expires earlier.
func (t Term) after(d Date) Date {
	switch t.Unit {
	case 'd':
		return d.AddDays(t.N)
	case 'm':
		return addMonthsClamped(d, t.N)
	}
	return addMonthsClamped(d, 12*t.N)
}

func addMonthsClamped(d Date, n int) Date {
	y, m, day := d.Time().Date()
	first := time.Date(y, m+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return NewDate(first.Year(), first.Month(), min(day, last))
}

// Expired reports whether something dated ref has outlived the term on day today: the
// term ends on ref plus the term, and from that day on it is destroyed.
func (t Term) Expired(ref, today Date) bool {
	return !ref.IsZero() && !today.Before(t.after(ref))
}

// Retention term keys (settings "bewaartermijn.<key>").
const (
	TermZonderMaatregelen = "afgesloten-zonder-maatregelen"
	TermMetMaatregelen    = "afgesloten-met-maatregelen"
	TermNietGestart       = "niet-gestart"
	TermQuarantaine       = "quarantaine"
	TermLogboek           = "logboek"
	TermRegister          = "toestemmingsregister"
)

// TermInfo describes one retention term.
type TermInfo struct {
	Key          string
	Default      Term
	Omschrijving string // Dutch, for retention show
	Bron         string // where the default comes from
}

// TermInfos lists the retention terms in a fixed order.
func TermInfos() []TermInfo {
	return []TermInfo{
		{TermZonderMaatregelen, Term{9, 'm'}, "traject afgesloten zonder maatregelen, na de datum van afsluiten",
			"Selectielijst gemeenten 2020, resultaat 19.20"},
		{TermMetMaatregelen, Term{5, 'j'}, "traject afgesloten met maatregelen, na de datum van afsluiten",
			"Selectielijst gemeenten 2020, resultaat 19.21"},
		{TermNietGestart, Term{9, 'm'}, "traject nooit in behandeling genomen, na de laatste bekende einddatum " +
			"van detentie (of het laatste bericht als die er niet is)", "naar analogie van resultaat 19.20"},
		{TermQuarantaine, Term{3, 'm'}, "bericht in quarantaine, na ontvangst", "eigen keuze: tijd om te herstellen"},
		{TermLogboek, Term{5, 'j'}, "regel in het verwerkingenlogboek, na het tijdstip van de regel",
			"verantwoording, gelijk aan 19.21"},
		{TermRegister, Term{5, 'j'}, "toestemmings- en intrekkingsregister (gesleuteld) en berichtkenmerken " +
			"van verwijderde personen, na de laatste datum erin", "nodig voor consentregel 4; gelijk aan het logboek"},
	}
}

func termInfo(key string) (TermInfo, bool) {
	i := slices.IndexFunc(TermInfos(), func(t TermInfo) bool { return t.Key == key })
	if i < 0 {
		return TermInfo{}, false
	}
	return TermInfos()[i], true
}

const termSettingPrefix = "bewaartermijn."

// RetentionTerms maps term keys to terms.
type RetentionTerms map[string]Term

func loadTerms(tx ReadTx) (RetentionTerms, error) {
	out := RetentionTerms{}
	for _, ti := range TermInfos() {
		v, err := tx.Setting(termSettingPrefix + ti.Key)
		if err != nil {
			return nil, err
		}
		out[ti.Key] = ti.Default
		if v == "" {
			continue
		}
		t, err := ParseTerm(v)
		if err != nil {
			return nil, fmt.Errorf("bewaartermijn %s is onleesbaar opgeslagen", ti.Key)
		}
		out[ti.Key] = t
	}
	return out, nil
}

// RetentionTerms returns the configured terms (defaults where none is set).
func (s *Service) RetentionTerms(ctx context.Context) (RetentionTerms, error) {
	return read(ctx, s.store, func(tx ReadTx) (RetentionTerms, error) { return loadTerms(tx) })
}

// SetRetentionTerm changes one term; the change is audited.
func (s *Service) SetRetentionTerm(ctx context.Context, key, value string) error {
	t, err := parseTermSetting(key, value)
	if err != nil {
		return err
	}
	return s.store.Update(ctx, func(tx Tx) error {
		if err := tx.SetSetting(termSettingPrefix+key, t.String()); err != nil {
			return err
		}
		return s.auditSetting(tx, termSettingPrefix+key)
	})
}

func parseTermSetting(key, value string) (Term, error) {
	if _, ok := termInfo(key); !ok {
		var keys []string
		for _, ti := range TermInfos() {
			keys = append(keys, ti.Key)
		}
		return Term{}, fmt.Errorf("onbekende bewaartermijn %q; kies uit %s", key, strings.Join(keys, ", "))
	}
	return ParseTerm(value)
}

// PreviewRetentionTerms says what changing the terms (key → value) would destroy at once:
// what a retention run on now would remove with the changed terms beyond what it would
// remove with today's. Nothing is changed or removed; the window asks for confirmation
// with it before a shorter term is saved.
func (s *Service) PreviewRetentionTerms(ctx context.Context, now time.Time, changes map[string]string) (RetentionReport, error) {
	override := RetentionTerms{}
	for k, v := range changes {
		t, err := parseTermSetting(k, v)
		if err != nil {
			return RetentionReport{}, err
		}
		override[k] = t
	}
	today := DateIn(now)
	before, after := RetentionReport{DryRun: true}, RetentionReport{DryRun: true}
	err := s.dryRun(ctx, func(tx Tx) error {
		run := retentionRun{s: s, tx: tx, today: today, rep: &before}
		if err := run.do(run.persons, run.rest); err != nil {
			return err
		}
		run = retentionRun{s: s, tx: tx, today: today, rep: &after, override: override}
		return run.do(run.persons, run.rest)
	})
	return after.minus(before), err
}

// minus is what r removes beyond o (never below zero).
func (r RetentionReport) minus(o RetentionReport) RetentionReport {
	had := map[int64]bool{}
	for _, id := range o.Personen {
		had[id] = true
	}
	d := RetentionReport{DryRun: true}
	for _, id := range r.Personen {
		if !had[id] {
			d.Personen = append(d.Personen, id)
		}
	}
	d.Items = max(r.Items-o.Items, 0)
	d.Quarantaine = max(r.Quarantaine-o.Quarantaine, 0)
	d.Logboek = max(r.Logboek-o.Logboek, 0)
	d.Register = max(r.Register-o.Register, 0)
	d.Berichten = max(r.Berichten-o.Berichten, 0)
	d.Controle = max(r.Controle-o.Controle, 0)
	return d
}

// RetentionPerson is what retention needs to know of one person.
type RetentionPerson struct {
	ID               int64
	Traject          Traject
	LaatsteEinddatum Date      // latest einddatum over the detentions; zero when none
	LaatsteBericht   time.Time // latest verzonden of the person's messages; zero when none
	Aangemaakt       time.Time
}

// RetentionReadTx reads what a retention run decides on.
type RetentionReadTx interface {
	// RetentionPersons calls fn for every person with what the retention terms run
	// from, one at a time (150,000 at once cost ~70 MB); an error from fn stops it.
	RetentionPersons(fn func(RetentionPerson) error) error
	// RetentionPerson is RetentionPersons for one person; false when there is none.
	RetentionPerson(id int64) (RetentionPerson, bool, error)
	// LedgerKeys returns, per pseudonymous key in the consent and revocation ledger
	// whose latest date (opgesteld or ondertekend) lies before the given day, that date.
	LedgerKeys(before Date) (map[string]Date, error)
	// PersonIdentifiers calls fn with the BSN and SKN ("" when unknown) of every person.
	PersonIdentifiers(fn func(bsn, skn string)) error
}

// RetentionTx carries out a retention run.
type RetentionTx interface {
	// DeleteAuditThrough deletes the audit entries with id <= id (the oldest part of the
	// chain) and returns how many.
	DeleteAuditThrough(id int64) (int, error)
	// DeleteLedgerKeys removes every consent and revocation row under these keys
	// irreversibly and returns the number of rows.
	DeleteLedgerKeys(keys []string) (int, error)
	// DeleteUnlinkedMessages removes message records without a person received before t.
	DeleteUnlinkedMessages(before time.Time) (int, error)
}

// RetentionReport counts what a retention run removed (or would remove, in a dry run).
type RetentionReport struct {
	DryRun      bool
	Personen    []int64 // internal ids of the persons removed
	Items       int     // detentions, topics, hulpvragen and general topics of those persons
	Quarantaine int
	Logboek     int   // audit entries removed
	Register    int   // consent and revocation rows removed
	Berichten   int   // message records without a person removed
	Controle    int   // messages held for controle past the quarantine term (those of removed persons are in Items)
	LogboekFout int64 // id of the first broken audit entry: the log was then left alone
}

// Total is the number of things removed.
func (r RetentionReport) Total() int {
	return len(r.Personen) + r.Quarantaine + r.Logboek + r.Register + r.Berichten + r.Controle
}

// personRef returns the date a person's retention term runs from, and which term.
func personRef(p RetentionPerson) (Date, string, bool) {
	last := DateOf(p.LaatsteBericht.UTC())
	if p.LaatsteBericht.IsZero() {
		last = DateOf(p.Aangemaakt.UTC())
	}
	switch p.Traject.Status {
	case InBehandeling:
		return Date{}, "", false // an open case is never destroyed
	case Afgesloten:
		ref := p.Traject.Afgesloten
		if last.After(ref) { // a message after closing: count from that message
			ref = last
		}
		if p.Traject.Uitkomst == MetMaatregelen {
			return ref, TermMetMaatregelen, true
		}
		return ref, TermZonderMaatregelen, true
	}
	if !p.LaatsteEinddatum.IsZero() {
		return p.LaatsteEinddatum, TermNietGestart, true
	}
	return last, TermNietGestart, true
}

// RetentionBatch is how many expired persons one transaction of a retention run
// removes. A backlog (60,000 persons took 218 s) in one transaction held the write lock
// all that time: the desktop app could not even open a file (that is audited) until
// it was done. Between batches other work gets the lock.
const RetentionBatch = 250

// RetentionProgress is told, before a retention run's first transaction and after each
// one, how many of the persons it found expired it has dealt with so far, out of how
// many: counts only, for a progress line. A backlog takes minutes (74,451 persons of the
// 150,000-person demo took some 150 s in the app, docs/performance.md, session 25).
type RetentionProgress func(done, total int)

// RunRetention removes everything whose retention term has ended on the day of now,
// irreversibly (the store wipes its write-ahead log after every transaction), and audits
// what it removed. The expired persons are found in a read transaction and removed
// RetentionBatch at a time, each checked again inside its write transaction (a message
// may have arrived meanwhile); the rest (quarantine, register, messages, log) and the
// closing audit entry follow in one transaction. A run that stops halfway has removed
// whole persons with their audit entries; the next run does the rest. At the end it
// rewrites what the removals left owed where the store can (Eraser). With dryRun it
// only counts, in one transaction.
func (s *Service) RunRetention(ctx context.Context, now time.Time, dryRun bool) (RetentionReport, error) {
	return s.RunRetentionProgress(ctx, now, dryRun, nil)
}

// RunRetentionProgress is RunRetention telling progress (when not nil) how far the
// removal of the expired persons is: a dry run, one transaction, tells nothing.
func (s *Service) RunRetentionProgress(ctx context.Context, now time.Time, dryRun bool, progress RetentionProgress) (RetentionReport, error) {
	today := DateOf(now)
	if dryRun {
		rep := RetentionReport{DryRun: true}
		err := s.dryRun(ctx, func(tx Tx) error {
			run := retentionRun{s: s, tx: tx, today: today, rep: &rep}
			return run.do(run.persons, run.rest)
		})
		return rep, err
	}
	var rep RetentionReport
	expired, err := read(ctx, s.store, func(tx ReadTx) ([]expiredPerson, error) {
		terms, err := loadTerms(tx)
		if err != nil {
			return nil, err
		}
		return expiredPersons(tx, terms, today)
	})
	if err != nil {
		return rep, err
	}
	total := len(expired)
	if progress == nil {
		progress = func(int, int) {}
	}
	if total > 0 {
		progress(0, total)
	}
	for len(expired) > 0 {
		batch := expired[:min(RetentionBatch, len(expired))]
		expired = expired[len(batch):]
		var part RetentionReport
		err := s.store.Update(ctx, func(tx Tx) error {
			part = RetentionReport{}
			run := retentionRun{s: s, tx: tx, today: today, rep: &part}
			return run.do(func() error { return run.removeIfExpired(batch) })
		})
		if err != nil {
			return rep, err
		}
		rep.Personen = append(rep.Personen, part.Personen...)
		rep.Items += part.Items
		progress(total-len(expired), total)
	}
	err = s.store.Update(ctx, func(tx Tx) error {
		part := rep
		run := retentionRun{s: s, tx: tx, today: today, rep: &part}
		if err := run.do(run.rest); err != nil {
			return err
		}
		rep = part
		return run.entry("bewaartermijn", 0, "uitgevoerd", rep.Total())
	})
	if err == nil {
		s.eraseAfterRun(ctx)
	}
	return rep, err
}

// DryRunner is a Store that runs a write transaction's code without taking the write
// lock and keeps nothing of it (storage: a read transaction that is rolled back).
type DryRunner interface {
	DryRun(ctx context.Context, fn func(Tx) error) error
}

// dryRun runs fn for counting only: without the write lock where the store can, else in
// an Update.
func (s *Service) dryRun(ctx context.Context, fn func(Tx) error) error {
	if dr, ok := s.store.(DryRunner); ok {
		return dr.DryRun(ctx, fn)
	}
	return s.store.Update(ctx, fn)
}

// expiredPerson is a person whose retention term has ended, and which term.
type expiredPerson struct {
	id   int64
	term string
}

// expiredPersons returns the persons whose term has ended on today.
func expiredPersons(tx RetentionReadTx, terms RetentionTerms, today Date) ([]expiredPerson, error) {
	var ps []expiredPerson
	err := tx.RetentionPersons(func(p RetentionPerson) error {
		if term, ok := expiredTerm(p, terms, today); ok {
			ps = append(ps, expiredPerson{p.ID, term})
		}
		return nil
	})
	return ps, err
}

// expiredTerm returns the term that has ended on today for p, if one has.
func expiredTerm(p RetentionPerson, terms RetentionTerms, today Date) (string, bool) {
	ref, key, ok := personRef(p)
	return key, ok && terms[key].Expired(ref, today)
}

type retentionRun struct {
	s     *Service
	tx    Tx
	today Date
	terms RetentionTerms
	rep   *RetentionReport
	// override replaces stored terms for this run only (a preview of a change).
	override RetentionTerms
}

// do loads the terms and runs the steps in order.
func (r *retentionRun) do(steps ...func() error) error {
	var err error
	if r.terms, err = loadTerms(r.tx); err != nil {
		return err
	}
	for k, t := range r.override {
		r.terms[k] = t
	}
	return runSteps(steps)
}

// rest is everything after the persons.
func (r *retentionRun) rest() error {
	return runSteps([]func() error{r.quarantine, r.held, r.ledger, r.messages, r.auditLog})
}

// runSteps runs steps in order until one fails.
func runSteps(steps []func() error) error {
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

func (r *retentionRun) entry(object string, id int64, resultaat string, n int) error {
	return r.s.audit(r.tx, AuditEntry{Actie: ActieBewaring, Object: object, ObjectID: id,
		Resultaat: resultaat, Aantal: n})
}

// persons counts (dry run) every expired person, judged in this same transaction.
func (r *retentionRun) persons() error {
	ps, err := expiredPersons(r.tx, r.terms, r.today)
	if err != nil {
		return err
	}
	for _, p := range ps {
		if err := r.removePerson(p.id, p.term); err != nil {
			return err
		}
	}
	return nil
}

// removeIfExpired removes those of ps whose term has still ended: what a person is
// judged on is read again inside this transaction (they were found in an earlier one).
func (r *retentionRun) removeIfExpired(ps []expiredPerson) error {
	for _, x := range ps {
		p, ok, err := r.tx.RetentionPerson(x.id)
		if err != nil {
			return err
		}
		if !ok {
			continue // removed meanwhile
		}
		if key, ok := expiredTerm(p, r.terms, r.today); ok {
			if err := r.removePerson(x.id, key); err != nil {
				return err
			}
		}
	}
	return nil
}

// removePerson counts and, unless this is a dry run, removes one expired person.
func (r *retentionRun) removePerson(id int64, key string) error {
	r.rep.Personen = append(r.rep.Personen, id)
	n, doms, err := personItems(r.tx, id)
	if err != nil {
		return err
	}
	r.rep.Items += n
	if r.rep.DryRun {
		return nil
	}
	if err := deletePerson(r.tx, id); err != nil {
		return err
	}
	return r.s.audit(r.tx, AuditEntry{Actie: ActieBewaring, Object: ObjectPersoon, ObjectID: id,
		Resultaat: "vernietigd:" + key, Domeinen: doms, Aantal: n})
}

func (r *retentionRun) quarantine() error {
	qs, err := r.tx.QuarantineList()
	if err != nil {
		return err
	}
	for _, q := range qs {
		if !r.terms[TermQuarantaine].Expired(DateOf(q.Ontvangen.UTC()), r.today) {
			continue
		}
		r.rep.Quarantaine++
		if r.rep.DryRun {
			continue
		}
		if err := deleteQuarantine(r.tx, &q); err != nil {
			return err
		}
	}
	if r.rep.DryRun || r.rep.Quarantaine == 0 {
		return nil
	}
	return r.entry("quarantaine", 0, "vernietigd", r.rep.Quarantaine)
}

// ledger removes the consent and revocation rows of keys that belong to no stored
// person and whose newest fact is older than the register term.
func (r *retentionRun) ledger() error {
	secret, err := r.tx.SecretKey()
	if err != nil {
		return err
	}
	// Only the keys whose newest fact has outlived the term are candidates: usually few,
	// so the persons' keys are computed only when there are some, and only those kept.
	keys, err := r.tx.LedgerKeys(r.terms[TermRegister].before(r.today))
	if err != nil || len(keys) == 0 {
		return err
	}
	living, err := livingKeys(r.tx, secret, keys)
	if err != nil {
		return err
	}
	var gone []string
	for k, last := range keys {
		if !living[k] && r.terms[TermRegister].Expired(last, r.today) {
			gone = append(gone, k)
		}
	}
	slices.Sort(gone)
	if len(gone) == 0 {
		return nil
	}
	if r.rep.DryRun {
		r.rep.Register = len(gone) // keys, not rows, in a dry run
		return nil
	}
	if r.rep.Register, err = r.tx.DeleteLedgerKeys(gone); err != nil {
		return err
	}
	return r.entry("toestemmingsregister", 0, "vernietigd", r.rep.Register)
}

// livingKeys returns the ledger keys of every person still stored. The persons this run
// removed are gone by now: their keys go once their newest fact is older than the
// register term, which for every default term is at least as long as theirs.
func livingKeys(tx Tx, secret []byte, candidates map[string]Date) (map[string]bool, error) {
	out := map[string]bool{}
	err := tx.PersonIdentifiers(func(bsn, skn string) {
		for _, k := range PersonKeys(secret, bsn, skn) {
			if _, ok := candidates[k]; ok {
				out[k] = true
			}
		}
	})
	return out, err
}

func (r *retentionRun) messages() error {
	if r.rep.DryRun {
		return nil // not counted in a dry run: they hold no personal content
	}
	cutoff := r.terms[TermRegister].before(r.today)
	n, err := r.tx.DeleteUnlinkedMessages(cutoff.Time())
	if err != nil || n == 0 {
		return err
	}
	r.rep.Berichten = n
	return r.entry("bericht", 0, "vernietigd", n)
}

// before returns the first day that has not expired under t on today: everything dated
// before it has. Term.after never decreases, so a short search from just below the
// answer finds it.
func (t Term) before(today Date) Date {
	n := t.N
	switch t.Unit {
	case 'd':
		return today.AddDays(-n + 1)
	case 'j':
		n *= 12
	}
	d := addMonthsClamped(today, -n).AddDays(-4)
	for t.Expired(d, today) {
		d = d.AddDays(1)
	}
	return d
}

// auditLog removes the audit entries older than the log term. The hash of the last
// removed entry becomes the anchor the remaining chain is verified against, written in
// the same transaction. A broken chain is not pruned: the evidence stays.
func (r *retentionRun) auditLog() error {
	// Usually nothing has expired: look at the oldest entry before reading the whole
	// chain (785,000 entries, 1 GB of allocations, at 150,000 persons).
	first, err := r.tx.AuditEntries(AuditFilter{Limit: 1})
	if err != nil || len(first) == 0 || !r.terms[TermLogboek].Expired(DateOf(first[0].Tijd.UTC()), r.today) {
		return err
	}
	all, err := r.tx.AuditEntries(AuditFilter{})
	if err != nil {
		return err
	}
	old := 0 // the expired entries at the start of the chain
	for old < len(all) && r.terms[TermLogboek].Expired(DateOf(all[old].Tijd.UTC()), r.today) {
		old++
	}
	if old == 0 {
		return nil
	}
	anchor, err := r.tx.Setting(SettingAuditAnker)
	if err != nil {
		return err
	}
	if check := verifyEntries(anchor, all); !check.Intact {
		r.rep.LogboekFout = check.FirstBad
		return nil
	}
	last := all[old-1]
	r.rep.Logboek = old
	if r.rep.DryRun {
		return nil
	}
	if r.rep.Logboek, err = r.tx.DeleteAuditThrough(last.ID); err != nil {
		return err
	}
	if err := r.tx.SetSetting(SettingAuditAnker, last.Hash); err != nil {
		return err
	}
	return r.entry("logboek", 0, "vernietigd", r.rep.Logboek)
}
