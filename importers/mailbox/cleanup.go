package mailbox

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"

	"github.com/terugkeer/terugkeer/app"
)

// cleanup runs after the imports: it deletes the mails whose data a purge removed, from
// every folder the import uses, and expunges processed mail older than the settings'
// verwijderen-na term. A deletion that fails stays pending for the next run.
func (r *run) cleanup() error {
	if err := r.deletePurged(); err != nil {
		return cleanupErr(err)
	}
	if err := r.expire(); err != nil {
		return cleanupErr(err)
	}
	return nil
}

func cleanupErr(err error) error {
	return fmt.Errorf("de berichten zijn geïmporteerd, maar het opruimen van het postvak is mislukt; "+
		"de volgende ophaalronde probeert het opnieuw: %w", err)
}

// deletePurged deletes the pending mails (app.Service.PendingMailDeletions) from the
// mailbox read and the processed and quarantine folders, then marks them done.
func (r *run) deletePurged() error {
	ids, err := r.svc.PendingMailDeletions(r.ctx)
	if err != nil || len(ids) == 0 {
		return err
	}
	want := map[string]bool{}
	for _, id := range ids {
		want[normalID(id)] = true
	}
	for _, folder := range []string{r.s.Map, r.s.Verwerkt, r.s.Quarantaine} {
		n, err := r.deleteByMessageID(folder, want)
		if err != nil {
			return err
		}
		r.sum.Verwijderd += n
	}
	return r.svc.MailDeletionsDone(context.WithoutCancel(r.ctx), ids)
}

// normalID is a Message-ID without angle brackets and surrounding white space, as the
// messages table records it.
func normalID(id string) string {
	return strings.Trim(strings.TrimSpace(id), "<>")
}

// deleteByMessageID deletes the mails in folder whose Message-ID is wanted.
func (r *run) deleteByMessageID(folder string, want map[string]bool) (int, error) {
	msgs, err := r.selectAll(folder, &imap.FetchOptions{UID: true, Envelope: true})
	if err != nil || len(msgs) == 0 {
		return 0, err
	}
	var uids []uint32
	for _, m := range msgs {
		if m.Envelope != nil && want[normalID(m.Envelope.MessageID)] {
			uids = append(uids, uint32(m.UID))
		}
	}
	if len(uids) == 0 {
		return 0, nil
	}
	return len(uids), r.expunge(uids, fmt.Sprintf("een bericht met gewiste gegevens uit de map %q verwijderen", folder))
}

// expire expunges the processed mails whose INTERNALDATE has outlived the verwijderen-na
// term (all of them for 0d).
func (r *run) expire() error {
	term, err := r.s.DeleteAfter()
	if err != nil {
		return err
	}
	msgs, err := r.selectAll(r.s.Verwerkt, &imap.FetchOptions{UID: true, InternalDate: true})
	if err != nil || len(msgs) == 0 {
		return err
	}
	today := app.DateOf(r.svc.Now())
	var uids []uint32
	for _, m := range msgs {
		if term.N == 0 || term.Expired(app.DateOf(m.InternalDate), today) {
			uids = append(uids, uint32(m.UID))
		}
	}
	if len(uids) == 0 {
		return nil
	}
	if err := r.expunge(uids, fmt.Sprintf("verwerkte mail uit de map %q verwijderen", r.s.Verwerkt)); err != nil {
		return err
	}
	r.sum.Opgeruimd += len(uids)
	return nil
}

// selectAll selects a folder and fetches every mail in it that is not marked \Deleted.
func (r *run) selectAll(folder string, opts *imap.FetchOptions) ([]*imapclient.FetchMessageBuffer, error) {
	sel, err := r.c.Select(folder, nil).Wait()
	if err != nil {
		return nil, serverErr(fmt.Sprintf("de map %q openen", folder), err)
	}
	if sel.NumMessages == 0 {
		return nil, nil
	}
	opts.Flags = true
	msgs, err := r.c.Fetch(imap.SeqSet{imap.SeqRange{Start: 1, Stop: 0}}, opts).Collect()
	if err != nil {
		return nil, serverErr(fmt.Sprintf("de berichten in de map %q opvragen", folder), err)
	}
	out := msgs[:0]
	for _, m := range msgs {
		if !slices.Contains(m.Flags, imap.FlagDeleted) {
			out = append(out, m)
		}
	}
	return out, nil
}
