package io.partnerportal.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * The members of a JSON object that a request may not carry: one {@code unknown_field} error per
 * member outside the known set, in the members' order, each at the member's own RFC 6901 pointer
 * (so a member named {@code a/b} is reported at {@code /a~1b}, not at {@code /a/b}). Typos must be
 * refused, never silently ignored.
 */
public final class UnknownMembers {

    /** The code of every error this reports. */
    public static final String CODE = "unknown_field";

    private UnknownMembers() {
    }

    /**
     * The errors for the members not in {@code known}, with the message {@code unknown field 'name'}.
     *
     * @param members the object's member names (a map's key set)
     * @param known   the members the object may have
     * @param pointer the pointer of the object itself ({@code ""} for the request body)
     */
    public static List<FieldError> of(Iterable<?> members, Collection<String> known, String pointer) {
        return of(members, known, pointer, member -> "unknown field '" + member + "'");
    }

    /**
     * The errors for the members not in {@code known}.
     *
     * @param members the object's member names (a map's key set)
     * @param known   the members the object may have
     * @param pointer the pointer of the object itself ({@code ""} for the request body)
     * @param message what to tell a human about one unknown member, given its name
     */
    public static List<FieldError> of(Iterable<?> members, Collection<String> known, String pointer,
                                      Function<String, String> message) {
        List<FieldError> errors = new ArrayList<>();
        for (Object raw : members) {
            String member = String.valueOf(raw);
            if (!known.contains(member)) {
                errors.add(FieldError.at(JsonPointer.append(pointer, member), CODE, message.apply(member)));
            }
        }
        return errors;
    }
}
