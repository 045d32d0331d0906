package main

import (
	"encoding/json"
	"io"
)

// jsonArray writes a JSON array one element at a time, in exactly the bytes that
// writeJSON (a json.Encoder indenting by two spaces) writes for the whole slice: "[]" when
// empty, else "[", each element on its own lines indented by two spaces, "]", a newline.
type jsonArray struct {
	w io.Writer
	n int
}

// add writes one element.
func (a *jsonArray) add(v any) error {
	b, err := json.MarshalIndent(v, "  ", "  ")
	if err != nil {
		return err
	}
	sep := ",\n  "
	if a.n == 0 {
		sep = "[\n  "
	}
	a.n++
	if _, err := io.WriteString(a.w, sep); err != nil {
		return err
	}
	_, err = a.w.Write(b)
	return err
}

// close ends the array.
func (a *jsonArray) close() error {
	end := "\n]\n"
	if a.n == 0 {
		end = "[]\n"
	}
	_, err := io.WriteString(a.w, end)
	return err
}
