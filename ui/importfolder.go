package ui

import (
	"path/filepath"

	"fyne.io/fyne/v2"

	"github.com/terugkeer/terugkeer/app"
)

// prefImportFolder keeps the folder a file or folder was last imported from.
const prefImportFolder = "import.map"

// importStart is the folder the import dialogs start in: the last one imported from,
// else Documenten, else the user's profile folder; "" when none exists (the dialog then
// makes its own choice). Reading from a synced or network folder is fine, so unlike the
// PDF folder it need not be local.
func importStart(platform app.Platform) string {
	return firstFolder(platform, prefImportFolder, func(string) bool { return true })
}

// importedFrom remembers the folder of an imported file, or an imported folder's parent
// (so that the next folder dialog shows its siblings).
func importedFrom(path string) {
	if p := prefs(); p != nil && path != "" {
		p.SetString(prefImportFolder, filepath.Dir(path))
	}
}

// setImportStart points an import dialog at importStart.
func setImportStart(d interface{ SetLocation(fyne.ListableURI) }, platform app.Platform) {
	startIn(d, importStart(platform))
}
