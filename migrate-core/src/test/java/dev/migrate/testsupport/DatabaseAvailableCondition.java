package dev.migrate.testsupport;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Disables tests whose {@link RequiresDatabase database} is not reachable, saying why.
 */
class DatabaseAvailableCondition implements ExecutionCondition {

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		return AnnotationSupport.findAnnotation(context.getElement(), RequiresDatabase.class)
			.or(() -> context.getTestClass()
				.flatMap((type) -> AnnotationSupport.findAnnotation(type, RequiresDatabase.class)))
			.map((annotation) -> {
				TestDatabase.Availability availability = annotation.value().availability();
				return availability.available() ? ConditionEvaluationResult.enabled(availability.reason())
						: ConditionEvaluationResult.disabled(availability.reason());
			})
			.orElse(ConditionEvaluationResult.enabled("no database required"));
	}

}
