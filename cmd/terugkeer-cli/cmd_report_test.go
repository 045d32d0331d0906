package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func needPDFToText(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) ontbreekt: installeer het met 'make deps' om de PDF-tekst te controleren")
	}
}

func pdfText(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v: %s", err, out)
	}
	return string(out)
}

// onlyFiles lists the names in dir (to see that no temporary file was left behind).
func onlyFiles(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// Done-when of issue 6: the spec's example person on one page, with the consented
// domains' answers, schulden revoked without content, and the BSN masked.
func TestReportPersonExample(t *testing.T) {
	needPDFToText(t)
	c := newCLI(t)
	c.ok("init", "--gemeente", "0193")
	c.ok("import", examples)
	dir := t.TempDir()
	pdf := filepath.Join(dir, "overzicht.pdf")
	out := c.ok("report", "persoon", "--bsn", "999990019", "--uit", pdf)
	if !strings.Contains(out, "opgeslagen") || strings.Contains(out, "999990019") {
		t.Errorf("stdout = %q", out)
	}
	st, err := os.Stat(pdf)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v, want 0600", st.Mode().Perm())
	}
	if names := onlyFiles(t, dir); len(names) != 1 {
		t.Errorf("files in the output folder: %v", names)
	}
	text := pdfText(t, pdf)
	for _, want := range []string{
		"Vertrouwelijk — nazorgoverleg", "Gemeente 0193",
		"Jan Willem van der Berg", "29-02-1988", "*****0019", "12345678",
		"PI Zwolle", "20-05-2019", "12-08-2019 (definitief)", "M. de Vries",
		"Geldig identiteitsbewijs aanwezig?", "Paspoort verlopen in 2018.", "Aanvraag tijdens detentie in gang gezet?",
		"Woonsituatie voor detentie", "Blijft de woning behouden tijdens detentie?", "Huur opgezegd door verhuurder.",
		"Onderdak na detentie geregeld?", "Huurwoning opgezegd tijdens detentie.", "Zoekt tijdelijke opvang.",
		"Zorg voor minderjarige kinderen", "Dochter (6) woont bij moeder.",
		"Toestemming ingetrokken op 01-07-2019",
		"Voorkeur voor contact", "via de casemanager", "06 0000 0000, post via zus.",
		"Pagina 1 van 1", "Bewaar deze afdruk niet langer dan nodig",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
	// schulden's answers, toelichting and hulpvraag were purged by the intrekking.
	for _, gone := range []string{"999990019", "Geschatte omvang", "Zorgverzekeraar en energieleverancier.", "Wil graag een afspraak met schuldhulp."} {
		if strings.Contains(text, gone) {
			t.Errorf("PDF text contains %q", gone)
		}
	}
	full := filepath.Join(dir, "volledig.pdf")
	c.ok("report", "persoon", "--id", "1", "--volledig-bsn", "--uit", full)
	if text := pdfText(t, full); !strings.Contains(text, "999990019") {
		t.Error("--volledig-bsn does not print the BSN")
	}
	audit := c.ok("audit", "--json")
	if strings.Count(audit, `"export"`) != 2 || strings.Contains(audit, "999990019") {
		t.Errorf("audit log after two exports: %s", audit)
	}
}

func TestReportReleases(t *testing.T) {
	needPDFToText(t)
	c := newCLI(t)
	c.ok("init", "--gemeente", "0193")
	c.ok("import", examples)
	pdf := filepath.Join(t.TempDir(), "vrijlatingen.pdf")
	out := c.ok("report", "vrijlatingen", "--nu", "2019-08-01", "--weken", "2", "--uit", pdf)
	if !strings.Contains(out, "(1 personen)") {
		t.Errorf("stdout = %q", out)
	}
	text := pdfText(t, pdf)
	for _, want := range []string{"Vrijlatingen van 01-08-2019 tot en met 15-08-2019", "Jan Willem van der Berg",
		"12-08-2019 def.", "11 dagen", "PI Zwolle", "29-02-1988", "ingetr.", "Pagina 1 van 1"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
	c.ok("report", "vrijlatingen", "--nu", "2019-08-13", "--uit", pdf)
	if text := pdfText(t, pdf); !strings.Contains(text, "Geen vrijlatingen in deze periode.") {
		t.Errorf("list after the release date: %q", text)
	}
}

// Wrong invocations and failures leave no file, partial or temporary, behind.
func TestReportErrorsLeaveNothing(t *testing.T) {
	c := newCLI(t)
	c.ok("init", "--gemeente", "0193")
	c.ok("import", examples)
	dir := t.TempDir()
	pdf := filepath.Join(dir, "x.pdf")
	cases := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"report"}, exitUsage, "Kies welk overzicht"},
		{[]string{"report", "lijst", "--uit", pdf}, exitUsage, "Onbekend overzicht"},
		{[]string{"report", "persoon", "--bsn", "999990019"}, exitUsage, "--uit"},
		{[]string{"report", "persoon", "--uit", pdf}, exitUsage, "precies één"},
		{[]string{"report", "persoon", "--bsn", "999990032", "--uit", pdf}, exitError, "Niet gevonden"},
		{[]string{"report", "vrijlatingen", "--weken", "0", "--uit", pdf}, exitError, "aantal weken"},
		{[]string{"report", "vrijlatingen", "--nu", "1-8-2019", "--uit", pdf}, exitUsage, "--nu"},
		{[]string{"report", "persoon", "--bsn", "999990019", "--uit", filepath.Join(dir, "geen-map", "x.pdf")}, exitError, "kan niet worden geschreven"},
		{[]string{"report", "persoon", "--bsn", "999990019", "--uit", dir}, exitError, "kan niet worden geschreven"},
	}
	for _, tc := range cases {
		_, errOut, code := c.run(tc.args...)
		if code != tc.code || !strings.Contains(errOut, tc.msg) || strings.Contains(errOut, "999990") {
			t.Errorf("%v: exit %d, stderr %q; want exit %d with %q", tc.args, code, errOut, tc.code, tc.msg)
		}
	}
	if names := onlyFiles(t, dir); len(names) != 0 {
		t.Errorf("left behind: %v", names)
	}
}
