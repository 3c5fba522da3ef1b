package dev.migrate.resolver;

import dev.migrate.MigrationContext;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;

/**
 * A migration written as SQL files: {@code V<version>__<description>.sql} and, to make it
 * reversible, {@code U<version>__<description>.sql}. Each runs as a script on the
 * migration's connection, in its transaction, split as
 * {@link MigrationContext#executeScript(Resource)} splits it.
 *
 * @since 0.1.0
 */
public final class SqlFileMigration {

	private final Resource up;

	private final @Nullable Resource down;

	SqlFileMigration(Resource up, @Nullable Resource down) {
		this.up = up;
		this.down = down;
	}

	/**
	 * Run the {@code V} file.
	 * @param context the running migration
	 */
	public void up(MigrationContext context) {
		context.executeScript(this.up);
	}

	/**
	 * Run the {@code U} file.
	 * @param context the running migration
	 */
	public void down(MigrationContext context) {
		if (this.down == null) {
			throw new IllegalStateException(this.up.getFilename() + " has no undo file");
		}
		context.executeScript(this.down);
	}

	/**
	 * The {@code V} file.
	 * @return the file
	 */
	public Resource upFile() {
		return this.up;
	}

	/**
	 * The {@code U} file, if the migration has one.
	 * @return the file, or {@code null}
	 */
	public @Nullable Resource downFile() {
		return this.down;
	}

}
