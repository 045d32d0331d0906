package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/terugkeer/terugkeer/importers"
	"github.com/terugkeer/terugkeer/importers/msg"
	"github.com/terugkeer/terugkeer/importers/msg/msgtest"
)

// importJSON imports one file with --json and returns its lines without the bron
// (the file names differ) and the person it leaves.
func importJSON(t *testing.T, path string) ([]resultJSON, showJSON, []quarantineJSON) {
	t.Helper()
	c := newCLI(t)
	c.ok("init", "--gemeente", "0193")
	out := c.ok("import", "--json", path)
	var lines []resultJSON
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var r resultJSON
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("%s: %v", l, err)
		}
		r.Bron = strings.TrimPrefix(r.Bron, path)
		lines = append(lines, r)
	}
	q := c.quarantine()
	for i := range q {
		q[i].Bron, q[i].ID, q[i].Ontvangen = strings.TrimPrefix(q[i].Bron, path), 0, ""
	}
	return lines, c.show("--bsn", "999990019"), q
}

// Done-when of issue 17: a .msg with the examples attached imports as the .eml does
// (msgconvert's conversion of the same file, an independent reader).
func TestOutlookMsgImportsAsItsEml(t *testing.T) {
	files := map[string][]byte{}
	for _, e := range importers.Examples() {
		files[e.Name] = e.Data
	}
	raw := msgtest.File(msgtest.AllExamples(files))
	dir := t.TempDir()
	msgPath, emlPath := filepath.Join(dir, "voorbeelden.msg"), filepath.Join(dir, "voorbeelden.eml")
	if err := os.WriteFile(msgPath, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(emlPath, msgtest.Convert(t, raw), 0o600); err != nil {
		t.Fatal(err)
	}
	msgLines, msgPerson, msgQ := importJSON(t, msgPath)
	emlLines, emlPerson, emlQ := importJSON(t, emlPath)
	if len(msgLines) != 5 || msgLines[3].Kenmerk != "AGG-2019-000104" || msgLines[4].Resultaat != "quarantaine" {
		t.Fatalf(".msg import = %+v", msgLines)
	}
	checkDomains(t, msgPerson)
	if !reflect.DeepEqual(msgLines, emlLines) {
		t.Errorf(".msg: %+v\n.eml: %+v", msgLines, emlLines)
	}
	if !reflect.DeepEqual(msgPerson, emlPerson) || !reflect.DeepEqual(msgQ, emlQ) {
		t.Errorf("person or quarantine differ:\n%+v %+v\n%+v %+v", msgPerson, msgQ, emlPerson, emlQ)
	}
}

// A folder import takes .msg files; an attachment over 10 MiB and an unreadable
// attached .msg are quarantined each on their own, the message beside them is imported.
func TestOutlookFolderAndBadAttachments(t *testing.T) {
	big := append([]byte("<?xml version=\"1.0\"?>\n<bericht>"), make([]byte, 10<<20)...)
	broken := append([]byte(msg.Signature), make([]byte, 600)...)
	m := &msgtest.Message{Attachments: []msgtest.Attachment{
		{Name: "groot.xml", Data: big},
		{Name: "kapot.msg", Data: broken},
		{Name: "begin.xml", Data: importers.Examples()[0].Data},
	}}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "Bericht.MSG"), msgtest.File(m), 0o600); err != nil {
		t.Fatal(err)
	}
	c := newCLI(t)
	c.ok("init", "--gemeente", "0193")
	out := c.ok("import", dir)
	if !strings.Contains(out, "1 geïmporteerd, 0 dubbel, 2 in quarantaine") {
		t.Errorf("import = %q", out)
	}
	q := c.quarantine() // newest first
	if len(q) != 2 || !strings.Contains(q[1].Reden, "groter dan 10 MiB") || !strings.HasSuffix(q[1].Bron, "Bericht.MSG deel 1") ||
		!strings.Contains(q[0].Reden, "bijgevoegd Outlook-bericht is onleesbaar") {
		t.Errorf("quarantine = %+v", q)
	}
}
