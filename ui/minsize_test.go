package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/terugkeer/terugkeer/app"
)

// The window fits 800×600 on every screen, loaded, a person's file included (issue 18,
// defect 10): Fyne grows a window to its content's minimum size, so any screen asking for
// more pushes the window off a small laptop display.
func TestEveryScreenFits800x600(t *testing.T) {
	svc := realService(t, exampleNow, []string{"0193"}, true)
	s, w := newShell(t, svc, Options{})
	w.Resize(fyne.NewSize(800, 600))
	check := func(name string) {
		t.Helper()
		if m := s.Content().MinSize(); m.Width > 800 || m.Height > 600 {
			t.Errorf("%s: the window needs %v, more than 800×600", name, m)
		}
	}
	for _, name := range []string{SectionOverzicht, SectionPersonen, SectionActies, SectionImporteren, SectionQuarantaine, SectionLogboek, SectionInstelling} {
		s.Show(name)
		s.Wait()
		check(name)
	}
	p := openBerg(t, svc, s)
	check("Persoon")
	// A closed traject offers "Traject heropenen": the row of buttons must still fit (it
	// pushed the window to 854 px in the walk through the real window).
	if err := svc.CloseTraject(context.Background(), p.file.Person.ID, app.MetMaatregelen, app.DateOf(exampleNow)); err != nil {
		t.Fatal(err)
	}
	openBerg(t, svc, s)
	check("Persoon, traject afgesloten")
}
