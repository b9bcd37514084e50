package vn.gov.egov.signing;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * DSS finds some of its parts with {@link java.util.ServiceLoader} at every signature (the CMS generator), which
 * searches {@code META-INF/services/} in every jar of the application: in the packaged platform that search cost more
 * than the signature's cryptography. While DSS runs, the thread's context class loader answers that search from what
 * it found the first time; classes and every other resource come from the usual loader.
 */
final class ServiceLookups extends ClassLoader {

    private static final String SERVICES = "META-INF/services/";
    /** One per context class loader the signing threads run with (the web server's and the executors': a handful). */
    private static final Map<ClassLoader, ServiceLookups> BY_LOADER = new ConcurrentHashMap<>();

    private final Map<String, List<URL>> found = new ConcurrentHashMap<>();

    private ServiceLookups(ClassLoader parent) {
        super(parent);
    }

    /** Runs {@code work} with the remembered service lookups as the thread's context class loader. */
    static <T> T around(Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        if (previous == null || previous instanceof ServiceLookups) {
            return work.get();
        }
        thread.setContextClassLoader(BY_LOADER.computeIfAbsent(previous, ServiceLookups::new));
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (!name.startsWith(SERVICES)) {
            return super.getResources(name);
        }
        List<URL> urls = found.get(name);
        if (urls == null) {
            urls = List.copyOf(Collections.list(getParent().getResources(name)));
            found.put(name, urls);
        }
        return Collections.enumeration(urls);
    }
}
