package dev.migrate.internal;

import java.util.ArrayList;
import java.util.List;

import dev.migrate.DatabaseInfo;
import org.jspecify.annotations.Nullable;

/**
 * Splits a SQL script into statements the way the database's own client would: at the
 * delimiter ({@code ;} unless a MySQL/MariaDB {@code DELIMITER} line changes it), but
 * never inside quoted strings, quoted identifiers, comments or PostgreSQL and H2
 * dollar-quoted bodies. Comments are kept inside the statements they belong to, and
 * dropped when they stand alone.
 */
public final class SqlScript {

	private final boolean dollarQuotes;

	private final boolean nestedBlockComments;

	private final boolean mysql;

	private SqlScript(boolean dollarQuotes, boolean nestedBlockComments, boolean mysql) {
		this.dollarQuotes = dollarQuotes;
		this.nestedBlockComments = nestedBlockComments;
		this.mysql = mysql;
	}

	/**
	 * The splitting rules of a database.
	 * @param database the database the script runs against
	 * @return its rules
	 */
	public static SqlScript of(DatabaseInfo database) {
		if (database.isPostgreSql()) {
			return new SqlScript(true, true, false);
		}
		if (database.isMySqlOrMariaDb()) {
			return new SqlScript(false, false, true);
		}
		return new SqlScript(database.is("H2"), false, false);
	}

	/**
	 * Split a script into its statements, without their delimiters.
	 * @param script the text of the script
	 * @return the statements, in order, none of them blank or only comments
	 */
	public List<String> split(String script) {
		List<String> statements = new ArrayList<>();
		String delimiter = ";";
		StringBuilder current = new StringBuilder();
		boolean code = false;
		int i = 0;
		int length = script.length();
		while (i < length) {
			if (this.mysql && atLineStart(script, i) && startsWithWord(script, i, "DELIMITER")) {
				int end = lineEnd(script, i);
				String value = script.substring(i + "DELIMITER".length(), end).trim();
				if (!value.isEmpty()) {
					if (code) {
						statements.add(current.toString().trim());
					}
					current.setLength(0);
					code = false;
					delimiter = value;
					i = end;
					continue;
				}
			}
			char c = script.charAt(i);
			String tag = (c == '$' && this.dollarQuotes) ? dollarTag(script, i) : null;
			int end;
			if (script.startsWith(delimiter, i)) {
				if (code) {
					statements.add(current.toString().trim());
				}
				current.setLength(0);
				code = false;
				i += delimiter.length();
				continue;
			}
			if ((c == '-' && script.startsWith("--", i)) || (this.mysql && c == '#')) {
				end = lineEnd(script, i);
			}
			else if (c == '/' && script.startsWith("/*", i)) {
				end = blockCommentEnd(script, i);
			}
			else if (c == '\'') {
				end = quotedEnd(script, i, '\'', this.mysql || escapeString(script, i));
				code = true;
			}
			else if (c == '"' || (this.mysql && c == '`')) {
				end = quotedEnd(script, i, c, false);
				code = true;
			}
			else if (tag != null) {
				int close = script.indexOf(tag, i + tag.length());
				end = (close < 0) ? length : close + tag.length();
				code = true;
			}
			else {
				end = i + 1;
				if (!Character.isWhitespace(c)) {
					code = true;
				}
			}
			if (code || current.length() > 0 || !Character.isWhitespace(c)) {
				current.append(script, i, end);
			}
			i = end;
		}
		if (code) {
			statements.add(current.toString().trim());
		}
		return statements;
	}

	private static boolean atLineStart(String script, int i) {
		int j = i - 1;
		while (j >= 0 && (script.charAt(j) == ' ' || script.charAt(j) == '\t')) {
			j--;
		}
		return j < 0 || script.charAt(j) == '\n' || script.charAt(j) == '\r';
	}

	private static boolean startsWithWord(String script, int i, String word) {
		int end = i + word.length();
		return script.regionMatches(true, i, word, 0, word.length()) && end < script.length()
				&& Character.isWhitespace(script.charAt(end));
	}

	private static int lineEnd(String script, int i) {
		int end = i;
		while (end < script.length() && script.charAt(end) != '\n' && script.charAt(end) != '\r') {
			end++;
		}
		return end;
	}

	private int blockCommentEnd(String script, int start) {
		int depth = 0;
		int i = start;
		while (i < script.length()) {
			if (script.startsWith("/*", i) && (depth == 0 || this.nestedBlockComments)) {
				depth++;
				i += 2;
			}
			else if (script.startsWith("*/", i)) {
				depth--;
				i += 2;
				if (depth == 0) {
					return i;
				}
			}
			else {
				i++;
			}
		}
		return script.length();
	}

	/** PostgreSQL's {@code E'...'} strings take backslash escapes. */
	private static boolean escapeString(String script, int quote) {
		return quote > 0 && Character.toUpperCase(script.charAt(quote - 1)) == 'E'
				&& (quote == 1 || !Character.isLetterOrDigit(script.charAt(quote - 2)));
	}

	private static int quotedEnd(String script, int start, char quote, boolean backslashEscapes) {
		int i = start + 1;
		while (i < script.length()) {
			char c = script.charAt(i);
			if (backslashEscapes && c == '\\') {
				i += 2;
			}
			else if (c == quote) {
				if (i + 1 < script.length() && script.charAt(i + 1) == quote) {
					i += 2;
				}
				else {
					return i + 1;
				}
			}
			else {
				i++;
			}
		}
		return script.length();
	}

	/** The tag of a dollar quote starting at {@code i} ({@code $$} or {@code $name$}). */
	private static @Nullable String dollarTag(String script, int i) {
		if (i > 0 && (Character.isLetterOrDigit(script.charAt(i - 1)) || script.charAt(i - 1) == '_')) {
			return null;
		}
		int j = i + 1;
		while (j < script.length()) {
			char c = script.charAt(j);
			if (c == '$') {
				return script.substring(i, j + 1);
			}
			if (!(Character.isLetter(c) || c == '_' || (j > i + 1 && Character.isDigit(c)))) {
				return null;
			}
			j++;
		}
		return null;
	}

}
