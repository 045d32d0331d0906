package sqlite

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"

	"github.com/terugkeer/terugkeer/storage/sqlstore"
)

// secretKeySetting holds the installation's random key (hex) for app.PersonKeys.
const secretKeySetting = "installatiesleutel"

// Setting returns a setting's value, "" when unset.
// Inside a batch a setting is read once and then served from the batch's cache.
func (r *reader) Setting(key string) (string, error) {
	if v, ok := r.cache.setting(key); ok {
		return v, nil
	}
	var v string
	err := r.queryRow(`SELECT value FROM settings WHERE key = ?`, key).Scan(&v)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("instelling %q lezen: %w", key, err)
	}
	r.cacheSetting(key, v)
	return v, nil
}

// cacheSetting records a setting's value in the batch's cache, if any.
func (r *reader) cacheSetting(key, value string) {
	if r.cache != nil {
		r.cache.setSetting(key, value)
	}
}

// SetSetting stores a setting. The secret key cannot be set this way: replacing it
// would orphan the whole consent ledger.
func (w *writer) SetSetting(key, value string) error {
	if key == secretKeySetting {
		return fmt.Errorf("instelling %q kan niet worden gewijzigd", key)
	}
	_, err := w.exec(`INSERT INTO settings (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	if err != nil {
		return fmt.Errorf("instelling %q opslaan: %w", key, err)
	}
	w.cacheSetting(key, value)
	return nil
}

// SecretKey returns the installation's random key, creating it on first use.
func (w *writer) SecretKey() ([]byte, error) {
	v, err := w.Setting(secretKeySetting)
	if err != nil {
		return nil, err
	}
	if v != "" {
		return sqlstore.DecodeSecret(v)
	}
	key := make([]byte, sqlstore.SecretKeySize)
	if _, err := rand.Read(key); err != nil {
		return nil, fmt.Errorf("installatiesleutel maken: %w", err)
	}
	_, err = w.exec(`INSERT INTO settings (key, value) VALUES (?, ?)`, secretKeySetting, hex.EncodeToString(key))
	if err != nil {
		return nil, fmt.Errorf("installatiesleutel opslaan: %w", err)
	}
	w.cacheSetting(secretKeySetting, hex.EncodeToString(key))
	return key, nil
}
