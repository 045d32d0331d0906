package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// officeTheme is Fyne's default theme, always in its light variant: calm and
// readable on office laptops whatever the desktop's dark-mode setting. The colours
// that carry meaning in text (consent given, withheld, revoked; errors) are darker
// than Fyne's, which are too light to read on white (its green has a contrast of 1.6:1).
// With these, text meets WCAG AA (4.5:1) and white on a coloured button does too.
type officeTheme struct{ fyne.Theme }

// OfficeTheme returns the app's theme.
func OfficeTheme() fyne.Theme { return officeTheme{theme.DefaultTheme()} }

var (
	colorSuccess = color.NRGBA{R: 0x2e, G: 0x7d, B: 0x32, A: 0xff} // 5.1:1 on white
	colorWarning = color.NRGBA{R: 0xa8, G: 0x4b, B: 0x00, A: 0xff} // 5.6:1
	colorError   = color.NRGBA{R: 0xc6, G: 0x28, B: 0x28, A: 0xff} // 5.6:1
)

func (t officeTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	switch n {
	case theme.ColorNameSuccess:
		return colorSuccess
	case theme.ColorNameWarning:
		return colorWarning
	case theme.ColorNameError:
		return colorError
	}
	return t.Theme.Color(n, theme.VariantLight)
}
