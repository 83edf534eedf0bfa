package io.partnerportal.app.database;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A digest of a Liquibase changelog and the changelogs it includes (their bytes, in include order)
 * and the number of changesets they declare. Only a plain tree of {@code <include file=...>} is
 * followed; a changelog using anything whose effect the digest cannot see (includeAll, sqlFile,
 * runAlways, runOnChange, relative includes, a missing file) makes it untrustworthy, and then the
 * migration always runs.
 */
record ChangelogFingerprint(String value, int changeSets, boolean trustworthy) {

    private static final Pattern INCLUDE = Pattern.compile("<include\\s+file=\"([^\"]+)\"\\s*/>");
    private static final Pattern CHANGE_SET = Pattern.compile("<changeSet[\\s>]");
    private static final Pattern UNFOLLOWED = Pattern.compile(
            "includeAll|sqlFile|runAlways\\s*=\\s*\"true\"|runOnChange\\s*=\\s*\"true\"|relativeToChangelogFile\\s*=\\s*\"true\"");
    private static final int MAX_FILES = 200;

    static ChangelogFingerprint of(String changeLog, ClassLoader classLoader) {
        MessageDigest digest = sha256();
        Walk walk = new Walk(digest, classLoader);
        boolean trustworthy = walk.visit(changeLog);
        return new ChangelogFingerprint(HexFormat.of().formatHex(digest.digest()), walk.changeSets,
                trustworthy && walk.files <= MAX_FILES);
    }

    String shortValue() {
        return value.substring(0, 12);
    }

    private static final class Walk {
        private final MessageDigest digest;
        private final ClassLoader classLoader;
        private int changeSets;
        private int files;

        Walk(MessageDigest digest, ClassLoader classLoader) {
            this.digest = digest;
            this.classLoader = classLoader;
        }

        boolean visit(String path) {
            if (++files > MAX_FILES) {
                return false;
            }
            String text = read(path);
            if (text == null) {
                return false;
            }
            digest.update(path.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(text.getBytes(StandardCharsets.UTF_8));
            boolean trustworthy = !UNFOLLOWED.matcher(text).find();
            Matcher changeSet = CHANGE_SET.matcher(text);
            while (changeSet.find()) {
                changeSets++;
            }
            Matcher include = INCLUDE.matcher(text);
            while (include.find()) {
                trustworthy &= visit(include.group(1));
            }
            return trustworthy;
        }

        private String read(String path) {
            try (InputStream in = classLoader.getResourceAsStream(path)) {
                return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return null;
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
