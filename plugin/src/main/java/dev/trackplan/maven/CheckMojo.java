package dev.trackplan.maven;

import dev.trackplan.pipeline.Trackplan;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/** Loads and checks all event specs; fails on any error. */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class CheckMojo extends AbstractTrackplanMojo {

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("Trackplan skipped (trackplan.skip)");
            return;
        }
        Trackplan.Checked checked = new Trackplan().check(config());
        report(checked.diagnostics().sorted());
        getLog().info("Trackplan: " + checked.plan().events().size() + " events checked, no errors");
        String notBundled = Trackplan.notBundled(checked.plan());
        if (!notBundled.isEmpty()) {
            getLog().info("Trackplan: " + notBundled);
        }
    }
}
