package org.dangjian.localstack;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One Spring Boot service started inside this JVM in a class loader of its own, built from the module's
 * compiled classes and the runtime class path Maven wrote for it ({@code target/classpath.txt}). Separate
 * loaders keep what would clash on one class path apart: each service's {@code application.yml}, the gateway's
 * WebFlux next to the others' Servlet stack, Spring Security only where it belongs.
 */
final class IsolatedService implements AutoCloseable {

    private final String module;
    private final URLClassLoader loader;
    private final Closeable context;

    private IsolatedService(String module, URLClassLoader loader, Closeable context) {
        this.module = module;
        this.loader = loader;
        this.context = context;
    }

    static IsolatedService start(Path repositoryRoot, String module, String mainClass, List<String> args) {
        URLClassLoader loader = new URLClassLoader(module, classPath(repositoryRoot.resolve(module)),
                ClassLoader.getPlatformClassLoader());
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            disableTomcatUrlHandlerFactory(loader);
            Class<?> application = loader.loadClass(mainClass);
            Class<?> springApplication = loader.loadClass("org.springframework.boot.SpringApplication");
            Object app = springApplication.getConstructor(Class[].class).newInstance((Object) new Class<?>[] {application});
            // Otherwise Boot takes the stack's own main class for the service's and logs under its name.
            springApplication.getMethod("setMainApplicationClass", Class.class).invoke(app, application);
            Object context = springApplication.getMethod("run", String[].class)
                    .invoke(app, (Object) args.toArray(String[]::new));
            return new IsolatedService(module, loader, (Closeable) context);
        } catch (InvocationTargetException e) {
            closeQuietly(loader);
            throw new IllegalStateException(module + " failed to start", e.getCause());
        } catch (ReflectiveOperationException e) {
            closeQuietly(loader);
            throw new IllegalStateException(module + " could not be loaded from " + repositoryRoot.resolve(module)
                    + " (build it first: mvn -B -DskipTests package)", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Tomcat installs a URL stream handler factory, which Java allows once per JVM; the second service would
     * fail. The services need none of it (no WARs, no jar: URLs of their own), so each loader's Tomcat skips it.
     */
    private static void disableTomcatUrlHandlerFactory(ClassLoader loader) throws ReflectiveOperationException {
        try {
            loader.loadClass("org.apache.catalina.webresources.TomcatURLStreamHandlerFactory")
                    .getMethod("disable").invoke(null);
        } catch (ClassNotFoundException notTomcat) {
            // The gateway runs on Netty.
        }
    }

    String module() {
        return module;
    }

    private static URL[] classPath(Path moduleDir) {
        Path classes = moduleDir.resolve("target/classes");
        Path listing = moduleDir.resolve("target/classpath.txt");
        if (!Files.isDirectory(classes) || !Files.isRegularFile(listing)) {
            throw new IllegalStateException(moduleDir.getFileName() + " is not built: " + listing + " is missing. Run "
                    + "`mvn -B -DskipTests package` at the repository root first.");
        }
        try {
            List<URL> urls = new ArrayList<>();
            urls.add(classes.toUri().toURL());
            for (String entry : Files.readString(listing).trim().split(java.io.File.pathSeparator)) {
                if (!entry.isBlank()) {
                    urls.add(Path.of(entry).toUri().toURL());
                }
            }
            return urls.toArray(URL[]::new);
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            context.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            thread.setContextClassLoader(previous);
            closeQuietly(loader);
        }
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException ignored) {
            // Nothing left to release that matters once the context is gone.
        }
    }
}
