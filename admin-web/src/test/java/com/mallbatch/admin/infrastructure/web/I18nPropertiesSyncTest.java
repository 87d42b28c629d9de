package com.mallbatch.admin.infrastructure.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every label is in both languages, and no template holds literal words: text between tags and the attributes people
 * read (aria-label, title, placeholder, alt, value of a button) come from the message files.
 */
class I18nPropertiesSyncTest {

    static final Path RESOURCES = Path.of("src", "main", "resources");
    static final Pattern TEXT = Pattern.compile(">([^<>]*)<");
    static final Pattern LITERAL_ATTRIBUTE = Pattern.compile("(?<![:\\w-])(aria-label|title|placeholder|alt)=\"([^\"]*)\"");
    static final Pattern SCRIPT_OR_STYLE = Pattern.compile("(?s)<(script|style)\\b.*?</\\1>");

    /** The shared bundle and one per feature, as spring.messages.basename lists them. */
    static final List<String> BUNDLES = List.of("messages", "i18n/launch", "i18n/accounts", "i18n/settlements",
            "i18n/schedules", "i18n/sellers", "i18n/users", "i18n/breaks");

    @Test
    void everyKeyIsInEnglishAndKorean() throws IOException {
        for (String bundle : BUNDLES) {
            Set<String> english = keys(bundle + ".properties");
            Set<String> korean = keys(bundle + "_ko.properties");
            assertThat(difference(english, korean)).as("keys missing from " + bundle + "_ko.properties").isEmpty();
            assertThat(difference(korean, english)).as("keys missing from " + bundle + ".properties").isEmpty();
        }
    }

    @Test
    void noKeyIsInTwoBundles() throws IOException {
        Set<String> seen = new TreeSet<>();
        Set<String> twice = new TreeSet<>();
        for (String bundle : BUNDLES) {
            for (String key : keys(bundle + ".properties")) {
                if (!seen.add(key)) {
                    twice.add(bundle + ": " + key);
                }
            }
        }
        assertThat(twice).isEmpty();
    }

    @Test
    void noTemplateHoldsLiteralText() throws IOException {
        List<String> literals = new ArrayList<>();
        try (Stream<Path> templates = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                String html = SCRIPT_OR_STYLE.matcher(Files.readString(template)).replaceAll("");
                Matcher text = TEXT.matcher(html);
                while (text.find()) {
                    if (text.group(1).codePoints().anyMatch(Character::isLetter)) {
                        literals.add(template.getFileName() + ": " + text.group(1).strip());
                    }
                }
                Matcher attribute = LITERAL_ATTRIBUTE.matcher(html);
                while (attribute.find()) {
                    if (attribute.group(2).codePoints().anyMatch(Character::isLetter)) {
                        literals.add(template.getFileName() + ": " + attribute.group());
                    }
                }
            }
        }
        assertThat(literals).as("literal words in templates; use th:text=\"#{…}\"").isEmpty();
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Set<String> english = new TreeSet<>();
        for (String bundle : BUNDLES) {
            english.addAll(keys(bundle + ".properties"));
        }
        Pattern key = Pattern.compile("#\\{([a-zA-Z0-9.]+)");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher found = key.matcher(Files.readString(template));
                while (found.find()) {
                    if (!english.contains(found.group(1))) {
                        missing.add(template.getFileName() + ": " + found.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /** With arguments a message goes through MessageFormat, which eats a lone quote: "step's" must be "step''s". */
    @Test
    void aMessageWithArgumentsDoublesItsQuotes() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (String file : BUNDLES.stream().flatMap(b -> Stream.of(b + ".properties", b + "_ko.properties")).toList()) {
            Properties messages = load(file);
            for (String key : messages.stringPropertyNames()) {
                String text = messages.getProperty(key);
                if (text.matches("(?s).*\\{\\d.*") && text.replace("''", "").contains("'")) {
                    wrong.add(file + ": " + key);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static Set<String> keys(String file) throws IOException {
        return new TreeSet<>(load(file).stringPropertyNames());
    }

    private static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(RESOURCES.resolve(file))) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> left = new TreeSet<>(a);
        left.removeAll(b);
        return left;
    }
}
