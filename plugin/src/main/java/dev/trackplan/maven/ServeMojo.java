package dev.trackplan.maven;

import dev.trackplan.serve.DevServer;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Development server: builds, serves target/site on 127.0.0.1 with live reload and the tracking
 * inspector, rebuilds on every change under src/main/site and src/main/tracking. Ctrl-C stops it.
 */
@Mojo(name = "serve", threadSafe = true)
public class ServeMojo extends AbstractTrackplanMojo {

    /** The port to listen on (loopback only). */
    @Parameter(property = "trackplan.port", defaultValue = "8080")
    int port;

    @Override
    public void execute() throws MojoFailureException, MojoExecutionException {
        if (port < 0 || port > 65535) {
            throw new MojoFailureException("<port> must be between 0 and 65535 (found " + port + ")");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        DevServer.Log log = new DevServer.Log() {
            @Override
            public void info(String line) {
                getLog().info(line);
            }

            @Override
            public void warn(String line) {
                getLog().warn(line);
            }

            @Override
            public void error(String line) {
                getLog().error(line);
            }
        };
        try (DevServer server = new DevServer(config(), port, log)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "trackplan-serve-stop"));
            server.start();
            stopped.await();
        } catch (java.net.BindException e) {
            throw new MojoFailureException("port " + port + " is in use; choose another with -Dtrackplan.port=");
        } catch (IOException e) {
            throw new MojoExecutionException("the dev server failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
