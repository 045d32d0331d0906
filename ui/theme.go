package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// officeTheme is Fyne's default theme, always in its light variant: calm and
// readable on office laptops whatever the desktop's dark-mode setting.
type officeTheme struct{ fyne.Theme }

// OfficeTheme returns the app's theme.
func OfficeTheme() fyne.Theme { return officeTheme{theme.DefaultTheme()} }

func (t officeTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, theme.VariantLight)
}
