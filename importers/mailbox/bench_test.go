package mailbox

import (
	"os"
	"strconv"
	"testing"

	"github.com/emersion/go-imap/v2"

	"github.com/terugkeer/terugkeer/app"
)

// benchMails is the size of the benchmark mailbox: 1,000, or TERUGKEER_BENCH_MAILS.
func benchMails(b *testing.B) int {
	n := 1000
	if v := os.Getenv("TERUGKEER_BENCH_MAILS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n < 1 {
			b.Fatalf("TERUGKEER_BENCH_MAILS=%q", v)
		}
	}
	return n
}

// BenchmarkDovecotImport imports the benchmark mails (one melding-begin-detentie each,
// another person each) from the test Dovecot into a fresh database, moving them to the
// processed folder. Between iterations, with the timer stopped, the mails are moved back
// and the database is replaced.
func BenchmarkDovecotImport(b *testing.B) { benchImport(b, dovecot(b)) }

// BenchmarkDovecotFetch is the floor: a bare go-imap fetch of the same mails (connect,
// log in, select, FETCH of every body with its UID), without import or move.
func BenchmarkDovecotFetch(b *testing.B) { benchFetch(b, dovecot(b)) }

// BenchmarkMemImport and BenchmarkMemFetch are the same against go-imap's in-memory
// server (imapmemserver), which needs no Dovecot and syncs nothing to disk.
func BenchmarkMemImport(b *testing.B) { benchImport(b, startMem(b, capsFull).account) }
func BenchmarkMemFetch(b *testing.B)  { benchFetch(b, startMem(b, capsFull).account) }

func benchImport(b *testing.B, a account) {
	n := benchMails(b)
	mails := generatedMails(b, "AGG-2026-BENCH", n)
	a.deliver(b, mails)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		svc, _ := newService(b)
		b.StartTimer()
		sum, err := Run(b.Context(), svc, a.settings, a.auth())
		if err != nil || sum.Verwerkt != n {
			b.Fatalf("run: %+v %v", sum, err)
		}
		b.StopTimer()
		moveBack(b, a)
		b.StartTimer()
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N)/float64(n), "ms/mail")
}

func benchFetch(b *testing.B, a account) {
	n := benchMails(b)
	mails := generatedMails(b, "AGG-2026-BENCH", n)
	a.deliver(b, mails)
	s := a.settings.WithDefaults()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c := a.client(b)
		if _, err := c.Select(s.Map, nil).Wait(); err != nil {
			b.Fatal(err)
		}
		msgs, err := c.Fetch(imap.SeqSet{imap.SeqRange{Start: 1, Stop: 0}}, &imap.FetchOptions{
			UID: true, BodySection: []*imap.FetchItemBodySection{{Peek: true}},
		}).Collect()
		if err != nil || len(msgs) != n {
			b.Fatalf("fetch: %d %v", len(msgs), err)
		}
		c.Logout().Wait() //nolint:errcheck // measured work is done
		c.Close()
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N)/float64(n), "ms/mail")
}

// moveBack returns every mail from the processed folder to the mailbox read.
func moveBack(b *testing.B, a account) {
	b.Helper()
	s := a.settings.WithDefaults()
	c := a.client(b)
	defer c.Close()
	if _, err := c.Select(s.Verwerkt, nil).Wait(); err != nil {
		b.Fatal(err)
	}
	if _, err := c.Move(imap.SeqSet{imap.SeqRange{Start: 1, Stop: 0}}, s.Map).Wait(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkImportBytesOnly imports the same mails with app.Service.ImportBytes
// alone, without IMAP: the database's share of BenchmarkDovecotImport. Needs no server.
func BenchmarkImportBytesOnly(b *testing.B) {
	mails := generatedMails(b, "AGG-2026-BENCH", benchMails(b))
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		svc, _ := newService(b)
		b.StartTimer()
		for j, m := range mails {
			if _, err := svc.ImportBytes(b.Context(), "bench", "", m.raw); err != nil {
				b.Fatalf("mail %d: %v", j, err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N)/float64(len(mails)), "ms/mail")
}

// BenchmarkImportBatchOnly imports the same mails with app.ImportBatch (group
// commit), without IMAP: the database's share of BenchmarkDovecotImport since Run imports
// that way. Needs no server.
func BenchmarkImportBatchOnly(b *testing.B) {
	mails := generatedMails(b, "AGG-2026-BENCH", benchMails(b))
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		svc, _ := newService(b)
		b.StartTimer()
		batch := svc.NewImportBatch(b.Context())
		for _, m := range mails {
			if err := batch.Add(app.ImportInput{Bron: "bench", Raw: m.raw}); err != nil {
				b.Fatal(err)
			}
		}
		if err := batch.Close(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N)/float64(len(mails)), "ms/mail")
}
