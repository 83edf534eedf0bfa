package io.partnerportal.experiences.domain;

import io.partnerportal.common.FieldError;
import io.partnerportal.common.Fields;
import io.partnerportal.common.JsonPointer;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One block of a tab's content, in order: rich text, links, file references, a form, or the
 * partner-profile smart section (rendered by the portal from the partner's own data).
 */
public sealed interface Section permits Section.RichText, Section.Links, Section.Files, Section.FormRef,
        Section.PartnerProfile {

    int MAX_RICH_TEXT = 100_000;
    int MAX_ITEMS = 100;
    int MAX_LABEL = 200;
    int MAX_URL = 2_000;

    String type();

    Map<String, Object> toJson();

    /** Text with simple markup; the portal renders it sanitised. */
    record RichText(String content) implements Section {
        @Override
        public String type() {
            return "rich_text";
        }

        @Override
        public Map<String, Object> toJson() {
            return ordered("type", type(), "content", content);
        }
    }

    record Link(String label, String url) {
    }

    record Links(List<Link> links) implements Section {
        public Links {
            links = List.copyOf(links);
        }

        @Override
        public String type() {
            return "links";
        }

        @Override
        public Map<String, Object> toJson() {
            return ordered("type", type(), "links", links.stream().map(l -> ordered("label", l.label(), "url", l.url()))
                    .toList());
        }
    }

    record FileRef(String name, String url) {
    }

    record Files(List<FileRef> files) implements Section {
        public Files {
            files = List.copyOf(files);
        }

        @Override
        public String type() {
            return "files";
        }

        @Override
        public Map<String, Object> toJson() {
            return ordered("type", type(), "files", files.stream().map(f -> ordered("name", f.name(), "url", f.url()))
                    .toList());
        }
    }

    /** A form of this module, shown inside the tab; who may submit it is the form's own audience. */
    record FormRef(String formId) implements Section {
        @Override
        public String type() {
            return "form";
        }

        @Override
        public Map<String, Object> toJson() {
            return ordered("type", type(), "formId", formId);
        }
    }

    /** The partner profile smart section (seed 004): the portal shows the logged-in partner's profile. */
    record PartnerProfile() implements Section {
        @Override
        public String type() {
            return "partner_profile";
        }

        @Override
        public Map<String, Object> toJson() {
            return Map.of("type", type());
        }
    }

    /** Reads one section; problems are added with pointers (then null is answered). */
    static Section fromJson(Object json, String pointer, List<FieldError> errors) {
        Fields f = Fields.of(json, pointer, errors);
        if (f == null) {
            return null;
        }
        int before = errors.size();
        Object type = f.raw("type");
        Section section;
        switch (type instanceof String s ? s : "") {
            case "rich_text" -> {
                f.allowOnly(Set.of("type", "content"));
                String content = f.string("content", true, MAX_RICH_TEXT);
                section = new RichText(content);
            }
            case "links" -> {
                f.allowOnly(Set.of("type", "links"));
                List<Link> links = new ArrayList<>();
                items(f, "links", "label", "url", (label, url) -> links.add(new Link(label, url)));
                section = new Links(links);
            }
            case "files" -> {
                f.allowOnly(Set.of("type", "files"));
                List<FileRef> files = new ArrayList<>();
                items(f, "files", "name", "url", (name, url) -> files.add(new FileRef(name, url)));
                section = new Files(files);
            }
            case "form" -> {
                f.allowOnly(Set.of("type", "formId"));
                section = new FormRef(f.string("formId", true, 100));
            }
            case "partner_profile" -> {
                f.allowOnly(Set.of("type"));
                section = new PartnerProfile();
            }
            default -> {
                f.error("type", type == null ? "required" : "unknown_option",
                        "type is rich_text, links, files, form or partner_profile");
                section = null;
            }
        }
        return errors.size() > before ? null : section;
    }

    private static void items(Fields f, String field, String labelField, String urlField,
                              java.util.function.BiConsumer<String, String> add) {
        List<?> list = f.list(field, true, MAX_ITEMS);
        if (list == null) {
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            Fields item = Fields.of(list.get(i), JsonPointer.append(f.pointer(field), i), f.errors());
            if (item == null) {
                continue;
            }
            item.allowOnly(Set.of(labelField, urlField));
            String label = item.string(labelField, true, MAX_LABEL);
            String url = item.string(urlField, true, MAX_URL);
            if (url != null && !isWebUrl(url)) {
                item.error(urlField, "invalid_url", urlField + " is an absolute http(s) URL");
                url = null;
            }
            if (label != null && url != null) {
                add.accept(label, url);
            }
        }
    }

    static boolean isWebUrl(String url) {
        try {
            URI uri = new URI(url);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
