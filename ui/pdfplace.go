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
	return firstFolder(f.platform, prefPDFFolder, func(dir string) bool { return f.platform.PlaceOf(dir).Local() })
}

// firstFolder is the first existing folder, for which ok holds, of: the one kept under
// the preference key, Documenten, the user's profile folder; "" when none is. The PDF
// and import dialogs start there.
func firstFolder(platform app.Platform, key string, ok func(dir string) bool) string {
	var candidates []string
	if p := prefs(); p != nil {
		candidates = append(candidates, p.String(key))
	}
	if platform.Documents != nil {
		if d, err := platform.Documents(); err == nil {
			candidates = append(candidates, d)
		}
	}
	if platform.HomeDir != nil {
		if h, err := platform.HomeDir(); err == nil {
			candidates = append(candidates, h)
		}
	}
	for _, dir := range candidates {
		if st, err := os.Stat(dir); dir != "" && err == nil && st.IsDir() && ok(dir) {
			return dir
		}
	}
	return ""
}

// startIn points a file dialog at dir; "" leaves the dialog's own choice.
func startIn(d interface{ SetLocation(fyne.ListableURI) }, dir string) {
	if dir == "" {
		return
	}
	if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
		d.SetLocation(l)
	}
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
func (f *pdfFolders) setStart(d interface{ SetLocation(fyne.ListableURI) }) { startIn(d, f.start()) }

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
