/** The partners bounded context. Other modules see only its exported packages. */
module io.partnerportal.partners {
    requires io.partnerportal.common;

    exports io.partnerportal.partners.api;
    exports io.partnerportal.partners.api.event;
    exports io.partnerportal.partners.spi;
}
