/**
 * The CRM context: the connector SPI every CRM vendor module implements, and the sync engine
 * (inbound sync into partners, write-back of portal changes through a transactional outbox).
 */
module io.partnerportal.crm.api {
    requires io.partnerportal.common;
    requires io.partnerportal.partners;
    requires io.partnerportal.roles;

    // exports io.partnerportal.crm.api and io.partnerportal.crm.spi once they hold types
}
