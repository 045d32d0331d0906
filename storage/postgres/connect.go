package postgres

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Connection errors, classified where they arise so that the programs word them for
// the user (errors.Is). Their messages never hold the password, nor the user name.
var (
	// ErrBadURI: the URI cannot be read as a PostgreSQL connection URI.
	ErrBadURI = errors.New("het adres van de database is geen geldige PostgreSQL-URI")
	// ErrInsecure: a server not on this computer without TLS and certificate check.
	ErrInsecure = errors.New("een databaseserver buiten deze computer is alleen bereikbaar over TLS met " +
		"controle van het certificaat (sslmode=verify-full of verify-ca)")
	// ErrUnreachable: no connection to the server could be made.
	ErrUnreachable = errors.New("de databaseserver is niet bereikbaar")
	// ErrCertificate: the TLS handshake failed, for instance on a certificate that
	// cannot be verified.
	ErrCertificate = errors.New("de beveiligde verbinding met de databaseserver is mislukt (TLS)")
	// ErrAuthentication: the server refused the sign-in.
	ErrAuthentication = errors.New("de databaseserver weigert de aanmelding (gebruikersnaam of wachtwoord klopt niet, " +
		"of deze gebruiker heeft geen toegang)")
	// ErrNoDatabase: the server has no database of that name.
	ErrNoDatabase = errors.New("de database bestaat niet op de server")
	// ErrPermission: the role may not do what opening needs (create the schema, read a table).
	ErrPermission = errors.New("deze gebruiker heeft geen rechten op de database")
	// ErrAdminOnly: a setting only terugkeer_beheerder may change (migration 0004).
	ErrAdminOnly = errors.New("alleen een beheerder (terugkeer_beheerder) mag de gemeentecodes, de bewaartermijnen " +
		"en het postvak wijzigen")
	// ErrForeignDatabase: the database holds tables that are not Terugkeer's.
	ErrForeignDatabase = errors.New("de database bevat tabellen van een ander programma en is geen Terugkeer-database")
)

// Options tune Open.
type Options struct {
	// Password is asked for the password when neither the URI nor PGPASSWORD (nor the
	// user's ~/.pgpass, which pgx reads) gives one: the hook for the OS keyring. nil:
	// connect without.
	Password func() (string, error)
	// MaxConns bounds the pool; 0 is 4.
	MaxConns int32
}

// IsURI reports whether source is a PostgreSQL connection URI.
func IsURI(source string) bool {
	return strings.HasPrefix(source, "postgres://") || strings.HasPrefix(source, "postgresql://")
}

// Open connects to the database at uri, refusing an unprotected connection to a
// server off this computer (see config), and brings its schema up to date.
func Open(ctx context.Context, uri string, opts Options) (*DB, error) {
	cfg, err := config(uri, opts)
	if err != nil {
		return nil, err
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("verbinden met de database: %w", ErrBadURI)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, connectError(cfg.ConnConfig.Host, cfg.ConnConfig.Port, err)
	}
	db := &DB{pool: pool}
	if err := db.migrate(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	if err := db.readSession(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	return db, nil
}

// config parses uri and applies the connection rules: a server that is not on this
// computer (not 127.0.0.0/8, ::1, localhost or a unix socket) is reached only over TLS
// with certificate verification. When neither the URI nor PGSSLMODE names an sslmode,
// such a server gets sslmode=verify-full; a loopback server keeps libpq's default.
func config(uri string, opts Options) (*pgxpool.Config, error) {
	if !IsURI(uri) {
		return nil, ErrBadURI
	}
	cfg, err := pgxpool.ParseConfig(uri)
	if err != nil {
		return nil, parseError(err)
	}
	if !namesSSLMode(uri) && os.Getenv("PGSSLMODE") == "" && !allLoopback(cfg.ConnConfig.Config) {
		if cfg, err = pgxpool.ParseConfig(withParam(uri, "sslmode", "verify-full")); err != nil {
			return nil, parseError(err)
		}
	}
	if err := checkTLS(cfg.ConnConfig.Config); err != nil {
		return nil, err
	}
	if cfg.ConnConfig.Password == "" && opts.Password != nil {
		pw, err := opts.Password()
		if err != nil {
			return nil, fmt.Errorf("wachtwoord voor de database: %w", err)
		}
		cfg.ConnConfig.Password = pw
	}
	cfg.MaxConns = 4
	if opts.MaxConns > 0 {
		cfg.MaxConns = opts.MaxConns
	}
	params := cfg.ConnConfig.RuntimeParams
	if params["application_name"] == "" {
		params["application_name"] = "terugkeer" // what the DBA sees in pg_stat_activity
	}
	// Every statement is planned with its values, as the EXPLAIN tests check it (a
	// generic plan of a cached statement does not see that a search word is rare).
	if params["plan_cache_mode"] == "" {
		params["plan_cache_mode"] = "force_custom_plan"
	}
	// No JIT compilation: it pays off for long analytic queries, not for these, and a
	// plan the planner costs above jit_above_cost compiles for longer than it runs (the
	// dashboard's einddatum-verstreken count and list at 150,000 persons: 11 ms of JIT
	// each before a 0.5 ms run, its subplan misestimated at 14,659 rows for 30).
	if params["jit"] == "" {
		params["jit"] = "off"
	}
	return cfg, nil
}

// Account names whom and where uri signs in, as the connection will: the user (from the
// URI, PGUSER or the operating system's user) and server "host:port/database" (the first
// host; PGHOST, PGPORT and PGDATABASE fill in what the URI leaves out). It never holds
// the password: the OS keyring keeps the database password under it.
func Account(uri string) (user, server string, err error) {
	if !IsURI(uri) {
		return "", "", ErrBadURI
	}
	c, err := pgconn.ParseConfig(uri)
	if err != nil {
		return "", "", parseError(err)
	}
	where := c.Host
	if !strings.HasPrefix(c.Host, "/") {
		where = net.JoinHostPort(c.Host, strconv.Itoa(int(c.Port)))
	} else {
		where += ":" + strconv.Itoa(int(c.Port))
	}
	return c.User, where + "/" + c.Database, nil
}

// parseError keeps pgx's message (it may quote the URI) out of the error.
func parseError(err error) error {
	var pe *pgconn.ParseConfigError
	if errors.As(err, &pe) {
		return fmt.Errorf("%w", ErrBadURI)
	}
	return ErrBadURI
}

// namesSSLMode reports whether the URI's query names an sslmode.
func namesSSLMode(uri string) bool {
	u, err := url.Parse(uri)
	return err == nil && u.Query().Has("sslmode")
}

// withParam adds key=value to the URI's query.
func withParam(uri, key, value string) string {
	sep := "?"
	if strings.Contains(uri, "?") {
		sep = "&"
	}
	return uri + sep + url.QueryEscape(key) + "=" + url.QueryEscape(value)
}

// hosts are the server's configuration and its fallbacks (several hosts, or allow and
// prefer's second try).
func hosts(c pgconn.Config) []struct {
	host string
	tls  *tls.Config
} {
	out := []struct {
		host string
		tls  *tls.Config
	}{{c.Host, c.TLSConfig}}
	for _, f := range c.Fallbacks {
		out = append(out, struct {
			host string
			tls  *tls.Config
		}{f.Host, f.TLSConfig})
	}
	return out
}

func allLoopback(c pgconn.Config) bool {
	for _, h := range hosts(c) {
		if !Loopback(h.host) {
			return false
		}
	}
	return true
}

// checkTLS refuses any try to reach a host off this computer without TLS, or with TLS
// that does not verify the server's certificate (sslmode disable, allow, prefer, or
// require without a root certificate).
func checkTLS(c pgconn.Config) error {
	for _, h := range hosts(c) {
		if Loopback(h.host) {
			continue
		}
		if h.tls == nil || (h.tls.InsecureSkipVerify && h.tls.VerifyPeerCertificate == nil && h.tls.VerifyConnection == nil) {
			return fmt.Errorf("verbinden met %s: %w", h.host, ErrInsecure)
		}
	}
	return nil
}

// Loopback reports whether host is on this computer: 127.0.0.0/8, ::1, localhost, or
// a unix socket's folder.
func Loopback(host string) bool {
	if strings.HasPrefix(host, "/") || strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}

// connectError classifies a failed first connection. Only the server's address and a
// classified reason go into the message: pgx's own text names the user.
func connectError(host string, port uint16, err error) error {
	where := host
	if !strings.HasPrefix(host, "/") {
		where = net.JoinHostPort(host, strconv.Itoa(int(port)))
	}
	var pgErr *pgconn.PgError
	var netErr net.Error
	var certErr *tls.CertificateVerificationError
	var unknownAuth x509.UnknownAuthorityError
	var hostErr x509.HostnameError
	switch {
	case errors.As(err, &pgErr):
		switch {
		case pgErr.Code == "28P01" || pgErr.Code == "28000":
			return fmt.Errorf("verbinden met %s: %w", where, ErrAuthentication)
		case pgErr.Code == "3D000":
			return fmt.Errorf("verbinden met %s: %w", where, ErrNoDatabase)
		case strings.HasPrefix(pgErr.Code, "42"):
			return fmt.Errorf("verbinden met %s: %w", where, ErrPermission)
		}
		return fmt.Errorf("verbinden met %s: %w (foutcode %s)", where, ErrUnreachable, pgErr.Code)
	case errors.As(err, &certErr), errors.As(err, &unknownAuth), errors.As(err, &hostErr),
		strings.Contains(err.Error(), "tls:"), strings.Contains(err.Error(), "server refused TLS"):
		return fmt.Errorf("verbinden met %s: %w", where, ErrCertificate)
	case errors.As(err, &netErr), errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("verbinden met %s: %w", where, ErrUnreachable)
	}
	return fmt.Errorf("verbinden met %s: %w", where, ErrUnreachable)
}
