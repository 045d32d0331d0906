package app

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
)

// ContentHash identifies what a message says: an HMAC-SHA256 under the installation's
// key over a canonical form of every parsed field (values as parsed, so the same
// message in another transfer encoding, charset or layout has the same hash). It is
// kept per kenmerk to tell a duplicate from a reused kenmerk; keyed, so that the hash
// of a short message cannot be found by trying names and BSNs.
func (m *Message) ContentHash(key []byte) string { return contentHash(key, m, nil) }

// canonicalForm is the canonical form ContentHash keys. An ImportBatch computes it on
// its parse goroutine (decode), which leaves the writer goroutine only the HMAC.
func (m *Message) canonicalForm() []byte {
	var b bytes.Buffer
	canonical(&b, reflect.ValueOf(*m))
	return b.Bytes()
}

// contentHash is ContentHash of m whose canonical form is form, or computed here when
// form is nil.
func contentHash(key []byte, m *Message, form []byte) string {
	mac := hmac.New(sha256.New, key)
	if form == nil {
		canonical(mac, reflect.ValueOf(*m))
	} else {
		mac.Write(form)
	}
	return hex.EncodeToString(mac.Sum(nil))
}

var (
	dateType = reflect.TypeOf(Date{})
	timeType = reflect.TypeOf(time.Time{})
)

// canonical writes v unambiguously: every string quoted, every list with its length,
// every map in key order, struct fields by name; empty fields are left out, so a field
// added to Message later changes no hash of a message that does not use it.
func canonical(w io.Writer, v reflect.Value) {
	switch {
	case v.Type() == dateType:
		fmt.Fprintf(w, "d%q", v.Interface().(Date).String())
		return
	case v.Type() == timeType:
		t := v.Interface().(time.Time)
		if t.IsZero() {
			io.WriteString(w, "t0")
			return
		}
		fmt.Fprintf(w, "t%q", t.UTC().Format(time.RFC3339Nano))
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		io.WriteString(w, "{")
		for i := range v.NumField() {
			f := v.Field(i)
			if f.IsZero() {
				continue // an absent field and a field the type did not have yet hash alike
			}
			io.WriteString(w, v.Type().Field(i).Name+":")
			canonical(w, f)
			io.WriteString(w, ";")
		}
		io.WriteString(w, "}")
	case reflect.Pointer:
		if v.IsNil() {
			io.WriteString(w, "nil")
			return
		}
		canonical(w, v.Elem())
	case reflect.Slice:
		fmt.Fprintf(w, "[%d:", v.Len())
		for i := range v.Len() {
			canonical(w, v.Index(i))
			io.WriteString(w, ",")
		}
		io.WriteString(w, "]")
	case reflect.Map:
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int {
			return strings.Compare(fmt.Sprint(a.Interface()), fmt.Sprint(b.Interface()))
		})
		fmt.Fprintf(w, "m%d:", len(keys))
		for _, k := range keys {
			canonical(w, k)
			io.WriteString(w, "=")
			canonical(w, v.MapIndex(k))
			io.WriteString(w, ",")
		}
	case reflect.String:
		io.WriteString(w, strconv.Quote(v.String()))
	case reflect.Bool:
		io.WriteString(w, strconv.FormatBool(v.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		io.WriteString(w, strconv.FormatInt(v.Int(), 10))
	default:
		fmt.Fprintf(w, "%v", v.Interface())
	}
}
