package io.partnerportal.quotes.application.port;


/** Where the quote settings (a single row) are kept. */
public interface QuoteSettingsStore {

    /** @param lock hold a row lock until the transaction ends (before an update) */
    QuoteSettings get(boolean lock);

    void save(QuoteSettings settings);
}
