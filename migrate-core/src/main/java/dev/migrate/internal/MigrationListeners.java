package dev.migrate.internal;

import java.util.List;
import java.util.function.Consumer;

import dev.migrate.MigrationListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Calls listeners; one that throws is logged and ignored, so metrics or tracing can never
 * stop a migration.
 */
public final class MigrationListeners {

	private static final Log logger = LogFactory.getLog(MigrationListener.class);

	private MigrationListeners() {
	}

	/**
	 * Send an event to each listener.
	 * @param listeners the listeners
	 * @param event what to call on each
	 */
	public static void notify(List<MigrationListener> listeners, Consumer<MigrationListener> event) {
		for (MigrationListener listener : listeners) {
			try {
				event.accept(listener);
			}
			catch (RuntimeException ex) {
				logger.warn("Migration listener " + listener + " failed; ignoring it", ex);
			}
		}
	}

}
