/** The segments bounded context. Other modules see only its exported packages. */
module io.partnerportal.segments {
    requires io.partnerportal.common;
    requires io.partnerportal.partners;
    requires re2j; // automatic module named after its jar

    // exports api, api.event and spi once they hold types
}
