package postgres

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"github.com/jackc/pgx/v5"

	"github.com/terugkeer/terugkeer/storage/sqlstore"
)

// secretKeySetting holds the installation's random key (hex) for app.PersonKeys.
const secretKeySetting = "installatiesleutel"

// Setting returns a setting's value, "" when unset.
func (r *reader) Setting(key string) (string, error) {
	var v string
	err := r.queryRow(`SELECT value FROM settings WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("instelling %q lezen: %w", key, err)
	}
	return v, nil
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
	return key, nil
}
