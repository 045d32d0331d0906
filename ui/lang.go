package ui

import (
	"embed"
	"os"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

//go:embed translation/*.json
var translations embed.FS

// Languages the app offers; Dutch is the default and the fallback.
const (
	Dutch   = "nl"
	English = "en"
)

// PrefLanguage is the Fyne preference that holds the user's language choice.
const PrefLanguage = "taal"

// SetupLanguage loads the translations (ours, plus Dutch for Fyne's own strings) and makes
// code ("nl" or "en"; anything else means Dutch) the language of every string. Fyne picks
// its language from the environment (LC_ALL, LC_MESSAGES, LANG) and falls back to English,
// so with LANG=C or an unsupported locale it would show English; the environment is
// therefore pointed at the chosen language while the localizer is set up, and restored
// afterwards. Call it before the first window is built.
func SetupLanguage(code string) error {
	if code != English {
		code = Dutch
	}
	locale := "nl_NL.UTF-8"
	if code == English {
		locale = "en_GB.UTF-8"
	}
	restore := setEnv(map[string]string{"LC_ALL": locale, "LC_MESSAGES": locale, "LANG": locale, "LANGUAGE": ""})
	defer restore()
	return lang.AddTranslationsFS(translations, "translation")
}

// LanguageFromPreferences returns the stored language choice, Dutch when none.
func LanguageFromPreferences(p fyne.Preferences) string {
	if p == nil {
		return Dutch
	}
	if v := p.StringWithFallback(PrefLanguage, Dutch); v == English {
		return English
	}
	return Dutch
}

func setEnv(vals map[string]string) (restore func()) {
	type old struct {
		v  string
		ok bool
	}
	saved := map[string]old{}
	for k, v := range vals {
		ov, ok := os.LookupEnv(k)
		saved[k] = old{ov, ok}
		if v == "" {
			os.Unsetenv(k)
		} else {
			os.Setenv(k, v)
		}
	}
	return func() {
		for k, o := range saved {
			if o.ok {
				os.Setenv(k, o.v)
			} else {
				os.Unsetenv(k)
			}
		}
	}
}

// T translates a Dutch source text (the key in translation/*.json). Data fills
// {{.Name}} placeholders.
func T(text string, data ...any) string { return lang.L(text, data...) }

// tf is T with one placeholder-map built from key/value pairs.
func tf(text string, kv ...any) string {
	m := map[string]any{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i].(string)] = kv[i+1]
	}
	return lang.L(text, m)
}

// plural picks the singular or plural text for n and fills {{.N}} with n written with
// the language's thousands separator (formatCount: "74.574 personen", not "74574").
func plural(n int, one, many string) string {
	if n == 1 {
		return tf(one, "N", n)
	}
	return tf(many, "N", formatCount(n))
}

// lower-cases the first letter: for sentences built from labels.
func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// upperFirst capitalises the first letter: a state that starts a line.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
