package dev.trackplan.diag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GithubAnnotationsTest {

    @Test
    void errorAtFileLineAndColumn() {
        Diagnostic d = Diagnostic.error(new SourcePos("src/main/tracking/events/bad.yaml", 7, 7), "TP131",
                "property name 'Plan-Name' must start with a letter");
        assertThat(GithubAnnotations.command(d, "site/src/main/tracking/events/bad.yaml")).isEqualTo(
                "::error file=site/src/main/tracking/events/bad.yaml,line=7,col=7,title=Trackplan TP131::"
                        + "src/main/tracking/events/bad.yaml:[7,7] TP131 property name 'Plan-Name' must start with a letter");
    }

    @Test
    void warningWithoutAFile() {
        Diagnostic d = Diagnostic.warning(SourcePos.of("404"), "TP170", "no examples");
        assertThat(GithubAnnotations.command(d, null)).isEqualTo("::warning title=Trackplan TP170::404:[1,1] TP170 no examples");
    }

    @Test
    void encodesDataAndPropertiesTheWayTheRunnerDecodesThem() {
        // a message with a line break, a percent sign and '::' must stay one command with the whole text
        Diagnostic d = Diagnostic.error(new SourcePos("a,b:c%.yaml", 2, 3), "TP101", "100% wrong\r\nnext::line, here");
        String command = GithubAnnotations.command(d, "dir/a,b:c%.yaml");
        assertThat(command).doesNotContain("\n").doesNotContain("\r");
        assertThat(command).startsWith("::error file=dir/a%2Cb%3Ac%25.yaml,line=2,col=3,title=Trackplan TP101::");
        assertThat(command).endsWith("::a,b:c%25.yaml:[2,3] TP101 100%25 wrong%0D%0Anext::line, here");
        assertThat(decodeData(command.substring(command.indexOf("::", 2) + 2))).isEqualTo(d.format());
    }

    /** What GitHub's runner does to a command's data (ActionCommand unescapeData). */
    private static String decodeData(String s) {
        return s.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%");
    }
}
