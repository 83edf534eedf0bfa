/**
 * What other modules may use of the partner directory: read ports over partners, contacts and the
 * property catalogue, command ports that change property values, and the value records.
 * <p>
 * Property values are typed Java values, by {@link io.partnerportal.partners.api.PropertyType}:
 * string, url, user and enum as {@code String}; number as {@code java.math.BigDecimal}; boolean as
 * {@code Boolean}; date as {@code java.time.LocalDate}; datetime as {@code java.time.Instant};
 * multi_enum as a sorted {@code List<String>} of option keys. An unset value is absent (never null,
 * never an empty string or list).
 */
package io.partnerportal.partners.api;
