package io.partnerportal.segments.domain.condition;

/** Building RFC 6901 pointers: {@code /condition/all/2/values/0}. */
final class JsonPointer {

    private JsonPointer() {
    }

    static String append(String pointer, String token) {
        String escaped = token.indexOf('~') < 0 && token.indexOf('/') < 0 ? token
                : token.replace("~", "~0").replace("/", "~1");
        return pointer + "/" + escaped;
    }

    static String append(String pointer, int index) {
        return pointer + "/" + index;
    }
}
