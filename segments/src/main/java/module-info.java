/**
 * Segments: saved, real-time audiences of partners or contacts. Owns segment definitions,
 * conditions, materialized membership and its history, and segment permissions; answers every
 * access question through its api.
 */
module io.partnerportal.segments {
    requires io.partnerportal.common;
    requires io.partnerportal.partners;
    requires re2j; // automatic module named after its jar
    requires com.zaxxer.hikari;
    requires io.micronaut.data.micronaut_data_connection_jdbc;

    exports io.partnerportal.segments.api;
    exports io.partnerportal.segments.api.event;
    exports io.partnerportal.segments.spi;
}
