package ui

import (
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"

	"github.com/terugkeer/terugkeer/app"
)

// prefPDFFolder keeps the last local folder a PDF was saved in.
const prefPDFFolder = "pdf.map"

// LastPDFFolder is the folder a PDF was last saved in ("" when none): the desktop app
// removes a half-written PDF a killed run left there (report.RemoveStaleTemp).
func LastPDFFolder(p fyne.Preferences) string { return p.String(prefPDFFolder) }

// pdfFolders chooses the folder the PDF save dialog starts in, so that an overview is
// not saved by default where OneDrive's Known Folder Move or folder redirection takes it
// off the laptop.
type pdfFolders struct {
	platform app.Platform
}

// newPDFFolders uses platform, or this machine when platform is the zero value.
func newPDFFolders(platform app.Platform) *pdfFolders {
	if platform.GOOS == "" {
		platform = app.SystemPlatform(os.Getenv)
	}
	return &pdfFolders{platform: platform}
}

// start is the first of these that exists and is local: the last folder a PDF was
// saved in, Documenten, the user's profile folder; "" when none is (the dialog then
// makes its own choice).
func (f *pdfFolders) start() string {
	var candidates []string
	if p := prefs(); p != nil {
		candidates = append(candidates, p.String(prefPDFFolder))
	}
	if f.platform.Documents != nil {
		if d, err := f.platform.Documents(); err == nil {
			candidates = append(candidates, d)
		}
	}
	if f.platform.HomeDir != nil {
		if h, err := f.platform.HomeDir(); err == nil {
			candidates = append(candidates, h)
		}
	}
	for _, dir := range candidates {
		if st, err := os.Stat(dir); dir != "" && err == nil && st.IsDir() && f.platform.PlaceOf(dir).Local() {
			return dir
		}
	}
	return ""
}

// placeOf is where the PDF at path would go.
func (f *pdfFolders) placeOf(path string) app.Place { return f.platform.PlaceOf(filepath.Dir(path)) }

// saved remembers the folder of a PDF saved at a local place.
func (f *pdfFolders) saved(path string) {
	if p := prefs(); p != nil && f.placeOf(path).Local() {
		p.SetString(prefPDFFolder, filepath.Dir(path))
	}
}

// setStart points the dialog at f.start().
func (f *pdfFolders) setStart(d interface{ SetLocation(fyne.ListableURI) }) {
	if dir := f.start(); dir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			d.SetLocation(l)
		}
	}
}

// leavesLaptopText says, for a synced or network place, that the PDF will leave the
// laptop and asks whether to save it there all the same.
func leavesLaptopText(pl app.Place) string {
	if pl.Kind == app.PlaceSynced {
		return tf("Deze map wordt gesynchroniseerd met {{.S}}: de PDF verlaat deze laptop, en de kopie in de cloud blijft buiten het bereik van Terugkeer (verwijderen en bewaartermijnen gelden daar niet). Toch hier opslaan?", "S", pl.Service)
	}
	return T("Deze map staat op een netwerklocatie: de PDF verlaat deze laptop, en de kopie op de server blijft buiten het bereik van Terugkeer (verwijderen en bewaartermijnen gelden daar niet). Toch hier opslaan?")
}

// pdfFolders is the shell's, or this machine's for a view made on its own.
func (v *PersonView) pdfFolders() *pdfFolders {
	if v.folders == nil {
		v.folders = newPDFFolders(app.Platform{})
	}
	return v.folders
}
