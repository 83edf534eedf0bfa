/** The quotes bounded context. Other modules see only its exported packages. */
module io.partnerportal.quotes {
    requires io.partnerportal.common;
    requires io.partnerportal.partners;
    requires io.partnerportal.segments;
    requires io.partnerportal.identity;

    exports io.partnerportal.quotes.api;
}
