// Package importers reads Terugkeer messages from files and e-mails.
//
// V1 implements app.Decoder for message format version 1 (see the spec
// berichtformaat.md): Extract splits a file or RFC 5322 e-mail into message
// items, Parse reads and validates one XML message. ReadPaths and ReadFile find
// and read the files an import is asked to take, and Examples returns the
// example messages of the spec, embedded in the binary.
//
// Every error of Extract and Parse is an *app.InvalidMessageError whose reason
// is one Dutch sentence that names fields and codes, never personal data.
package importers
