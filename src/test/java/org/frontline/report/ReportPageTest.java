package org.frontline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class ReportPageTest {
    private static final String HOSTILE = "[{\"title\":\"</script><script>alert(1)</script><!-- & \u2028\"}]";

    @Test
    void dataCannotEndItsBlockOrOpenATag() {
        String block = ReportPage.dataBlock("claims", HOSTILE);

        String inside = block.substring(block.indexOf('>') + 1, block.lastIndexOf("</script>"));
        assertThat(inside).doesNotContain("<", ">", "&", "\u2028")
                .isEqualTo("[{\"title\":\"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"
                        + "\\u003c!-- \\u0026 \\u2028\"}]");
    }

    @Test
    void thePageIsSelfContainedAndRunsOnlyItsOwnScripts() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("claims", HOSTILE);
        String page = ReportPage.render(data, "{\"warehouse\":\"/w\"}");

        assertThat(page).doesNotContain("{{").doesNotContain("src=\"http").doesNotContain("<link ")
                .contains("id=\"data-world\"", "id=\"data-meta\"", "id=\"data-claims\"", "vegaEmbed")
                .doesNotContain("<script><script>alert(1)");
        Matcher csp = Pattern.compile("script-src 'nonce-([0-9a-f]{32})'").matcher(page);
        assertThat(csp.find()).isTrue();
        // Every script that runs carries the nonce; the others are inert data.
        Matcher tags = Pattern.compile("<script( [^>]*)?>").matcher(page);
        int scripts = 0;
        while (tags.find()) {
            String attrs = String.valueOf(tags.group(1));
            assertThat(attrs).matches(" nonce=\"" + csp.group(1) + "\"| type=\"application/json\" id=\"data-\\w+\"");
            scripts++;
        }
        assertThat(scripts).isEqualTo(ReportPage.LIBRARIES.size() + 1 + 3);
    }
}
