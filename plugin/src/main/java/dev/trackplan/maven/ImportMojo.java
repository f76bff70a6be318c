package dev.trackplan.maven;

import dev.trackplan.pipeline.Trackplan;
import dev.trackplan.pipeline.TrackplanConfig;
import dev.trackplan.publish.HubSpotException;
import dev.trackplan.publish.Publisher;
import java.io.File;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * For a team that already has events in HubSpot: writes one YAML spec per definition the plan
 * lacks (without trigger: sent from elsewhere until someone adds one) and locks what the account holds.
 */
@Mojo(name = "import", threadSafe = true)
public class ImportMojo extends AbstractPublishMojo {

    /** Where the imported specs go; default: the folder "imported" in the events directory. */
    @Parameter(property = "trackplan.importDirectory")
    File importDirectory;

    @Override
    public void execute() throws MojoFailureException, MojoExecutionException {
        if (skip) {
            getLog().info("Trackplan skipped (trackplan.skip)");
            return;
        }
        TrackplanConfig c = config();
        Trackplan.Checked checked = checkedPlan(c);
        File dir = importDirectory != null ? importDirectory : new File(eventsDirectory, "imported");
        Publisher.Result r;
        try {
            r = publisher().importMissing(checked.plan().events(), checked.lock(), c.lockFile(), dir.toPath(), hubId);
        } catch (HubSpotException e) {
            throw new MojoFailureException(e.getMessage() + "; nothing was imported");
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write the imported specs or the lock file: " + e.getMessage(), e);
        }
        if (r.lockWritten()) {
            getLog().info("Trackplan: lock file updated: " + c.lockFile() + " (commit it with the specs)");
        }
        report(r.conflicts());
    }
}
