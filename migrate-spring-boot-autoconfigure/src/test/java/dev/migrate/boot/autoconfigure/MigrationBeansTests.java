package dev.migrate.boot.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import dev.migrate.Migration;
import dev.migrate.boot.autoconfigure.scanned.AddShelfLabel;
import dev.migrate.boot.autoconfigure.scanned.CreateShelves;
import dev.migrate.resolver.MigrationSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ClassPathBeanDefinitionScanner;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the starter finds the migrations of a context: one look at each bean, none at the
 * class of a migration registered by component scanning.
 */
class MigrationBeansTests {

	private final CountingBeanFactory beanFactory = new CountingBeanFactory();

	@BeforeEach
	void register() {
		GenericApplicationContext context = new GenericApplicationContext(this.beanFactory);
		ClassPathBeanDefinitionScanner scanner = new ClassPathBeanDefinitionScanner(context);
		scanner.setIncludeAnnotationConfig(false);
		scanner.scan(CreateShelves.class.getPackageName());
		this.beanFactory.registerBeanDefinition("createOrders", new RootBeanDefinition(CreateOrders.class));
		this.beanFactory.registerBeanDefinition("notAMigration", new RootBeanDefinition(StringBuilder.class));
		this.beanFactory.registerSingleton("createArchive", new CreateArchive());
		this.beanFactory.asked.clear();
	}

	@Test
	void eachBeanIsAskedForMigrationOnceForTheDatabasesNamedAndTheSources() {
		MigrationBeans.Found found = MigrationBeans.find(this.beanFactory);
		assertThat(found.namedDatabases()).containsOnlyKeys("createOrders", "createArchive");
		assertThat(found.namedDatabases().get("createOrders"))
			.isEqualTo(new MigrationBeans.NamedDatabase(CreateOrders.class.getName(), "orders"));
		List<MigrationSource> primary = found.sources("");
		List<MigrationSource> orders = found.sources("orders");
		List<MigrationSource> all = found.sources(null);

		assertThat(primary).extracting(MigrationSource::className)
			.containsExactlyInAnyOrder(CreateShelves.class.getName(), AddShelfLabel.class.getName());
		assertThat(orders).extracting(MigrationSource::beanName).containsExactly("createOrders");
		assertThat(all).extracting(MigrationSource::beanName)
			.containsExactlyInAnyOrder("createShelves", "addShelfLabel", "createOrders", "createArchive");
		// Once each bean that component scanning did not describe; never the scanned
		// migrations, whose metadata was read from their class files.
		assertThat(this.beanFactory.asked).containsExactlyInAnyOrder("createOrders", "notAMigration", "createArchive");
	}

	@Migration(version = "1", description = "Create orders", database = "orders")
	static class CreateOrders {

		public void up(JdbcTemplate jdbc) {
		}

	}

	@Migration(version = "1", description = "Create archive", database = "archive")
	static class CreateArchive {

		public void up(JdbcTemplate jdbc) {
		}

	}

	/**
	 * Records which beans are asked for {@code @Migration}.
	 */
	static class CountingBeanFactory extends DefaultListableBeanFactory {

		final List<String> asked = new ArrayList<>();

		@Override
		public <A extends java.lang.annotation.Annotation> @Nullable A findAnnotationOnBean(String beanName,
				Class<A> annotationType) throws NoSuchBeanDefinitionException {
			if (annotationType == Migration.class) {
				this.asked.add(beanName);
			}
			return super.findAnnotationOnBean(beanName, annotationType);
		}

	}

}
