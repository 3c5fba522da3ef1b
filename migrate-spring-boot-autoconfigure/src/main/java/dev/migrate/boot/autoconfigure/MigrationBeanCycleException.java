package dev.migrate.boot.autoconfigure;

import java.util.List;

import dev.migrate.MigrateException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown at start-up when a {@link dev.migrate.Migration @Migration} bean depends,
 * directly or through other beans, on a bean that waits for the migrations to finish,
 * such as JPA's {@code EntityManagerFactory} or the application's {@code JdbcTemplate}.
 * Nothing has been changed in the database.
 *
 * @since 0.1.0
 */
public class MigrationBeanCycleException extends MigrateException {

	private final String beanName;

	private final List<String> involvedBeans;

	public MigrationBeanCycleException(String beanName, @Nullable Class<?> beanType, List<String> involvedBeans,
			@Nullable Throwable cause) {
		super(message(beanName, beanType, involvedBeans), cause);
		this.beanName = beanName;
		this.involvedBeans = List.copyOf(involvedBeans);
	}

	private static String message(String beanName, @Nullable Class<?> beanType, List<String> involvedBeans) {
		return "Migration bean '" + beanName + "'" + ((beanType != null) ? " (" + beanType.getName() + ")" : "")
				+ " depends, directly or through other beans, on a bean that waits for the migrations to finish"
				+ (involvedBeans.isEmpty() ? "" : " (beans involved: " + String.join(", ", involvedBeans) + ")")
				+ ". JPA's EntityManagerFactory and repositories, the application's JdbcTemplate and JdbcClient, and"
				+ " beans marked @DependsOnDatabaseInitialization are created only after migrate has run, so a"
				+ " migration cannot inject them. Nothing was changed in the database.";
	}

	/**
	 * Name of the migration bean that cannot be created.
	 * @return the bean name
	 */
	public String getBeanName() {
		return this.beanName;
	}

	/**
	 * Names of the other beans of the cycle, as far as they are known.
	 * @return the bean names
	 */
	public List<String> getInvolvedBeans() {
		return this.involvedBeans;
	}

}
