/** The roles bounded context. Other modules see only its exported packages. */
module io.partnerportal.roles {
    requires io.partnerportal.common;
    requires io.partnerportal.partners;
    requires io.partnerportal.segments;
    requires io.partnerportal.crm.api;

    exports io.partnerportal.roles.api;
    exports io.partnerportal.roles.spi;
}
