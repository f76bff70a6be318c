package dev.trackplan.maven;

import dev.trackplan.pipeline.Trackplan;
import dev.trackplan.pipeline.TrackplanConfig;
import dev.trackplan.publish.HubSpotException;
import dev.trackplan.publish.PlanDiff;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Reads the HubSpot account's event definitions and prints, per event and property, what apply
 * would create or update and what only the account has. Read-only; fails on any difference, so CI
 * can gate a release on "the account matches the plan".
 */
@Mojo(name = "diff", threadSafe = true)
public class DiffMojo extends AbstractPublishMojo {

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("Trackplan skipped (trackplan.skip)");
            return;
        }
        TrackplanConfig c = config();
        Trackplan.Checked checked = checkedPlan(c);
        PlanDiff diff;
        try {
            diff = publisher().diff(checked.plan().events());
        } catch (HubSpotException e) {
            throw new MojoFailureException(e.getMessage());
        }
        print(diff);
        report(diff.conflicts());
        if (!diff.inSync()) {
            throw new MojoFailureException("the HubSpot account differs from the plan (" + diff.changes().size()
                    + " difference" + (diff.changes().size() == 1 ? "" : "s") + ", listed above); run mvn "
                    + "trackplan:apply to create and update, or trackplan:import for what only the account has");
        }
        getLog().info("Trackplan: the account matches the plan");
    }
}
