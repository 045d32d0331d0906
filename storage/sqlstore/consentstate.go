package sqlstore

import (
	"database/sql"
	"errors"
	"fmt"

	"github.com/terugkeer/terugkeer/app"
)

// ScanLedger reads both ledger tables once, for app.Service.Prepare.
func ScanLedger(tx Querier, sheet func(string, app.Domain, app.DomainConsent), revoked func(string, app.Domain, app.Date)) error {
	rows, err := tx.Query(`SELECT key, domain, opgesteld, gegeven, gegeven_op FROM consents`)
	if err != nil {
		return fmt.Errorf("toestemmingsregister lezen: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var key string
		var c app.DomainConsent
		var d string
		var opgesteld, gegevenOp sql.NullString
		if err := rows.Scan(&key, &d, &opgesteld, &c.Gegeven, &gegevenOp); err != nil {
			return fmt.Errorf("toestemmingsregister lezen: %w", err)
		}
		var err1, err2 error
		c.Opgesteld, err1 = ParseDate(opgesteld)
		c.GegevenOp, err2 = ParseDate(gegevenOp)
		if err := errors.Join(err1, err2); err != nil {
			return fmt.Errorf("toestemmingsregister lezen: %w", err)
		}
		sheet(key, app.Domain(d), c)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("toestemmingsregister lezen: %w", err)
	}
	return scanRevocations(tx, revoked)
}

func scanRevocations(tx Querier, revoked func(string, app.Domain, app.Date)) error {
	rows, err := tx.Query(`SELECT key, domain, ondertekend FROM revocations`)
	if err != nil {
		return fmt.Errorf("intrekkingsregister lezen: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var key, d, on string
		if err := rows.Scan(&key, &d, &on); err != nil {
			return fmt.Errorf("intrekkingsregister lezen: %w", err)
		}
		date, err := app.ParseDate(on)
		if err != nil {
			return fmt.Errorf("intrekkingsregister lezen: %w", err)
		}
		revoked(key, app.Domain(d), date)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("intrekkingsregister lezen: %w", err)
	}
	return nil
}
