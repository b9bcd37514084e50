package vn.gov.egov.audit;

/**
 * One background daemon thread of the audit trail (sealing, shipping): its loop runs while {@link #isCurrent()},
 * and stopping interrupts it and waits up to five seconds for the loop to finish its batch.
 */
final class WorkerThread {

    private volatile Thread thread;

    void start(String name, Runnable loop) {
        Thread started = new Thread(loop, name);
        started.setDaemon(true);
        thread = started;
        started.start();
    }

    void stop() {
        Thread running = thread;
        thread = null;
        if (running != null) {
            running.interrupt();
            try {
                running.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether the calling thread is this worker and has not been told to stop. */
    boolean isCurrent() {
        return thread == Thread.currentThread();
    }

    boolean isRunning() {
        return thread != null;
    }
}
