package importers

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"

	"golang.org/x/text/encoding/charmap"
)

// unknownCharsetError reports an encoding declaration this package cannot read.
type unknownCharsetError struct{ label string }

func (e *unknownCharsetError) Error() string { return "onbekende tekenset " + e.label }

// charsetReader decodes the encodings format v1 allows besides UTF-8:
// ISO-8859-1 and windows-1252 (and US-ASCII, a subset of UTF-8).
func charsetReader(label string, input io.Reader) (io.Reader, error) {
	switch strings.ToLower(strings.TrimSpace(label)) {
	case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1":
		return charmap.ISO8859_1.NewDecoder().Reader(input), nil
	case "windows-1252", "cp1252", "x-cp1252":
		return charmap.Windows1252.NewDecoder().Reader(input), nil
	case "us-ascii", "ascii", "utf8":
		return input, nil
	}
	return nil, &unknownCharsetError{label: label}
}

// newXMLDecoder returns a strict decoder without entity definitions beyond the
// five predefined ones, so no DTD entity is ever expanded.
func newXMLDecoder(raw []byte) *xml.Decoder {
	d := xml.NewDecoder(bytes.NewReader(raw))
	d.Strict = true
	d.CharsetReader = charsetReader
	return d
}
