package dev.trackplan.maven;

import dev.trackplan.pipeline.Trackplan;
import dev.trackplan.pipeline.TrackplanConfig;
import dev.trackplan.publish.HubSpotException;
import dev.trackplan.publish.Publisher;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Makes the HubSpot account match the plan: creates missing event definitions and properties,
 * updates labels, descriptions and enumeration options, and writes the lock file. Never deletes;
 * refuses what HubSpot forbids (a changed object or type, a deleted name) with a located error.
 */
@Mojo(name = "apply", threadSafe = true)
public class ApplyMojo extends AbstractPublishMojo {

    /** Print what would change, change nothing (neither the account nor the lock file). */
    @Parameter(property = "trackplan.dryRun", defaultValue = "false")
    boolean dryRun;

    @Override
    public void execute() throws MojoFailureException, MojoExecutionException {
        if (skip) {
            getLog().info("Trackplan skipped (trackplan.skip)");
            return;
        }
        TrackplanConfig c = config();
        Trackplan.Checked checked = checkedPlan(c);
        Publisher.Result r;
        try {
            r = publisher().apply(checked.plan().events(), checked.lock(), c.lockFile(), dryRun, hubId);
        } catch (HubSpotException e) {
            throw new MojoFailureException(e.getMessage() + "; nothing was changed");
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write the lock file " + c.lockFile() + ": " + e.getMessage(), e);
        }
        if (r.lockWritten()) {
            getLog().info("Trackplan: lock file updated: " + c.lockFile() + " (commit it with the specs)");
        }
        report(r.conflicts());
        if (r.failure() != null) {
            throw new MojoFailureException(r.failure());
        }
        getLog().info("Trackplan: " + (dryRun ? "dry run, nothing changed" : r.diff().applicable().isEmpty()
                ? "the account already matches the plan" : r.diff().applicable().size() + " change"
                + (r.diff().applicable().size() == 1 ? "" : "s") + " applied"));
    }
}
