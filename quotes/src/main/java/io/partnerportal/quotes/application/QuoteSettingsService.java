package io.partnerportal.quotes.application;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.Actor;
import io.partnerportal.common.ConfigurationChanged;
import io.partnerportal.common.FieldError;
import io.partnerportal.common.InvalidInputException;
import io.partnerportal.common.StaleVersionException;
import io.partnerportal.common.UnknownMembers;
import io.partnerportal.quotes.application.port.QuoteSettings;
import io.partnerportal.quotes.application.port.QuoteSettingsStore;
import io.partnerportal.quotes.domain.DiscountCap;
import io.partnerportal.quotes.domain.Percent;
import io.partnerportal.segments.api.Audience;
import io.partnerportal.segments.api.SegmentDirectory;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and replaces the quote settings: the audience allowed to create quotes (validated against the
 * segments that exist), the default maximum discount and per-segment caps. A replacement carries the
 * version it replaces (stale → 412) and is recorded in the audit log.
 */
@Singleton
public class QuoteSettingsService {

    public static final int MAX_CAPS = 100;
    private static final Set<String> FIELDS = Set.of("allowQuoteCreation", "defaultMaxDiscountPercent",
            "discountCaps", "version", "updatedAt");
    private static final Set<String> CAP_FIELDS = Set.of("segmentId", "maxDiscountPercent");

    private final QuoteSettingsStore store;
    private final SegmentDirectory segments;
    private final ApplicationEventPublisher<ConfigurationChanged> audit;

    QuoteSettingsService(QuoteSettingsStore store, SegmentDirectory segments,
                         ApplicationEventPublisher<ConfigurationChanged> audit) {
        this.store = store;
        this.segments = segments;
        this.audit = audit;
    }

    @Transactional
    public QuoteSettings get() {
        return store.get(false);
    }

    @Transactional
    public QuoteSettings replace(Map<String, Object> body, Actor actor) {
        List<FieldError> errors = new ArrayList<>(UnknownMembers.of(body.keySet(), FIELDS, "",
                member -> "'" + member + "' is not a quote setting "
                        + "(allowQuoteCreation, defaultMaxDiscountPercent, discountCaps, version)"));
        Audience audience = null;
        try {
            audience = Audience.fromJson(body.get("allowQuoteCreation"), "/allowQuoteCreation");
            segments.requireValid(audience, "/allowQuoteCreation");
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        BigDecimal defaultMax = BigDecimal.ZERO;
        Object rawDefault = body.get("defaultMaxDiscountPercent");
        if (rawDefault != null) {
            if (rawDefault instanceof BigDecimal d && Percent.isValid(d)) {
                defaultMax = d;
            } else {
                errors.add(FieldError.at("/defaultMaxDiscountPercent", "out_of_range",
                        "defaultMaxDiscountPercent is a number from 0 to 100 with at most 2 decimals"));
            }
        }
        List<DiscountCap> caps = caps(body.get("discountCaps"), errors);
        Long version = null;
        Object rawVersion = body.get("version");
        if (rawVersion instanceof BigDecimal v && v.stripTrailingZeros().scale() <= 0 && v.signum() >= 0) {
            version = v.longValue();
        } else {
            errors.add(FieldError.at("/version", rawVersion == null ? "required" : "wrong_value_type",
                    "version (a whole number, from GET) is required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        QuoteSettings current = store.get(true);
        if (current.version() != version) {
            throw new StaleVersionException("The quote settings", version, current.version());
        }
        QuoteSettings next = new QuoteSettings(audience, defaultMax, caps, current.version() + 1,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        store.save(next);
        audit.publishEvent(new ConfigurationChanged("quote_settings", "quote-settings", "Quote settings", "updated",
                current.snapshot(), next.snapshot(), actor, next.updatedAt()));
        return next;
    }

    private List<DiscountCap> caps(Object raw, List<FieldError> errors) {
        List<DiscountCap> caps = new ArrayList<>();
        if (raw == null) {
            return caps;
        }
        if (!(raw instanceof List<?> list)) {
            errors.add(FieldError.at("/discountCaps", "wrong_value_type",
                    "discountCaps is a list of {segmentId, maxDiscountPercent}"));
            return caps;
        }
        if (list.size() > MAX_CAPS) {
            errors.add(FieldError.at("/discountCaps", "too_many_values", "at most " + MAX_CAPS + " discount caps"));
            return caps;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String pointer = "/discountCaps/" + i;
            if (!(list.get(i) instanceof Map<?, ?> cap)) {
                errors.add(FieldError.at(pointer, "wrong_value_type", "a cap is {segmentId, maxDiscountPercent}"));
                continue;
            }
            int before = errors.size();
            errors.addAll(UnknownMembers.of(cap.keySet(), CAP_FIELDS, pointer,
                    member -> "'" + member + "' is not a field of a cap (segmentId, maxDiscountPercent)"));
            Object segmentId = cap.get("segmentId");
            if (!(segmentId instanceof String id) || id.isBlank()) {
                errors.add(FieldError.at(pointer + "/segmentId", "required", "segmentId is required"));
            } else if (!seen.add(id)) {
                errors.add(FieldError.at(pointer + "/segmentId", "duplicate", "this segment has a cap already"));
            } else if (segments.find(id).isEmpty()) {
                errors.add(FieldError.at(pointer + "/segmentId", "unknown_segment", "there is no segment " + id));
            }
            Object max = cap.get("maxDiscountPercent");
            if (!(max instanceof BigDecimal m) || !Percent.isValid(m)) {
                errors.add(FieldError.at(pointer + "/maxDiscountPercent", max == null ? "required" : "out_of_range",
                        "maxDiscountPercent is a number from 0 to 100 with at most 2 decimals"));
            }
            if (errors.size() == before) {
                caps.add(new DiscountCap((String) segmentId, (BigDecimal) max));
            }
        }
        return caps;
    }
}
