package msg

import (
	"strconv"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

// Charset returns the IANA name of a Windows code page, for the code pages an
// Outlook in Europe writes; "" for UTF-8 and US-ASCII, which need no conversion.
func Charset(codepage int) string {
	switch codepage {
	case 65001, 20127:
		return ""
	case 28591:
		return "iso-8859-1"
	case 28605:
		return "iso-8859-15"
	case 1250, 1251, 1253, 1254, 1257:
		return "windows-" + strconv.Itoa(codepage)
	}
	return "windows-1252" // Outlook's default for Western European text, also for 0
}

// decode8 decodes 8-bit text in a code page to UTF-8, without a terminating NUL.
func decode8(b []byte, codepage int) string {
	var enc encoding.Encoding
	switch Charset(codepage) {
	case "":
		return strings.TrimRight(string(b), "\x00")
	case "iso-8859-1":
		enc = charmap.ISO8859_1
	case "iso-8859-15":
		enc = charmap.ISO8859_15
	case "windows-1250":
		enc = charmap.Windows1250
	case "windows-1251":
		enc = charmap.Windows1251
	case "windows-1253":
		enc = charmap.Windows1253
	case "windows-1254":
		enc = charmap.Windows1254
	case "windows-1257":
		enc = charmap.Windows1257
	default:
		enc = charmap.Windows1252
	}
	s, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return strings.TrimRight(string(b), "\x00")
	}
	return strings.TrimRight(string(s), "\x00")
}
