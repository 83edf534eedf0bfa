package io.partnerportal.quotes.adapter.segments;

import io.partnerportal.quotes.application.QuoteDesk;
import io.partnerportal.quotes.application.port.QuoteSettings;
import io.partnerportal.quotes.application.QuoteSettingsService;
import io.partnerportal.quotes.domain.DiscountCap;
import io.partnerportal.quotes.domain.DiscountPolicy;
import io.partnerportal.segments.api.Audience;
import io.partnerportal.segments.api.SegmentAccess;
import io.partnerportal.segments.api.SegmentDirectory;
import io.partnerportal.segments.api.SegmentSummary;
import io.partnerportal.segments.spi.GatedItems;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tells segments where the quote settings use a segment (the usage guard) and what a contact may do
 * with quotes and why (the access explanation).
 */
@Singleton
class QuoteGatedItems implements GatedItems {

    static final String KIND = "quote_settings";
    static final String ID = "quote-settings";

    private final QuoteSettingsService settings;
    private final QuoteDesk desk;
    private final SegmentAccess access;
    private final SegmentDirectory directory;

    QuoteGatedItems(QuoteSettingsService settings, QuoteDesk desk, SegmentAccess access, SegmentDirectory directory) {
        this.settings = settings;
        this.desk = desk;
        this.access = access;
        this.directory = directory;
    }

    @Override
    public List<Usage> usages(String segmentId) {
        QuoteSettings current = settings.get();
        List<Usage> usages = new ArrayList<>();
        if (current.allowQuoteCreation() instanceof Audience.AnyOfSegments a && a.segmentIds().contains(segmentId)) {
            usages.add(new Usage(KIND, ID, "Quote settings", "who may create quotes"));
        }
        for (DiscountCap cap : current.discountCaps()) {
            if (cap.segmentId().equals(segmentId)) {
                usages.add(new Usage(KIND, ID, "Quote settings", "discount cap of "
                        + cap.maxDiscountPercent().stripTrailingZeros().toPlainString() + "%"));
            }
        }
        return usages;
    }

    @Override
    public List<Decision> describe(String contactId) {
        QuoteSettings current = settings.get();
        List<Decision> decisions = new ArrayList<>();
        Audience audience = current.allowQuoteCreation();
        if (audience instanceof Audience.AnyOfSegments a) {
            Map<String, String> names = names(a.segmentIds());
            Set<String> mine = access.segmentsOfContact(contactId);
            List<String> admitting = a.segmentIds().stream().filter(mine::contains).toList();
            decisions.add(new Decision("quote_creation", ID, "Create quotes", !admitting.isEmpty(), admitting.isEmpty()
                    ? "not in any of: " + a.segmentIds().stream().map(id -> names.getOrDefault(id, id))
                    .collect(Collectors.joining(", "))
                    : "segment " + names.getOrDefault(admitting.get(0), admitting.get(0))));
        } else {
            decisions.add(new Decision("quote_creation", ID, "Create quotes", true, "everyone"));
        }
        DiscountPolicy.Applied cap = desk.discountOf(contactId);
        String percent = cap.maxPercent().stripTrailingZeros().toPlainString() + "%";
        decisions.add(new Decision("quote_discount", ID, "Quote discount up to " + percent, true,
                cap.segmentId() == null ? "default maximum discount"
                        : "segment " + names(List.of(cap.segmentId())).getOrDefault(cap.segmentId(), cap.segmentId())));
        return decisions;
    }

    private Map<String, String> names(List<String> ids) {
        return directory.findAll(ids).stream().collect(Collectors.toMap(SegmentSummary::id, SegmentSummary::name,
                (x, y) -> x));
    }
}
