package dev.finflow.operate;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every relative link of the README and of the pages under docs/ (Markdown links, images, HTML images) names a file or
 * folder that exists, so moving a page or a source file cannot leave a dead link behind. Links to the web and
 * anchors within a page are not followed.
 */
class DocsLinksTest {

    /**
     * {@code [text](target)} and {@code ![alt](target)}, the target ending at a space, a '#' or ')'; and the
     * {@code src} of an HTML {@code <img>} (the README's thumbnails).
     */
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s#]*)(#[^)\\s]*)?\\)|<img [^>]*src=\"([^\"#]*)\"");

    @Test
    void everyRelativeLinkPointsAtAFileThatExists() throws IOException {
        List<Path> pages = pages();
        assertThat(pages).hasSizeGreaterThan(5);
        List<String> dead = new ArrayList<>();
        int checked = 0;
        for (Path page : pages) {
            String text = withoutCodeBlocks(Files.readString(page));
            Matcher link = LINK.matcher(text);
            while (link.find()) {
                String target = link.group(1) != null ? link.group(1) : link.group(3);
                if (target.isEmpty() || target.matches("^[a-z]+:.*")) {
                    continue; // an anchor of the same page, or http:, https:, mailto:
                }
                checked++;
                if (!Files.exists(page.getParent().resolve(target).normalize())) {
                    dead.add(Repository.root().relativize(page) + " -> " + target);
                }
            }
        }
        assertThat(checked).as("relative links found").isGreaterThan(20);
        assertThat(dead).as("relative links to files that do not exist").isEmpty();
    }

    @Test
    void theReadmeIsAFrontDoorOfAboutTwoHundredLines() throws IOException {
        List<String> readme = Files.readAllLines(Repository.file("README.md"));
        assertThat(readme.size()).isLessThanOrEqualTo(250);
        // .ci/run reads the test command from the block after this marker.
        assertThat(readme).containsSubsequence("<!-- test-command -->", "```bash", "mvn verify", "```");
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Repository.file("README.md")));
        try (Stream<Path> docs = Files.list(Repository.file("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /** Links inside fenced code are code, not links. */
    private static String withoutCodeBlocks(String markdown) {
        return markdown.replaceAll("(?ms)^```.*?^```", "");
    }
}
