package dev.trackplan.maven;

import dev.trackplan.pipeline.Trackplan;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Loads and checks all event specs, including the custom code's JavaScript syntax; fails on any
 * error. When {@code trackplan:build} runs later in the same Maven run (a {@code mvn package} of a
 * project that binds both goals), check leaves the work to it: build reports the problems of every
 * stage at once, and nothing is printed twice.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class CheckMojo extends AbstractTrackplanMojo {
    /** Maven's default lifecycle, in order: a goal at or after build's phase runs build. */
    private static final List<String> PHASES = List.of("validate", "initialize", "generate-sources",
            "process-sources", "generate-resources", "process-resources", "compile", "process-classes",
            "generate-test-sources", "process-test-sources", "generate-test-resources", "process-test-resources",
            "test-compile", "process-test-classes", "test", "prepare-package", "package", "pre-integration-test",
            "integration-test", "post-integration-test", "verify", "install", "deploy");

    /** The Maven run, to see whether trackplan:build follows in it. */
    @Parameter(defaultValue = "${session}", readonly = true)
    MavenSession session;

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("Trackplan skipped (trackplan.skip)");
            return;
        }
        if (buildFollows()) {
            if (workDirectory != null) {
                Trackplan.startGraalJsForBuild(workDirectory.toPath()); // the build uses it: started while the goals between run
            }
            getLog().info("Trackplan: the specs are checked by trackplan:build later in this run, which reports "
                    + "the problems of every stage at once");
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

    /** True when this Maven run also executes trackplan:build on this project, after this goal. */
    boolean buildFollows() {
        if (session == null || project == null || session.getGoals() == null) {
            return false;
        }
        int buildPhase = -1;
        for (Plugin plugin : project.getBuildPlugins()) {
            if (!"trackplan-maven-plugin".equals(plugin.getArtifactId())) {
                continue;
            }
            for (PluginExecution e : plugin.getExecutions()) {
                if (e.getGoals().contains("build")) {
                    int at = PHASES.indexOf(e.getPhase() == null ? "package" : e.getPhase());
                    buildPhase = buildPhase < 0 ? at : Math.min(buildPhase, at);
                }
            }
        }
        for (String goal : session.getGoals()) {
            if (goal.startsWith("trackplan:build") || goal.contains("trackplan-maven-plugin") && goal.endsWith(":build")) {
                return true;
            }
            if (buildPhase >= 0 && PHASES.indexOf(goal) >= buildPhase) {
                return true;
            }
        }
        return false;
    }
}
