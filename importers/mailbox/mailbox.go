// Package mailbox imports messages from the team's (functional) mailbox over IMAP.
//
// A run connects (TLS, STARTTLS, or plain text to a loopback address only), selects the
// configured mailbox, creates the folders for processed and quarantined mail when they
// are missing, and handles every mail it has not handled before, in UID order, one fetch
// batch (a group of up to maxBatch mails) at a time: a UID FETCH of the group's bodies,
// the import of its mails (app.ImportBatch: each message in its own savepoint, the group
// committed together), and only after that commit the move of the group's mails, one
// UID MOVE per folder, to the processed folder, or to the quarantine folder when any
// part went to quarantine. Two groups are in flight: while one commits, the group before
// is moved and the next one fetched. A notification without a message stays where it
// is; its UID is remembered (in its import's commit) so it is not fetched again.
//
// A run may be killed at any moment. Mail imported but not yet moved is fetched again
// next time: its messages are then "dubbel" (kenmerk) and its quarantined parts find
// their existing quarantine entry (same bytes), so nothing is imported twice, and the
// mail is moved. When the mailbox's UIDVALIDITY changes, the remembered UIDs are
// forgotten and the same kenmerk deduplication applies; remembered notifications are
// recognised by Message-ID and size.
//
// Servers without MOVE get COPY, STORE \Deleted and UID EXPUNGE (UIDPLUS). Without
// UIDPLUS a plain EXPUNGE would also remove mail that someone else marked \Deleted, so
// it is only sent when no other mail in the mailbox carries \Deleted; otherwise the moved
// copy's original stays marked \Deleted (runs skip such mail) until a later EXPUNGE.
//
// After the imports a run cleans up, so that no personal data stays on the mail server
// longer than needed: it deletes, from the mailbox read and both folders, the mails whose
// data a purge removed (app.Service.PendingMailDeletions, recorded by the purge itself;
// what cannot be reached stays pending for the next run), and it expunges processed mail
// whose INTERNALDATE has outlived the verwijderen-na term (default 7d; 0d: all of it).
//
// This package logs nothing; errors are Dutch sentences without personal data or
// passwords.
package mailbox

import (
	"cmp"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"mime"
	"net"
	"os"
	"slices"
	"strconv"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
	"github.com/emersion/go-message/charset"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers"
)

// Authenticator logs in on an IMAP connection. PasswordLogin is the only one today; an
// OAuth2 mechanism (XOAUTH2 or OAUTHBEARER, needed for Microsoft 365) would be another.
type Authenticator interface {
	Authenticate(c *imapclient.Client) error
}

// PasswordLogin logs in with LOGIN, user name and password.
type PasswordLogin struct {
	User, Password string
}

// Authenticate sends LOGIN.
func (p PasswordLogin) Authenticate(c *imapclient.Client) error {
	if c.Caps().Has(imap.CapLoginDisabled) {
		return errors.New("de mailserver staat inloggen met een wachtwoord niet toe op deze verbinding")
	}
	if err := c.Login(p.User, p.Password).Wait(); err != nil {
		var ie *imap.Error
		if errors.As(err, &ie) {
			return errors.New("inloggen bij de mailserver is mislukt: controleer de gebruikersnaam en het wachtwoord")
		}
		return connErr(err)
	}
	return nil
}

// Mail is what became of one mail.
type Mail struct {
	UID uint32
	// Map is the folder the mail is in now: the processed or quarantine folder, or the
	// mailbox read when it stayed (a notification without a message).
	Map     string
	Results []app.Result
}

// Options adjust a run; all are optional except Auth.
type Options struct {
	Auth Authenticator
	// Progress is called after each mail with the number handled and the number to handle.
	Progress func(done, total int)
	// OnMail is called for each mail once it is where it belongs.
	OnMail func(Mail)
}

// Summary counts the mails of a run.
type Summary struct {
	Verwerkt    int // moved to the processed folder
	Quarantaine int // moved to the quarantine folder
	Gebleven    int // notifications without a message, left in place
	Verwijderd  int // mails deleted from any folder because a purge removed their data
	Opgeruimd   int // processed mails expunged after the verwijderen-na term
}

// maxBatchBytes and maxBatch bound the mails of a group: fetched in one UID FETCH,
// committed together and then moved with one command per folder (a server's MOVE costs
// a disk sync per command). With two groups in flight, at most 2×maxBatch mails are
// imported but not yet moved when a run is interrupted; the next run fetches them again
// and finds them "dubbel".
const (
	maxBatchBytes = 32 << 20
	maxBatch      = 100
)

// Run imports the mail in the configured mailbox. It stops at the first failure that
// leaves a mail unprocessed; what was done before stays done. Cancelling ctx closes the
// connection. On a team database one process at a time fetches (app.ErrImportBusy).
func Run(ctx context.Context, svc *app.Service, settings app.MailboxSettings, opts Options) (Summary, error) {
	s := settings.WithDefaults()
	if err := s.Complete(); err != nil {
		return Summary{}, err
	}
	if _, err := svc.Gemeenten(ctx); err != nil {
		return Summary{}, err
	}
	if opts.Auth == nil {
		return Summary{}, errors.New("geen aanmeldmethode voor de mailserver opgegeven")
	}
	release, err := svc.LockImport(ctx)
	if err != nil {
		return Summary{}, err
	}
	defer release()
	c, err := Dial(s)
	if err != nil {
		return Summary{}, err
	}
	stop := context.AfterFunc(ctx, func() { c.Close() })
	defer func() {
		stop()
		c.Close()
	}()
	r := &run{ctx: ctx, svc: svc, s: s, c: c, opts: opts}
	err = r.run()
	if ctx.Err() != nil {
		return r.sum, ctx.Err()
	}
	if err == nil {
		c.Logout().Wait() //nolint:errcheck // the work is done; a failing LOGOUT changes nothing
	}
	return r.sum, err
}

// Dial connects to the server as the settings say, verifying TLS certificates against
// the system roots plus the optional CA file. It does not log in.
func Dial(s app.MailboxSettings) (*imapclient.Client, error) {
	s = s.WithDefaults()
	addr := net.JoinHostPort(s.Server, strconv.Itoa(s.Poort))
	opts := &imapclient.Options{
		Dialer:      &net.Dialer{Timeout: 30 * time.Second},
		WordDecoder: &mime.WordDecoder{CharsetReader: charset.Reader},
	}
	var c *imapclient.Client
	var err error
	switch s.Beveiliging {
	case app.SecurityTLS, app.SecurityStartTLS:
		if opts.TLSConfig, err = tlsConfig(s); err != nil {
			return nil, err
		}
		if s.Beveiliging == app.SecurityTLS {
			c, err = imapclient.DialTLS(addr, opts)
		} else {
			c, err = imapclient.DialStartTLS(addr, opts)
		}
	case app.SecurityNone:
		if !app.IsLoopback(s.Server) {
			return nil, errors.New("beveiliging 'geen' is alleen toegestaan voor een server op deze computer")
		}
		c, err = imapclient.DialInsecure(addr, opts)
	default:
		return nil, errors.New("beveiliging moet tls, starttls of geen zijn")
	}
	if err != nil {
		return nil, connErr(err)
	}
	if err := c.WaitGreeting(); err != nil {
		c.Close()
		return nil, connErr(err)
	}
	return c, nil
}

// tlsConfig trusts the system roots plus the certificates in the CA file, if any.
func tlsConfig(s app.MailboxSettings) (*tls.Config, error) {
	cfg := &tls.Config{ServerName: s.Server, MinVersion: tls.VersionTLS12}
	if s.CABestand == "" {
		return cfg, nil // nil RootCAs: the system roots
	}
	pool, err := x509.SystemCertPool()
	if err != nil {
		pool = x509.NewCertPool()
	}
	pem, err := os.ReadFile(s.CABestand)
	if err != nil {
		return nil, errors.New("het CA-bestand uit de IMAP-instellingen kan niet worden gelezen")
	}
	if !pool.AppendCertsFromPEM(pem) {
		return nil, errors.New("het CA-bestand uit de IMAP-instellingen bevat geen PEM-certificaat")
	}
	cfg.RootCAs = pool
	return cfg, nil
}

// connErr describes a connection failure without server text.
func connErr(err error) error {
	var ce *tls.CertificateVerificationError
	var he x509.HostnameError
	switch {
	case errors.As(err, &he):
		return errors.New("het certificaat van de mailserver hoort niet bij deze servernaam")
	case errors.As(err, &ce):
		return errors.New("het certificaat van de mailserver wordt niet vertrouwd (geef zo nodig het CA-bestand van de gemeente op met 'imap set ca-bestand')")
	case errors.Is(err, os.ErrDeadlineExceeded):
		return errors.New("de mailserver antwoordt niet op tijd")
	}
	return fmt.Errorf("de verbinding met de mailserver is mislukt of verbroken (%v)", err)
}

// serverErr describes a failed command; the server's own text is kept (it names folders
// at most, no personal data).
func serverErr(what string, err error) error {
	var ie *imap.Error
	if errors.As(err, &ie) {
		return fmt.Errorf("%s is geweigerd door de mailserver (%s)", what, ie.Text)
	}
	return connErr(err)
}

type run struct {
	ctx   context.Context
	svc   *app.Service
	s     app.MailboxSettings
	c     *imapclient.Client
	opts  Options
	caps  imap.CapSet
	key   string
	sum   Summary
	done  int
	total int
	imp   *app.ImportBatch // the group commit of importAll
}

func (r *run) run() error {
	if err := r.opts.Auth.Authenticate(r.c); err != nil {
		return err
	}
	r.caps = r.c.Caps()
	for _, folder := range []string{r.s.Verwerkt, r.s.Quarantaine} {
		if err := r.ensureFolder(folder); err != nil {
			return err
		}
	}
	sel, err := r.c.Select(r.s.Map, nil).Wait()
	if err != nil {
		return serverErr(fmt.Sprintf("de map %q openen", r.s.Map), err)
	}
	r.key = r.s.Sleutel()
	known, stays, err := r.loadState(sel.UIDValidity)
	if err != nil {
		return err
	}
	present, err := r.present()
	if err != nil {
		return err
	}
	var gone []uint32
	for uid := range known {
		if _, ok := slices.BinarySearch(present, uid); !ok {
			gone = append(gone, uid)
		}
	}
	if err := r.svc.ForgetMailboxUIDs(r.ctx, r.key, gone); err != nil {
		return err
	}
	var todo []uint32
	for _, uid := range present {
		if _, ok := known[uid]; !ok {
			todo = append(todo, uid)
		}
	}
	if err := r.importAll(todo, stays); err != nil {
		return err
	}
	return r.cleanup()
}

// loadState returns the recorded UIDs; after a UIDVALIDITY change it forgets them and
// returns the notifications that stayed, by Message-ID and size, to recognise them.
func (r *run) loadState(validity uint32) (map[uint32]app.MailboxUID, map[stayKey]bool, error) {
	st, err := r.svc.MailboxState(r.ctx, r.key)
	if err != nil {
		return nil, nil, err
	}
	known := map[uint32]app.MailboxUID{}
	if st.UIDValidity == validity && validity != 0 {
		for _, u := range st.UIDs {
			known[u.UID] = u
		}
		return known, nil, nil
	}
	stays := map[stayKey]bool{}
	for _, u := range st.UIDs {
		if u.MessageID != "" {
			stays[stayKey{u.MessageID, u.Grootte}] = true
		}
	}
	if err := r.svc.ResetMailboxState(r.ctx, r.key, validity); err != nil {
		return nil, nil, err
	}
	return known, stays, nil
}

type stayKey struct {
	messageID string
	size      int64
}

// present returns the UIDs in the mailbox, ascending, without mail marked \Deleted.
func (r *run) present() ([]uint32, error) {
	data, err := r.c.UIDSearch(&imap.SearchCriteria{NotFlag: []imap.Flag{imap.FlagDeleted}}, nil).Wait()
	if err != nil {
		return nil, serverErr("de berichten in de map opvragen", err)
	}
	var out []uint32
	for _, u := range data.AllUIDs() {
		out = append(out, uint32(u))
	}
	slices.Sort(out)
	return out, nil
}

func (r *run) ensureFolder(name string) error {
	list, err := r.c.List("", name, nil).Collect()
	if err != nil {
		return serverErr(fmt.Sprintf("de map %q zoeken", name), err)
	}
	if len(list) > 0 {
		return nil
	}
	if err := r.c.Create(name, nil).Wait(); err != nil {
		var ie *imap.Error
		if errors.As(err, &ie) && ie.Code == imap.ResponseCodeAlreadyExists {
			return nil
		}
		return serverErr(fmt.Sprintf("de map %q aanmaken", name), err)
	}
	r.c.Subscribe(name).Wait() //nolint:errcheck // only so that mail programs show it
	return nil
}

// header is what is known of a mail before its body is fetched.
type header struct {
	uid       uint32
	size      int64
	messageID string
}

// importAll handles the new mails in UID order, one fetch batch (a group) at a time,
// with two groups in flight: while the import of one group commits, the mails of the
// group before are moved and the next group is fetched, so that the IMAP work overlaps
// the database's.
func (r *run) importAll(todo []uint32, stays map[stayKey]bool) error {
	r.total = len(todo)
	if r.total == 0 {
		r.progress(0, 0)
		return nil
	}
	heads, err := r.headers(todo)
	if err != nil {
		return err
	}
	r.imp = r.svc.NewImportBatch(r.ctx)
	defer r.imp.Close() //nolint:errcheck // every commit reported the batch's failure
	var prev *group
	for len(heads) > 0 {
		n, bytes := 0, int64(0)
		for n < len(heads) && n < maxBatch && (n == 0 || bytes+heads[n].size <= maxBatchBytes) {
			bytes += heads[n].size
			n++
		}
		g, err := r.startGroup(heads[:n], stays)
		heads = heads[n:]
		if err == nil && prev != nil {
			err = r.settle(prev)
			prev = nil
		}
		if err != nil {
			// Move (or at least report) what was imported; after a cancellation the
			// connection is closed and the mails are reported where they still are.
			if prev != nil {
				r.settle(prev) //nolint:errcheck // err says why the run stops
			}
			r.settle(g) //nolint:errcheck // err says why the run stops
			return err
		}
		prev = g
	}
	return r.settle(prev)
}

// headers fetches size and Message-ID of the given mails; mails that vanished meanwhile
// are left out.
func (r *run) headers(uids []uint32) ([]header, error) {
	msgs, err := r.c.Fetch(uidSet(uids...), &imap.FetchOptions{UID: true, RFC822Size: true, Envelope: true}).Collect()
	if err != nil {
		return nil, serverErr("de berichtkoppen ophalen", err)
	}
	out := make([]header, 0, len(msgs))
	for _, m := range msgs {
		h := header{uid: uint32(m.UID), size: m.RFC822Size}
		if m.Envelope != nil {
			h.messageID = m.Envelope.MessageID
		}
		out = append(out, h)
	}
	slices.SortFunc(out, func(a, b header) int { return int(int64(a.uid) - int64(b.uid)) })
	return out, nil
}

var bodySection = &imap.FetchItemBodySection{Peek: true}

// group is one fetch batch on its way through the import: its mails in UID order, and
// per mail what became of it once the import's commit said so.
type group struct {
	heads []header
	out   []mailOutcome
	wait  func() error // waits for the commit of the group's imports (ImportBatch.FlushAsync)
}

// mailOutcome is what became of one mail of a group: its results once known (committed),
// or the error that left it unprocessed.
type mailOutcome struct {
	rs       []app.Result
	known    bool
	err      error
	recorded bool // a mail that stays, recorded in the import's own commit
}

// errNotCommitted is the outcome of a mail handed to the import that no commit reported.
var errNotCommitted = errors.New("de import van een e-mail is niet afgerond")

// startGroup fetches the bodies of the group's mails (UID FETCH of the set) and hands
// them to the import, followed by a commit request, without waiting for it. The group
// returned holds the mails handed over, also when err says why the others were not.
func (r *run) startGroup(heads []header, stays map[stayKey]bool) (*group, error) {
	g := &group{out: make([]mailOutcome, len(heads)), wait: func() error { return nil }}
	var fetch []uint32
	for _, h := range heads {
		if !stays[stayKey{h.messageID, h.size}] && !tooLarge(h) {
			fetch = append(fetch, h.uid)
		}
	}
	bodies := map[uint32][]byte{}
	if len(fetch) > 0 {
		msgs, err := r.c.Fetch(uidSet(fetch...), &imap.FetchOptions{UID: true, BodySection: []*imap.FetchItemBodySection{bodySection}}).Collect()
		if err != nil {
			return g, serverErr("berichten ophalen", err)
		}
		for _, m := range msgs {
			bodies[uint32(m.UID)] = m.FindBodySection(bodySection)
		}
	}
	var err error
	for i, h := range heads {
		raw, fetched := bodies[h.uid]
		switch {
		case stays[stayKey{h.messageID, h.size}]:
			g.out[i] = mailOutcome{rs: []app.Result{{Bron: r.bron(h.uid), Resultaat: app.GeenBericht}}, known: true}
		case tooLarge(h):
			g.out[i] = mailOutcome{rs: []app.Result{r.tooLargeResult(h)}, known: true}
		case fetched:
			g.out[i].err = errNotCommitted
			if err = r.imp.Add(r.importInput(g.out, i, h, raw)); err != nil {
				g.out[i].err = err
			}
		} // else: the mail vanished between the two fetches
		if err != nil {
			heads, g.out = heads[:i+1], g.out[:i+1]
			break
		}
	}
	g.heads = heads
	g.wait = r.imp.FlushAsync()
	return g, err
}

// importInput is the import of the i-th mail of a group, whose outcome it sets in out.
// Done runs on the import's writer goroutine once the commit is done; the group's wait
// returns after it. A mail without a message stays in the mailbox: it is recorded in
// the same commit as its import.
func (r *run) importInput(out []mailOutcome, i int, h header, raw []byte) app.ImportInput {
	return app.ImportInput{Bron: r.bron(h.uid), MessageID: h.messageID, Raw: raw,
		Then: func(ctx context.Context, svc *app.Service, rs []app.Result) error {
			if Destination(rs, r.s) != "" {
				return nil
			}
			rec := app.MailboxUID{UID: h.uid, MessageID: h.messageID, Grootte: h.size}
			return svc.RecordMailboxUID(context.WithoutCancel(ctx), r.key, rec)
		},
		Done: func(rs []app.Result, err error) {
			out[i] = mailOutcome{rs: rs, known: err == nil, err: err, recorded: err == nil}
		}}
}

// settle waits for the commit of g's imports, then moves its mails, one UID MOVE per
// folder (never before that commit), records the mails that stay, and reports every
// mail in UID order. It stops at the first mail that was not imported, or when the run
// is cancelled; the mails before are still moved and reported.
func (r *run) settle(g *group) error {
	if g == nil {
		return nil
	}
	werr := g.wait()
	var stop error
	var done []Mail
	var folders []string
	uids := map[string][]uint32{}
	for i, h := range g.heads {
		o := g.out[i]
		stop = o.err
		if stop == nil {
			stop = r.ctx.Err()
		}
		if stop != nil {
			break
		}
		if !o.known {
			continue // the mail vanished between the two fetches
		}
		doel := Destination(o.rs, r.s)
		if doel == "" && !o.recorded {
			// Recorded even when the run is being cancelled: the outcome is known.
			rec := app.MailboxUID{UID: h.uid, MessageID: h.messageID, Grootte: h.size}
			if stop = r.svc.RecordMailboxUID(context.WithoutCancel(r.ctx), r.key, rec); stop != nil {
				break
			}
		}
		if doel != "" {
			if _, ok := uids[doel]; !ok {
				folders = append(folders, doel)
			}
			uids[doel] = append(uids[doel], h.uid)
		}
		done = append(done, Mail{UID: h.uid, Map: doel, Results: o.rs})
		r.done++
		r.progress(r.done, r.total)
	}
	moved := map[string]bool{}
	var merr error
	for _, f := range folders {
		if r.ctx.Err() != nil {
			// Cancelling closes the connection; a MOVE sent on it meanwhile may be cut
			// off halfway (Dovecot may then keep both the copy and the original). The
			// next run moves these mails.
			break
		}
		if merr = r.move(uids[f], f); merr != nil {
			break
		}
		moved[f] = true
	}
	for _, m := range done {
		switch {
		case m.Map == "":
			m.Map = r.s.Map
			r.sum.Gebleven++
		case !moved[m.Map]:
			m.Map = r.s.Map // reported where it is: the next run fetches it again
		case m.Map == r.s.Verwerkt:
			r.sum.Verwerkt++
		default:
			r.sum.Quarantaine++
		}
		r.report(m)
	}
	return cmp.Or(stop, merr, werr)
}

// tooLarge reports whether a mail is over importers.MaxFileSize, the limit of a file.
func tooLarge(h header) bool { return h.size > importers.MaxFileSize }

// tooLargeResult refuses a mail over the limit as a file is refused: it is not fetched
// (its bytes never reach the database) and not lost: it goes to the mailbox's quarantine
// folder, where it stays until the team handles it, and is not fetched again.
func (r *run) tooLargeResult(h header) app.Result {
	return app.Result{Bron: r.bron(h.uid), Resultaat: app.Quarantaine,
		Reden: fmt.Sprintf("de e-mail is groter dan %d MiB en is niet opgehaald; hij staat in de map %q van het postvak",
			importers.MaxFileSize>>20, r.s.WithDefaults().Quarantaine)}
}

func (r *run) bron(uid uint32) string {
	return fmt.Sprintf("postvak %s uid %d", r.s.Map, uid)
}

func (r *run) report(m Mail) {
	if r.opts.OnMail != nil {
		r.opts.OnMail(m)
	}
}

// Destination is the folder a mail goes to after its import: the quarantine folder when
// any part went to quarantine, nothing ("") when it carried no message, else the
// processed folder.
func Destination(results []app.Result, s app.MailboxSettings) string {
	s = s.WithDefaults()
	messages := false
	for _, res := range results {
		switch res.Resultaat {
		case app.Quarantaine:
			return s.Quarantaine
		case app.GeenBericht:
		default:
			messages = true
		}
	}
	if !messages {
		return ""
	}
	return s.Verwerkt
}

func (r *run) progress(done, total int) {
	if r.opts.Progress != nil {
		r.opts.Progress(done, total)
	}
}

// move moves mails with MOVE, or COPY + STORE \Deleted + EXPUNGE.
func (r *run) move(uids []uint32, folder string) error {
	set := uidSet(uids...)
	what := fmt.Sprintf("een bericht naar de map %q verplaatsen", folder)
	if r.caps.Has(imap.CapMove) {
		if _, err := r.c.Move(set, folder).Wait(); err != nil {
			return serverErr(what, err)
		}
		return nil
	}
	if _, err := r.c.Copy(set, folder).Wait(); err != nil {
		return serverErr(what, err)
	}
	return r.expunge(uids, what)
}

// expunge removes mails of the selected folder: STORE \Deleted, then UID EXPUNGE, or a
// plain EXPUNGE when no one else's mail there is marked \Deleted.
func (r *run) expunge(uids []uint32, what string) error {
	set := uidSet(uids...)
	deleted := &imap.StoreFlags{Op: imap.StoreFlagsAdd, Silent: true, Flags: []imap.Flag{imap.FlagDeleted}}
	if err := r.c.Store(set, deleted, nil).Close(); err != nil {
		return serverErr(what, err)
	}
	if r.caps.Has(imap.CapUIDPlus) {
		if err := r.c.UIDExpunge(set).Close(); err != nil {
			return serverErr(what, err)
		}
		return nil
	}
	// A plain EXPUNGE removes every mail marked \Deleted: only when that is ours alone.
	data, err := r.c.UIDSearch(&imap.SearchCriteria{Flag: []imap.Flag{imap.FlagDeleted}}, nil).Wait()
	if err != nil {
		return serverErr(what, err)
	}
	for _, u := range data.AllUIDs() {
		if !slices.Contains(uids, uint32(u)) {
			return nil // someone else's deletion pending: leave ours marked, skip EXPUNGE
		}
	}
	if err := r.c.Expunge().Close(); err != nil {
		return serverErr(what, err)
	}
	return nil
}

func uidSet(uids ...uint32) imap.UIDSet {
	var set imap.UIDSet
	for _, u := range uids {
		set.AddNum(imap.UID(u))
	}
	return set
}
