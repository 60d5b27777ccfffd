package se.dsrdesk.system;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a lost database connection inside an exception that Spring could not classify.
 * When PostgreSQL restarts in the middle of a transaction, the statement fails with an
 * I/O error, and the rollback that follows fails too, on the closed connection: Spring
 * then throws the rollback's failure ({@code JpaSystemException: Unable to rollback
 * against JDBC Connection}, or a {@code TransactionSystemException}), which says nothing
 * of the database being away. Nothing was committed (the server ends a transaction whose
 * connection is gone), so the call is answered like any other database outage: 503, try
 * again.
 */
public final class DatabaseFailures {

	private DatabaseFailures() {
	}

	/**
	 * Whether the exception, or one of its causes, is a lost or refused connection to the
	 * database.
	 * @param ex the exception
	 * @return {@code true} for a lost connection
	 */
	public static boolean lostConnection(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
					|| cause instanceof SQLRecoverableException) {
				return true;
			}
			if (cause instanceof SQLException sql && ((sql.getSQLState() != null && sql.getSQLState().startsWith("08"))
					|| "Connection is closed".equals(sql.getMessage()))) {
				return true;
			}
		}
		return false;
	}

}
