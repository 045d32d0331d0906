// Package importers reads Terugkeer messages from files and e-mails.
//
// Decoder implements app.Decoder for message format versions 1 and 2 (the specs
// berichtformaat.md and berichtformaat-v2.md), picking the version of each
// document by the namespace of its root element; V1 reads version 1 only.
// Extract splits a file or RFC 5322 e-mail into message items, Parse reads and
// validates one XML message. ReadPaths and ReadFile find and read the files an
// import is asked to take, and Examples and ExamplesV2 return the example
// messages of the spec, embedded in the binary.
//
// Every error of Extract and Parse is an *app.InvalidMessageError whose reason
// is one Dutch sentence that names fields and codes, never personal data.
package importers
