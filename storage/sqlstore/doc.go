// Package sqlstore holds what storage/sqlite and storage/postgres do alike, written once:

// the statements' texts and arguments (with ? placeholders, which the PostgreSQL store
// numbers), the stored forms of values and their reading back, and the schema steps'
// files. It runs no statement itself and imports no driver.
package sqlstore
