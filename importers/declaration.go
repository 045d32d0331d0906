package importers

import (
	"bytes"
	"io"
	"strings"

	"github.com/emersion/go-message/charset"
)

// convertUndeclared converts a document to UTF-8 from the MIME charset of its
// part when the document itself declares no encoding (it would otherwise be read
// as UTF-8). A declared encoding wins, because the document travels on as
// written; an unknown charset leaves the bytes unchanged.
func convertUndeclared(doc []byte, mimeCharset string) []byte {
	cs := strings.ToLower(strings.TrimSpace(mimeCharset))
	if cs == "" || cs == "utf-8" || cs == "us-ascii" || declaresEncoding(doc) {
		return doc
	}
	r, err := charset.Reader(cs, bytes.NewReader(doc))
	if err != nil {
		return doc
	}
	out, err := io.ReadAll(r)
	if err != nil {
		return doc
	}
	return out
}

// declaresEncoding reports whether doc starts with an XML declaration that has
// an encoding pseudo-attribute.
func declaresEncoding(doc []byte) bool {
	doc = bytes.TrimPrefix(doc, []byte(utf8BOM))
	if !bytes.HasPrefix(doc, []byte("<?xml")) {
		return false
	}
	end := bytes.Index(doc, []byte("?>"))
	if end < 0 {
		return false
	}
	return bytes.Contains(doc[:end], []byte("encoding"))
}
