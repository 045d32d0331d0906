-- 0004: what the server enforces for a team whose casemanagers each sign in under their
-- own login role (issue 16 item 3). The group roles themselves (terugkeer_medewerker,
-- terugkeer_beheerder) and their GRANTs are made by `terugkeer-cli init`, or by a DBA with
-- the SQL it prints (roles.go): roles belong to the cluster, not to this database.
--
-- "Owner" below is the role that owns the schema's tables (the one that ran the
-- migrations): it keeps every right, so `db migreer` can copy an audit log as it is.

-- terugkeer_eigenaar reports whether the signed-in role owns the tables (or is a
-- superuser): the owner is exempt from the checks below.
CREATE FUNCTION terugkeer_eigenaar() RETURNS boolean LANGUAGE sql STABLE AS $$
	SELECT pg_has_role(session_user, c.relowner, 'MEMBER')
	FROM pg_class c WHERE c.oid = 'audit'::regclass
$$;

-- terugkeer_beheerder reports whether the signed-in role may change the team's settings.
CREATE FUNCTION terugkeer_beheerder() RETURNS boolean LANGUAGE sql STABLE AS $$
	SELECT terugkeer_eigenaar() OR (EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'terugkeer_beheerder')
		AND pg_has_role(session_user, 'terugkeer_beheerder', 'MEMBER'))
$$;

-- Every audit entry names the role that signed in (session_user, set by the server at
-- sign-in; SET ROLE does not change it). The store seals the entry with that name; an
-- entry under another name is refused.
CREATE FUNCTION terugkeer_logboek_actor() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.actor IS DISTINCT FROM session_user::text AND NOT terugkeer_eigenaar() THEN
		RAISE EXCEPTION 'een logboekregel staat op naam van de aangemelde gebruiker'
			USING ERRCODE = '42501';
	END IF;
	RETURN NEW;
END
$$;
CREATE TRIGGER audit_actor BEFORE INSERT ON audit
	FOR EACH ROW EXECUTE FUNCTION terugkeer_logboek_actor();

-- The settings that decide what the team's data is and how long it is kept are the
-- beheerder's: the gemeentecodes, the retention terms and the mailbox. Bookkeeping
-- settings (last seen, the log's anchor, the data version) stay writable for every
-- casemanager, because importing and the retention run write them.
CREATE FUNCTION terugkeer_instelling_bewaken() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	k text := CASE WHEN TG_OP = 'DELETE' THEN OLD.key ELSE NEW.key END;
BEGIN
	IF (k = 'gemeenten' OR k LIKE 'bewaartermijn.%' OR k LIKE 'imap.%') AND NOT terugkeer_beheerder() THEN
		RAISE EXCEPTION 'alleen een beheerder mag deze instelling wijzigen' USING ERRCODE = '42501';
	END IF;
	IF TG_OP = 'DELETE' THEN
		RETURN OLD;
	END IF;
	RETURN NEW;
END
$$;
CREATE TRIGGER settings_beheer BEFORE INSERT OR UPDATE OR DELETE ON settings
	FOR EACH ROW EXECUTE FUNCTION terugkeer_instelling_bewaken();

-- The retention run of a casemanager removes audit entries only through this function,
-- which runs with the owner's rights (the group roles may not UPDATE, DELETE or TRUNCATE
-- the log) and only removes entries whose term (setting bewaartermijn.logboek, default
-- 5j) has passed by the server's clock; one day of slack covers the day boundary of the
-- application's clock (Europe/Amsterdam).
CREATE FUNCTION terugkeer_logboek_opschonen(tot bigint) RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
	termijn text;
	n integer;
	rij text;
	grens date;
	weg bigint;
BEGIN
	SELECT value INTO termijn FROM settings WHERE key = 'bewaartermijn.logboek';
	termijn := coalesce(nullif(termijn, ''), '5j');
	IF termijn !~ '^[0-9]{1,4}[dmj]$' THEN
		RAISE EXCEPTION 'de bewaartermijn van het logboek is ongeldig' USING ERRCODE = '22023';
	END IF;
	n := substring(termijn FROM '^[0-9]+')::integer;
	SELECT tijd INTO rij FROM audit WHERE id = tot;
	IF rij IS NULL THEN
		RETURN 0;
	END IF;
	grens := ((rij::timestamptz AT TIME ZONE 'Europe/Amsterdam')::date + CASE right(termijn, 1)
		WHEN 'd' THEN make_interval(days => n)
		WHEN 'm' THEN make_interval(months => n)
		ELSE make_interval(years => n) END)::date;
	IF (now() AT TIME ZONE 'Europe/Amsterdam')::date < grens - 1 THEN
		RAISE EXCEPTION 'logboekregels binnen hun bewaartermijn worden niet verwijderd' USING ERRCODE = '42501';
	END IF;
	DELETE FROM audit WHERE id <= tot;
	GET DIAGNOSTICS weg = ROW_COUNT;
	RETURN weg;
END
$$;

-- A SECURITY DEFINER function runs with a fixed search path: this schema, then pg_temp,
-- so no role can slip its own table of the same name in front.
DO $$
BEGIN
	EXECUTE format('ALTER FUNCTION terugkeer_logboek_opschonen(bigint) SET search_path = %I, pg_temp', current_schema());
END
$$;
REVOKE ALL ON FUNCTION terugkeer_logboek_opschonen(bigint) FROM PUBLIC;
REVOKE UPDATE, DELETE, TRUNCATE ON audit FROM PUBLIC;
