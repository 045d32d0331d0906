package postgres

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/terugkeer/terugkeer/app"
)

// Together sends the first statement of every read in one batch, the second ones in
// the next: three reads of one statement and one of two are two round trips, not five.
func TestTogetherSharesRoundTrips(t *testing.T) {
	db, _ := openTest(t)
	p := createPerson(t, db, samplePerson(bsn1, "Jan", "", "Jansen"))
	addDetention(t, db, p, "2026-01-01", "2026-12-10")
	update(t, db, func(tx app.Tx) error { return tx.SetSetting(app.SettingLaatstBekeken, "2026-12-01T10:00:00Z") })
	view(t, db, func(tx app.ReadTx) error {
		var n, held, quarantined int
		var seen string
		batches, err := tx.(*reader).together([]func(app.ReadTx) error{
			func(tx app.ReadTx) (err error) {
				n, err = tx.CountReleases(app.MustDate("2026-12-01"), app.MustDate("2026-12-31"))
				return err
			},
			func(tx app.ReadTx) (err error) {
				if seen, err = tx.Setting(app.SettingLaatstBekeken); err != nil {
					return err
				}
				held, err = tx.HeldCount()
				return err
			},
			func(tx app.ReadTx) (err error) { quarantined, err = tx.QuarantinedSince(time.Time{}); return err },
			func(tx app.ReadTx) error {
				rows, err := tx.SearchPersons(app.PersonQuery{Sort: app.SortByName})
				if err == nil && len(rows) != 1 {
					t.Errorf("persons: %v", rows)
				}
				return err
			},
		})
		if err != nil {
			t.Fatal(err)
		}
		if batches != 2 {
			t.Errorf("%d batches, want 2", batches)
		}
		if n != 1 || seen != "2026-12-01T10:00:00Z" || held != 0 || quarantined != 0 {
			t.Errorf("releases %d, seen %q, held %d, quarantined %d", n, seen, held, quarantined)
		}
		return nil
	})
}

// A failed statement fails the later ones of its batch too (the transaction is
// aborted): Together returns the first error, the server's, not a later one.
func TestTogetherReturnsTheFirstError(t *testing.T) {
	db, _ := openTest(t)
	err := db.View(t.Context(), func(tx app.ReadTx) error {
		var n int
		return app.Together(tx,
			func(tx app.ReadTx) (err error) { _, err = tx.HeldCount(); return err },
			func(tx app.ReadTx) error {
				return tx.(*reader).queryRow(`SELECT 1 / (SELECT count(*) FROM persons)`).Scan(&n)
			},
			func(tx app.ReadTx) (err error) { _, err = tx.QuarantinedSince(time.Time{}); return err },
		)
	})
	if err == nil || !strings.Contains(err.Error(), "division by zero") {
		t.Errorf("error %v, want the division by zero", err)
	}
}

// A read that panics panics Together once the other reads are done, and leaves no
// goroutine waiting.
func TestTogetherPanicsWithTheRead(t *testing.T) {
	db, _ := openTest(t)
	var held int
	defer func() {
		if v := recover(); v != "read panics" {
			t.Errorf("recovered %v", v)
		}
		if held != -1 {
			t.Errorf("the read beside the panic did not finish: %d", held)
		}
	}()
	_ = db.View(t.Context(), func(tx app.ReadTx) error {
		return app.Together(tx,
			func(tx app.ReadTx) error { _, _ = tx.HeldCount(); panic("read panics") },
			func(tx app.ReadTx) (err error) {
				if _, err = tx.HeldCount(); err == nil {
					_, err = tx.QuarantinedSince(time.Time{})
				}
				held = -1
				return err
			},
		)
	})
}

// The statements of the dashboard marked generic (queryGeneric) are planned once in a
// Together, the others for their values; and the generic plans of the signal lists
// and the release count use their indexes on 10,000 persons.
func TestTogetherPlansGenericOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("fills 10,000 persons")
	}
	db, _ := openTest(t)
	fillPersons(t, db, 10000)
	today := app.MustDate("2026-03-01")
	dashboard := func(tx app.ReadTx) error {
		var reads []func(app.ReadTx) error
		for _, k := range []app.SignalKind{app.SignaalNietGeregeld, app.SignaalGeenContact, app.SignaalEinddatumVerstreken} {
			reads = append(reads, func(tx app.ReadTx) error { _, _, err := tx.SignalPersons(k, today, 14, 50); return err })
		}
		reads = append(reads,
			func(tx app.ReadTx) error { _, _, err := tx.OverdueActions(today, 50); return err },
			func(tx app.ReadTx) error {
				_, _, err := tx.GemeenteAgreementsDue(today, today.AddDays(14), 50)
				return err
			},
			func(tx app.ReadTx) error { _, err := tx.CountReleases(today, today.AddDays(28)); return err })
		return app.Together(tx, reads...)
	}
	// One connection (the pool's only one), so that its prepared statements are counted.
	db.pool.Reset()
	conn, err := db.pool.Acquire(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Release()
	for range 3 {
		tx, err := conn.Begin(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		if err := dashboard(&reader{ctx: t.Context(), tx: tx}); err != nil {
			t.Fatal(err)
		}
		if err := tx.Rollback(t.Context()); err != nil {
			t.Fatal(err)
		}
	}
	rows, err := conn.Query(t.Context(), `SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	plans := map[string][2]int64{}
	for rows.Next() {
		var stmt string
		var generic, custom int64
		if err := rows.Scan(&stmt, &generic, &custom); err != nil {
			t.Fatal(err)
		}
		plans[stmt] = [2]int64{generic, custom}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	counted := 0
	for stmt, n := range plans {
		switch {
		case !strings.Contains(stmt, "persons p") && !strings.Contains(stmt, "followups f"):
			continue // the SETs, and what opening the connection asked
		case n[0] != 3 || n[1] != 0: // einddatum verstreken too (endedQuery)
			t.Errorf("%d generic and %d custom plans for %.80q", n[0], n[1], stmt)
		}
		counted++
	}
	if counted != 6 {
		t.Errorf("%d dashboard statements prepared, want 6: %v", counted, plans)
	}
	// The generic plans of the signal lists and the count walk their indexes.
	for k, index := range map[app.SignalKind]string{app.SignaalNietGeregeld: "persons_nog_te_regelen",
		app.SignaalGeenContact: "persons_geen_contact"} {
		query, args := signalQuery(k, today, 14, 50)
		if plan := explainGeneric(t, conn, query, args); !strings.Contains(plan, index) || strings.Contains(plan, "Seq Scan") {
			t.Errorf("%s: generic plan without %s:\n%s", k, index, plan)
		}
	}
	// Einddatum verstreken: the range of detentions_verwacht, each person looked up.
	query, args := signalQuery(app.SignaalEinddatumVerstreken, today, 14, 50)
	if plan := explainGeneric(t, conn, query, args); !strings.Contains(plan, "detentions_verwacht") || strings.Contains(plan, "Seq Scan") {
		t.Errorf("einddatum verstreken: generic plan without detentions_verwacht:\n%s", plan)
	}
	plan := explainGeneric(t, conn, `SELECT count(*) FROM persons p WHERE p.vrijlating >= ? AND p.vrijlating <= ?`,
		[]any{today.String(), today.AddDays(28).String()})
	if strings.Contains(plan, "Seq Scan") {
		t.Errorf("release count: generic plan reads every person:\n%s", plan)
	}
}

// explainGeneric is the generic plan of query (? placeholders) for args on conn.
func explainGeneric(t *testing.T, conn *pgxpool.Conn, query string, args []any) string {
	t.Helper()
	ctx := t.Context()
	if _, err := conn.Exec(ctx, `DEALLOCATE ALL`); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(ctx, `SET plan_cache_mode = force_generic_plan`); err != nil {
		t.Fatal(err)
	}
	defer conn.Exec(context.WithoutCancel(ctx), `RESET plan_cache_mode`) //nolint:errcheck // the connection is released after
	if _, err := conn.Exec(ctx, `PREPARE generic AS `+rebind(query)); err != nil {
		t.Fatal(err)
	}
	defer conn.Exec(context.WithoutCancel(ctx), `DEALLOCATE generic`) //nolint:errcheck // as above
	var vals []string
	for _, a := range args {
		vals = append(vals, "'"+strings.ReplaceAll(fmt.Sprint(a), "'", "''")+"'")
	}
	rows, err := conn.Query(ctx, `EXPLAIN (COSTS OFF) EXECUTE generic (`+strings.Join(vals, ", ")+`)`, pgx.QueryExecModeSimpleProtocol)
	if err != nil {
		t.Fatal(err)
	}
	return planText(t, rows)
}
