package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// lineStep is how far Up and Down scroll a screen.
const lineStep = 40

// scrollByKey scrolls s for Page Up, Page Down, Home, End, Up and Down and reports
// whether the key was one of those. Fyne's scroll containers take no keys, so the window's
// key handler calls this for the screen shown when no field has focus.
func scrollByKey(s *container.Scroll, key fyne.KeyName) bool {
	if s == nil {
		return false
	}
	page := s.Size().Height - lineStep
	if page < lineStep {
		page = lineStep
	}
	y := s.Offset.Y
	switch key {
	case fyne.KeyPageDown:
		y += page
	case fyne.KeyPageUp:
		y -= page
	case fyne.KeyDown:
		y += lineStep
	case fyne.KeyUp:
		y -= lineStep
	case fyne.KeyHome:
		y = 0
	case fyne.KeyEnd:
		y = s.Content.MinSize().Height
	default:
		return false
	}
	s.ScrollToOffset(fyne.NewPos(s.Offset.X, y))
	return true
}
