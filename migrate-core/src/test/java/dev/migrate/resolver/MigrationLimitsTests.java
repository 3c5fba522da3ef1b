package dev.migrate.resolver;

import java.util.List;
import java.util.Map;

import dev.migrate.Migration;
import dev.migrate.MigrationDefinitionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.interceptor.SimpleTraceInterceptor;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

/**
 * Definitions the history table could not record as they are, and beans behind JDK
 * proxies: rejected, or resolved, at start-up.
 */
class MigrationLimitsTests {

	@ParameterizedTest
	@ValueSource(classes = { VersionZero.class, VersionZeroZero.class })
	void versionZeroIsRejected(Class<?> type) throws Exception {
		assertProblem(type.getDeclaredConstructor().newInstance(), "is zero", "Number migrations from 1");
	}

	@Test
	void versionLongerThanTheHistoryColumnIsRejected() {
		assertProblem(new LongVersion(), "has 101 characters", "keeps at most 100");
	}

	@Test
	void versionWithAHugeNumberSaysWhy() {
		assertProblem(new HugeNumber(), "has a number of more than 40 digits");
	}

	@Test
	void descriptionLongerThanTheHistoryColumnIsRejected() {
		assertProblem(new LongDescription(), "the description", "has 201 characters", "keeps at most 200");
	}

	@Test
	void beanNameLongerThanTheHistoryColumnIsRejected() {
		String beanName = "b".repeat(201);
		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> MigrationResolver.resolve(Map.of(beanName, new Fine())))
			.satisfies((ex) -> assertThat(ex.getProblems()).singleElement(as(STRING))
				.contains("the bean name has 201 characters")
				.contains("@Migration(beanName = ...)"));
	}

	@Test
	void migrationBehindAJdkProxyIsCalledThroughTheProxy() throws Throwable {
		Steps target = new Steps();
		ProxyFactory factory = new ProxyFactory(target);
		factory.addInterface(MigrationSteps.class);
		factory.addAdvice(new SimpleTraceInterceptor());
		Object proxy = factory.getProxy();

		ResolvedMigration migration = MigrationResolver.resolve(Map.of("steps", proxy)).get(0);

		assertThat(migration.beanClass()).isEqualTo(Steps.class);
		assertThat(migration.up().getMethod().getDeclaringClass()).isEqualTo(MigrationSteps.class);
		migration.up().invoke(proxy, new MigrationResolverTests.StubContext());
		assertThat(target.ups).isOne();
	}

	@Test
	void migrationBehindAJdkProxyWhoseInterfacesLackUpIsRejected() {
		ProxyFactory factory = new ProxyFactory(new StepsWithoutInterface());
		factory.addInterface(Runnable.class);
		Object proxy = factory.getProxy();

		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> MigrationResolver.resolve(List.of(proxy)))
			.satisfies((ex) -> assertThat(ex.getProblems()).singleElement(as(STRING))
				.contains("is a JDK proxy")
				.contains("do not declare up(...)")
				.contains("spring.aop.proxy-target-class=true"));
	}

	private static void assertProblem(Object bean, String... fragments) {
		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> MigrationResolver.resolve(List.of(bean)))
			.satisfies((ex) -> assertThat(ex.getProblems()).singleElement(as(STRING)).contains(fragments));
	}

	@Migration(version = "0")
	public static class VersionZero {

		public void up(JdbcTemplate jdbc) {
		}

	}

	@Migration(version = "0.0")
	public static class VersionZeroZero {

		public void up(JdbcTemplate jdbc) {
		}

	}

	@Migration(
			version = "1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.111")
	public static class LongVersion {

		public void up(JdbcTemplate jdbc) {
		}

	}

	@Migration(version = "12345678901234567890123456789012345678901")
	public static class HugeNumber {

		public void up(JdbcTemplate jdbc) {
		}

	}

	@Migration(version = "3",
			description = "ddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
					+ "ddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
					+ "ddddddddddddddddddddd")
	public static class LongDescription {

		public void up(JdbcTemplate jdbc) {
		}

	}

	@Migration(version = "4")
	public static class Fine {

		public void up(JdbcTemplate jdbc) {
		}

	}

	public interface MigrationSteps {

		void up(JdbcTemplate jdbc);

		void down(JdbcTemplate jdbc);

	}

	@Migration(version = "5")
	public static class Steps implements MigrationSteps {

		int ups;

		@Override
		public void up(JdbcTemplate jdbc) {
			this.ups++;
		}

		@Override
		public void down(JdbcTemplate jdbc) {
		}

	}

	@Migration(version = "6")
	public static class StepsWithoutInterface implements Runnable {

		public void up(JdbcTemplate jdbc) {
		}

		@Override
		public void run() {
		}

	}

}
