package dev.migrate.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Heap used by one operation, from GC notifications: the most heap occupied after any
 * collection during the operation, less what was occupied before it. Run in a JVM with a
 * small young generation ({@code -XX:+UseSerialGC -Xmn8m}), collections happen every few
 * megabytes of allocation, so this approaches the peak live heap (it over-counts objects
 * promoted shortly before they die, by at most a young generation). Also counts the bytes
 * the calling thread allocated, which is exact.
 */
final class Heap implements AutoCloseable {

	private final AtomicLong peakAfterGc = new AtomicLong();

	private final NotificationListener listener = (notification, handback) -> {
		if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
			GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
				.from((CompositeData) notification.getUserData());
			long used = info.getGcInfo()
				.getMemoryUsageAfterGc()
				.values()
				.stream()
				.mapToLong(MemoryUsage::getUsed)
				.sum();
			this.peakAfterGc.accumulateAndGet(used, Math::max);
		}
	};

	private final long baseline;

	private final long allocatedBefore;

	Heap() {
		System.gc();
		this.baseline = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			((NotificationEmitter) collector).addNotificationListener(this.listener, null, null);
		}
		this.allocatedBefore = allocated();
	}

	/**
	 * Bytes allocated by this thread since the start.
	 */
	long allocatedBytes() {
		return allocated() - this.allocatedBefore;
	}

	/**
	 * Most heap occupied after a collection during the operation, beyond the start. An
	 * operation that allocated too little to cause a collection is bounded by the heap in
	 * use at its end.
	 */
	long peakBytes() {
		long peak = this.peakAfterGc.get();
		if (peak == 0) {
			peak = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
		}
		return Math.max(0, peak - this.baseline);
	}

	private static long allocated() {
		return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
			.getThreadAllocatedBytes(Thread.currentThread().getId());
	}

	@Override
	public void close() throws Exception {
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			((NotificationEmitter) collector).removeNotificationListener(this.listener);
		}
	}

}
