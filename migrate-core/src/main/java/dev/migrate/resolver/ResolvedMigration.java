package dev.migrate.resolver;

import dev.migrate.TransactionMode;
import dev.migrate.Version;
import org.jspecify.annotations.Nullable;

/**
 * A migration found in the code: a {@link dev.migrate.Migration @Migration} bean with its
 * version, description, checksum and methods, checked once at discovery.
 *
 * @param version the version
 * @param description the description
 * @param beanName the bean name
 * @param beanClass the bean's class, without proxies
 * @param bean the bean instance
 * @param transactionMode the mode the annotation asks for,
 * {@link TransactionMode#DEFAULT} to follow the engine
 * @param up the {@code up} method
 * @param down the {@code down} method, or {@code null} when irreversible
 * @param checksum the stored text of the migration's {@link Fingerprint}, such as
 * {@code b1:3fa94c0d9e2b6a1f0c7d55e8b4a6e213} or {@code explicit:2}
 * @since 0.1.0
 */
public record ResolvedMigration(Version version, String description, String beanName, Class<?> beanClass, Object bean,
		TransactionMode transactionMode, MigrationMethod up, @Nullable MigrationMethod down, String checksum) {

	/**
	 * The fingerprint of the migration's definition, read from {@link #checksum()}.
	 * @return the fingerprint
	 */
	public Fingerprint fingerprint() {
		return Fingerprint.parse(this.checksum);
	}

	/**
	 * Whether the migration has a {@code down} method.
	 * @return {@code true} if it can be rolled back
	 */
	public boolean isReversible() {
		return this.down != null;
	}

	/**
	 * The transaction mode this migration runs in: its own, or else the engine's.
	 * @param engineMode the mode the engine is configured with
	 * @return the mode, never {@link TransactionMode#DEFAULT}
	 */
	public TransactionMode effectiveTransactionMode(TransactionMode engineMode) {
		if (this.transactionMode != TransactionMode.DEFAULT) {
			return this.transactionMode;
		}
		return (engineMode != TransactionMode.DEFAULT) ? engineMode : TransactionMode.PER_MIGRATION;
	}

	/**
	 * Describe the migration for messages: version, bean and class.
	 * @return the description
	 */
	public String describe() {
		return "migration " + this.version + " (bean '" + this.beanName + "', " + this.beanClass.getName() + ")";
	}

}
