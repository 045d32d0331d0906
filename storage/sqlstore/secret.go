package sqlstore

import (
	"encoding/hex"
	"errors"
)

// SecretKeySize is the size in bytes of the installation key (the setting that keys the
// audit seal and the mailbox state).
const SecretKeySize = 32

// DecodeSecret reads the stored installation key: hexadecimal, SecretKeySize bytes.
func DecodeSecret(v string) ([]byte, error) {
	key, err := hex.DecodeString(v)
	if err != nil || len(key) != SecretKeySize {
		return nil, errors.New("de opgeslagen installatiesleutel is beschadigd")
	}
	return key, nil
}
