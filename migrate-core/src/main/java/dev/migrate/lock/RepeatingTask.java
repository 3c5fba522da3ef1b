package dev.migrate.lock;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A task a held lock repeats on a daemon thread of its own while it is held (a session
 * lock's keep-alive, a lock row's heartbeat), stopped when the lock is released.
 */
final class RepeatingTask {

	private final ScheduledExecutorService executor;

	private RepeatingTask(String threadName) {
		this.executor = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, threadName);
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Run a task every period, first one period from now.
	 * @param threadName the name of its thread, as seen in thread dumps
	 * @param periodMillis the delay between the end of one run and the start of the next
	 * @param task the task
	 * @return the running task
	 */
	static RepeatingTask every(String threadName, long periodMillis, Runnable task) {
		RepeatingTask repeating = new RepeatingTask(threadName);
		repeating.executor.scheduleWithFixedDelay(task, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
		return repeating;
	}

	/**
	 * Stop repeating, waiting a little for a run in progress, so that it does not touch
	 * the lock while it is released.
	 */
	void stop() {
		this.executor.shutdownNow();
		try {
			this.executor.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
