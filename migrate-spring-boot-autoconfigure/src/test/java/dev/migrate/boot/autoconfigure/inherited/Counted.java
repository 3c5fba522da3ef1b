package dev.migrate.boot.autoconfigure.inherited;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the instances of its subclasses; has no {@code down} method.
 */
public abstract class Counted {

	public static final AtomicInteger instances = new AtomicInteger();

	protected Counted() {
		instances.incrementAndGet();
	}

}
