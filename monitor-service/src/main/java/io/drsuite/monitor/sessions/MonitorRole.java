package io.drsuite.monitor.sessions;

import io.drsuite.clusterclient.sql.NodeSession;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import org.postgresql.util.PasswordUtil;

/**
 * The monitoring role on a managed cluster, {@code drsuite_monitor}: LOGIN, a member of {@code pg_monitor}, nothing
 * else (not a superuser, no CREATEDB, CREATEROLE, REPLICATION or BYPASSRLS, no other membership). It is made on the
 * primary through the admin login, when that login is a superuser or has CREATEROLE; standbys get it by replication.
 */
final class MonitorRole {

    static final String NAME = "drsuite_monitor";

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * What the admin session sees: whether the node is a standby, its database lineage, whether the admin login may
     * make roles, and whether a role of the name exists and has any right beyond LOGIN and {@code pg_monitor}.
     */
    private static final String INSPECT = """
            select pg_is_in_recovery(),
                   (select system_identifier::text from pg_control_system()),
                   (select rolsuper or rolcreaterole from pg_roles where rolname = current_user),
                   r.oid is not null,
                   coalesce(r.rolsuper or r.rolcreaterole or r.rolcreatedb or r.rolreplication or r.rolbypassrls
                            or exists (select 1 from pg_auth_members m join pg_roles g on g.oid = m.roleid
                                        where m.member = r.oid and g.rolname <> 'pg_monitor'), false)
              from (select 1) one left join pg_roles r on r.rolname = ?""";

    private MonitorRole() {
    }

    /** What {@link #inspect} found. */
    record Facts(boolean inRecovery, String systemIdentifier, boolean mayMakeRoles, boolean exists,
            boolean hasMoreRights) {
    }

    static Facts inspect(NodeSession admin) throws SQLException {
        try (PreparedStatement statement = admin.connection().prepareStatement(INSPECT)) {
            statement.setString(1, NAME);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return new Facts(row.getBoolean(1), row.getString(2), row.getBoolean(3), row.getBoolean(4),
                        row.getBoolean(5));
            }
        }
    }

    /**
     * Creates the role, or sets the password of the one there, and makes it a member of {@code pg_monitor}, in one
     * transaction. Attributes are only those a role gets by default, so an admin with CREATEROLE (not a superuser)
     * may run it too.
     *
     * <p>The password never reaches the server in clear, nor is SQL built here from it: it is hashed on this side
     * into a SCRAM-SHA-256 verifier (as {@code psql}'s {@code \password} does), the verifier goes as a bound parameter
     * into {@code format('... PASSWORD %L')}, which the server quotes as a literal, and the statement the server
     * built runs. The server stores a verifier as it is; a statement log ({@code log_statement = ddl}) shows the
     * verifier, from which the password cannot be read back nor a login made.
     */
    static void make(NodeSession admin, String password, boolean exists) throws SQLException {
        String verifier = PasswordUtil.encodeScramSha256(password.toCharArray());
        Connection connection = admin.connection();
        connection.setAutoCommit(false);
        try {
            admin.executeFormatted(exists ? "select format('ALTER ROLE %I WITH LOGIN INHERIT PASSWORD %L', ?::text, "
                    + "?::text)" : "select format('CREATE ROLE %I WITH LOGIN INHERIT PASSWORD %L', ?::text, ?::text)",
                    NAME, verifier);
            admin.executeFormatted("select format('GRANT pg_monitor TO %I', ?::text)", NAME);
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** A new random password: 32 characters of URL-safe base64 (192 bits). */
    static String newPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
