package io.partnerportal.quotes.adapter.partners;

import io.micronaut.runtime.event.annotation.EventListener;
import io.partnerportal.common.Actor;
import io.partnerportal.common.jdbc.AfterCommit;
import io.partnerportal.partners.api.event.DemoDataLoaded;
import io.partnerportal.quotes.application.PriceBook;
import io.partnerportal.quotes.application.QuoteSettingsService;
import io.partnerportal.segments.api.SegmentDirectory;
import io.partnerportal.segments.api.SegmentSummary;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The quote settings of the help-center example (seed 002, "Ability to create quotes") and a small price
 * book, set when partners has just loaded its demo dataset: only "Certified or gold" partners may create
 * quotes, with a 10 % maximum discount, 20 % for "Gold partners".
 * <p>
 * Right after the loading transaction commits, in a transaction of its own ({@link AfterCommit}), through
 * the admin use cases (validation, audit) with the system actor {@code demo-data}. The segments come from
 * the segments module's demo configuration, which runs before; they are found by name through
 * {@link SegmentDirectory#findByName}.
 */
@Singleton
class DemoQuotes {

    private static final Actor DEMO = Actor.system("demo-data");

    private final QuoteSettingsService settings;
    private final PriceBook priceBook;
    private final SegmentDirectory segments;
    private final AfterCommit afterCommit;

    DemoQuotes(QuoteSettingsService settings, PriceBook priceBook, SegmentDirectory segments,
               AfterCommit afterCommit) {
        this.settings = settings;
        this.priceBook = priceBook;
        this.segments = segments;
        this.afterCommit = afterCommit;
    }

    @EventListener
    void onDemoData(DemoDataLoaded event) {
        afterCommit.run("setting up the demo quotes", 0, this::configureQuotes);
    }

    private void configureQuotes() {
        settings.replace(Map.of(
                "allowQuoteCreation", Map.of("type", "segments", "segmentIds", List.of(segment("Certified or gold"))),
                "defaultMaxDiscountPercent", new BigDecimal("10"),
                "discountCaps", List.of(Map.of("segmentId", segment("Gold partners"),
                        "maxDiscountPercent", new BigDecimal("20"))),
                "version", BigDecimal.valueOf(settings.get().version())), DEMO);
        product("CORE-ANNUAL", "Core platform, annual subscription", "12000.00");
        product("SEAT-ANNUAL", "Additional user seat, annual", "240.00");
        product("ONBOARDING", "Onboarding package (remote, 5 days)", "2500.00");
    }

    private void product(String sku, String name, String priceInUsd) {
        priceBook.create(Map.of("sku", sku, "name", name, "listPrice", new BigDecimal(priceInUsd), "currency", "USD"),
                DEMO);
    }

    private String segment(String name) {
        return segments.findByName(name).map(SegmentSummary::id)
                .orElseThrow(() -> new IllegalStateException("the demo segment '" + name + "' is missing"));
    }
}
