package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/terugkeer/terugkeer/app"
	"github.com/terugkeer/terugkeer/importers"
	"github.com/terugkeer/terugkeer/storage/sqlite"
)

// The elements jsonArray writes one by one come out in writeJSON's bytes for the whole
// slice: empty, one, several, with characters the encoder escapes.
func TestJSONArrayWritesWhatTheEncoderWrites(t *testing.T) {
	odd := personJSON{ID: 7, BSN: "999990019", Voornamen: "Zoë <Anna> & \u2028", Achternaam: `"Berg"\`}
	for _, list := range [][]personJSON{{}, {odd}, {odd, {ID: 8}, odd}} {
		var want, got bytes.Buffer
		if err := writeJSON(&env{stdout: &want}, list); err != nil {
			t.Fatal(err)
		}
		arr := jsonArray{w: &got}
		for _, p := range list {
			if err := arr.add(p); err != nil {
				t.Fatal(err)
			}
		}
		if err := arr.close(); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%d elements: streamed\n%s\nwant\n%s", len(list), got.String(), want.String())
		}
	}
}

// persons --json streams row by row (issue 19 item 3) and writes exactly what encoding
// the whole list at once wrote, for every person and for a search without hits.
func TestPersonsJSONStreamedEqualsBuffered(t *testing.T) {
	db := filepath.Join(t.TempDir(), "data", "terugkeer.db")
	ctx := context.Background()
	cli := func(args ...string) string {
		var out, errOut bytes.Buffer
		if code := run(ctx, append([]string{"--db", db}, args...), &out, &errOut, func(string) string { return "" }); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut.String())
		}
		return out.String()
	}
	cli("demo", "--personen", "60", "--seed", "5", "--nu", "2026-03-01")
	for _, args := range [][]string{{}, {"--zoek", "an"}, {"--zoek", "geen-zo-iemand"}} {
		got := cli(append([]string{"persons", "--json"}, args...)...)
		if want := bufferedPersonsJSON(t, db, args); got != want {
			t.Errorf("persons --json %v: streamed\n%.400s\nbuffered\n%.400s", args, got, want)
		}
	}
}

// bufferedPersonsJSON is what persons --json wrote before it streamed: the whole list
// from Service.Persons, encoded at once.
func bufferedPersonsJSON(t *testing.T, path string, args []string) string {
	t.Helper()
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	q := app.PersonQuery{Sort: app.SortByName}
	if len(args) == 2 {
		q.Zoek = args[1]
	}
	rows, err := app.NewService(db, importers.Decoder{}, time.Now).Persons(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	list := make([]personJSON, 0, len(rows))
	for _, r := range rows {
		list = append(list, toPersonJSON(r.Person))
	}
	var out bytes.Buffer
	if err := writeJSON(&env{stdout: &out}, list); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// persons --sorteer takes every column of the list, a domain included, and --aflopend
// the other way round: the ids come out as Service.Persons orders them (issue 18 item 7);
// an unknown name is a usage error.
func TestPersonsSortFlags(t *testing.T) {
	db := filepath.Join(t.TempDir(), "data", "terugkeer.db")
	ctx := context.Background()
	cli := func(args ...string) (string, int, string) {
		var out, errOut bytes.Buffer
		code := run(ctx, append([]string{"--db", db}, args...), &out, &errOut, func(string) string { return "" })
		return out.String(), code, errOut.String()
	}
	if _, code, msg := cli("demo", "--personen", "40", "--seed", "5", "--nu", "2026-03-01"); code != 0 {
		t.Fatalf("demo: exit %d: %s", code, msg)
	}
	orders := map[string]bool{} // the distinct orders: the flags are not all the same sort
	for _, name := range app.PersonSortNames() {
		for _, desc := range []bool{false, true} {
			args := []string{"persons", "--json", "--sorteer", name}
			if desc {
				args = append(args, "--aflopend")
			}
			out, code, msg := cli(args...)
			if code != 0 {
				t.Fatalf("%v: exit %d: %s", args, code, msg)
			}
			var got []personJSON
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatal(err)
			}
			q := app.PersonQuery{Desc: desc}
			if err := app.ParsePersonSort(name, &q); err != nil {
				t.Fatal(err)
			}
			want := servicePersons(t, db, q)
			if len(got) != len(want) || len(got) == 0 {
				t.Fatalf("%v: %d persons, want %d", args, len(got), len(want))
			}
			for i := range got {
				if got[i].ID != want[i] {
					t.Errorf("%v: person %d is %d, want %d", args, i, got[i].ID, want[i])
					break
				}
			}
			orders[fmt.Sprint(want)] = true
		}
	}
	if n := 2 * len(app.PersonSortNames()); len(orders) < n-2 {
		t.Errorf("%d distinct orders of %d sorts", len(orders), n)
	}
	if _, code, msg := cli("persons", "--sorteer", "sociaal-netwerk"); code != 2 || !strings.Contains(msg, "--sorteer") {
		t.Errorf("--sorteer sociaal-netwerk: exit %d: %s", code, msg)
	}
}

// servicePersons are the ids Service.Persons lists for q on the database at path.
func servicePersons(t *testing.T, path string, q app.PersonQuery) []int64 {
	t.Helper()
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := app.NewService(db, importers.Decoder{}, time.Now).Persons(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	var out []int64
	for _, r := range rows {
		out = append(out, r.ID)
	}
	return out
}
