package dev.trackplan.maven;

import dev.trackplan.pipeline.BuildResult;
import dev.trackplan.pipeline.Trackplan;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/** Checks the specs, renders the snippets, writes the bundle, generates the site and verifies it under GraalJS. */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class BuildMojo extends AbstractTrackplanMojo {

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("Trackplan skipped (trackplan.skip)");
            return;
        }
        BuildResult result = new Trackplan().build(config());
        if (!result.upToDate()) {
            // an up-to-date build found nothing new: the reports of the build that wrote the site stand
            report(result.diagnostics());
        }
        for (String line : result.summary()) {
            getLog().info("Trackplan: " + line);
        }
    }
}
