/**
 * The CRM context: the connector SPI every CRM vendor module implements, and the sync engine
 * (inbound sync into partners, write-back of portal changes through a transactional outbox).
 * It does not depend on roles: roles plugs its CRM role mapping in through {@code crm.spi.CrmRoleMapping}.
 */
module io.partnerportal.crm.api {
    requires io.partnerportal.common;
    requires io.partnerportal.partners;
    requires io.micronaut.data.micronaut_data_connection_jdbc; // to unwrap the DataSource for the advisory lock

    exports io.partnerportal.crm.api;
    exports io.partnerportal.crm.spi;
}
