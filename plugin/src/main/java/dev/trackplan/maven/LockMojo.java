package dev.trackplan.maven;

import dev.trackplan.pipeline.Trackplan;
import dev.trackplan.pipeline.TrackplanConfig;
import dev.trackplan.publish.Publisher;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * For teams that create the definitions in HubSpot by hand: records every event of the plan in the
 * lock file as published, so check and build guard their names, objects and types from now on.
 * Offline; fails if the plan already breaks the lock.
 */
@Mojo(name = "lock", threadSafe = true)
public class LockMojo extends AbstractTrackplanMojo {

    @Override
    public void execute() throws MojoFailureException, MojoExecutionException {
        if (skip) {
            getLog().info("Trackplan skipped (trackplan.skip)");
            return;
        }
        TrackplanConfig c = config();
        Trackplan.Checked checked = new Trackplan().check(c);
        report(checked.diagnostics().sorted());
        try {
            boolean written = Publisher.lockAll(checked.plan().events(), checked.lock(), c.lockFile());
            getLog().info("Trackplan: " + (written ? "lock file written: " + c.lockFile() + " ("
                    + checked.plan().events().size() + " events; commit it with the specs)" : "lock file already up to date"));
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write the lock file " + c.lockFile() + ": " + e.getMessage(), e);
        }
    }
}
