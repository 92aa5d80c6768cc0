package org.frontline.extract.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.frontline.extract.RuleSource;
import org.frontline.nlp.NlpProfile;
import org.junit.jupiter.api.Test;

/** What FigureExtractor does without CoreNLP models: reading rules, choosing a cue. */
class FigureExtractorTest {

    static final Path CONF = Path.of(System.getProperty("frontline.home", "."), "conf");
    static final Path RULES = CONF.resolve("rules");
    /** The rules of the default profile, in the order it declares. */
    static final List<RuleSource> DEFAULT_RULES = NlpProfile.load(CONF, "default").rules();

    @Test
    void projectRulesParseInTheirDeclaredOrder() {
        assertThatCode(() -> new FigureExtractor(DEFAULT_RULES))
                .doesNotThrowAnyException();
    }

    @Test
    void figureRulesAloneDoNotParseBecauseTheyNeedTheDefinitions() {
        List<RuleSource> figuresOnly = RuleSource.read(RULES, List.of("figures.rules"));
        assertThatThrownBy(() -> new FigureExtractor(figuresOnly))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("figures.rules");
    }

    @Test
    void aBrokenRuleFileIsNamedInTheError() {
        List<RuleSource> rules = new ArrayList<>(DEFAULT_RULES);
        rules.add(new RuleSource("extra.rules", "{ name: \"x\", pattern: ( [{tag:CD}] ), result: ( \"figure\" "));
        assertThatThrownBy(() -> new FigureExtractor(rules))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("extra.rules");
    }

    @Test
    void aMissingRuleFileSaysWhichFile() {
        assertThatThrownBy(() -> RuleSource.read(RULES, List.of("nope.rules")))
                .hasMessageContaining("nope.rules");
    }

    // Tokens: 0 Russia | 1 has | 2 taken | 3 420 | 4 sq | 5 km | 6 , | 7 Shoigu | 8 said
    @Test
    void theNearestCueBeforeTheFigureWins() {
        String[] cues = {null, null, "control", null, null, null, null, null, "stop"};
        assertThat(FigureExtractor.nearestCue(cues, new boolean[9], 3, 6)).isEqualTo("control");
    }

    @Test
    void aStopBeforeTheFigureSendsTheSearchForward() {
        // "officials said 400 hectares were flooded"
        String[] cues = {null, "stop", null, null, null, "other"};
        assertThat(FigureExtractor.nearestCue(cues, new boolean[6], 2, 4)).isEqualTo("other");
    }

    @Test
    void aStopAfterTheFigureEndsTheSearch() {
        String[] cues = {"stop", null, null, "stop", "control"};
        assertThat(FigureExtractor.nearestCue(cues, new boolean[5], 1, 3)).isNull();
    }

    @Test
    void cuesBeyondTheWindowAreIgnored() {
        int n = FigureExtractor.CUE_WINDOW_BEFORE + 3;
        String[] cues = new String[n];
        cues[0] = "control";
        assertThat(FigureExtractor.nearestCue(cues, new boolean[n], n - 1, n)).isNull();
    }

    @Test
    void tokensOfOtherFiguresDoNotCountTowardsTheWindow() {
        // "captured 10 sq km , 20 sq km , 30 sq km": the third figure still sees "captured".
        String[] cues = new String[12];
        cues[0] = "control";
        boolean[] inFigure = new boolean[12];
        for (int i : new int[] {1, 2, 3, 5, 6, 7}) {
            inFigure[i] = true;
        }
        assertThat(FigureExtractor.nearestCue(cues, inFigure, 9, 12)).isEqualTo("control");
    }

    @Test
    void functionWordsDoNotCountTowardsTheWindow() {
        // "23 settlements in the Kharkiv direction have already been liberated": figure 0-2, then
        // in(f) the(f) Kharkiv direction have(f) already(f) been(f) liberated(cue 9).
        int n = 10;
        String[] cues = new String[n];
        cues[9] = "control";
        boolean[] function = new boolean[n];
        for (int i : new int[] {2, 3, 6, 7, 8}) {
            function[i] = true;
        }
        assertThat(FigureExtractor.nearestCue(cues, new boolean[n], function, new boolean[n], 0, 2))
                .isEqualTo("control");
        // Without the function words marked, the cue is 8 words away: still inside.
        assertThat(FigureExtractor.nearestCue(cues, new boolean[n], 0, 2)).isEqualTo("control");
        // Beyond the window when every word counts.
        String[] far = new String[n + 3];
        far[n + 2] = "control";
        assertThat(FigureExtractor.nearestCue(far, new boolean[n + 3], 0, 2)).isNull();
    }

    @Test
    void aParticipleAfterTheFigureIsNoCue() {
        // "two other towns in Texas taking precautionary measures": the towns take, they are not taken.
        String[] cues = {null, null, null, null, null, "control", null, null};
        boolean[] gerund = new boolean[8];
        gerund[5] = true;
        assertThat(FigureExtractor.nearestCue(cues, new boolean[8], new boolean[8], gerund, 0, 3)).isNull();
        // The same verb before the figure is its predicate.
        String[] before = {"control", null, null, null};
        boolean[] gerundBefore = {true, false, false, false};
        assertThat(FigureExtractor.nearestCue(before, new boolean[4], new boolean[4], gerundBefore, 1, 3))
                .isEqualTo("control");
    }

    /**
     * On-demand tagging decides which sentences to tag before NER with {@link FigureExtractor#mayHoldFigure}, which
     * matches the stages' triggers on untagged tokens: a trigger must test words only.
     */
    @Test
    void stageTriggersTestWordsOnly() throws java.io.IOException {
        List<String> triggers = new ArrayList<>();
        for (String line : java.nio.file.Files.readAllLines(RULES.resolve("figures.rules"))) {
            if (line.matches("\\$STAGE\\d+_TRIGGER\\s*=.*")) {
                triggers.add(line);
            }
        }
        assertThat(triggers).isNotEmpty();
        // No tag, lemma or NER label, and no macro (which could read them).
        assertThat(triggers).allSatisfy(t -> assertThat(t.substring(t.indexOf('=') + 1))
                .doesNotContain("tag:", "lemma:", "ner:", "$"));
    }
}
