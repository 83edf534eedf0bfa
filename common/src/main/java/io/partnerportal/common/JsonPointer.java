package io.partnerportal.common;

/** Builds RFC 6901 JSON pointers so keys with '/' or '~' stay unambiguous. */
public final class JsonPointer {

    private JsonPointer() {
    }

    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    public static String of(String... tokens) {
        StringBuilder sb = new StringBuilder();
        for (String token : tokens) {
            sb.append('/').append(escape(token));
        }
        return sb.toString();
    }

    public static String append(String pointer, String token) {
        return pointer + "/" + escape(token);
    }

    public static String append(String pointer, int index) {
        return pointer + "/" + index;
    }
}
