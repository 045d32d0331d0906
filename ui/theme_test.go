package ui

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// luminance is the WCAG 2 relative luminance of c.
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// Text in the colours that carry meaning (consent, warnings, errors) and the text on
// buttons of those colours reach WCAG AA contrast (4.5:1), also when the desktop asks
// for a dark theme.
func TestThemeColoursAreReadable(t *testing.T) {
	th := OfficeTheme()
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		bg := th.Color(theme.ColorNameBackground, v)
		for _, pair := range [][2]fyne.ThemeColorName{
			{theme.ColorNameForeground, theme.ColorNameBackground},
			{theme.ColorNameSuccess, theme.ColorNameBackground},
			{theme.ColorNameWarning, theme.ColorNameBackground},
			{theme.ColorNameError, theme.ColorNameBackground},
			{theme.ColorNameForegroundOnSuccess, theme.ColorNameSuccess},
			{theme.ColorNameForegroundOnWarning, theme.ColorNameWarning},
			{theme.ColorNameForegroundOnError, theme.ColorNameError},
		} {
			fg, back := th.Color(pair[0], v), th.Color(pair[1], v)
			if pair[1] == theme.ColorNameBackground {
				back = bg
			}
			if c := contrast(fg, back); c < 4.5 {
				t.Errorf("variant %d: %s on %s has contrast %.1f:1, want at least 4.5:1", v, pair[0], pair[1], c)
			}
		}
	}
}
