package io.partnerportal.experiences.adapter.web;

import io.micronaut.serde.annotation.Serdeable;
import io.partnerportal.experiences.domain.form.Form;
import io.partnerportal.experiences.domain.form.FormField;
import io.partnerportal.experiences.domain.form.PropertyMapping;
import io.partnerportal.experiences.domain.form.Submission;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Forms and submissions in and out of the admin and portal APIs. */
final class FormJson {

    private FormJson() {
    }

    @Serdeable
    @Schema(name = "Form")
    record FormResponse(String id, String name,
                        @Schema(description = "[{key, label, type, required, options}]; types: text, textarea, email, "
                                + "number, checkbox, date, select, multi_select") List<Map<String, Object>> fields,
                        @Schema(description = "[{property, value}] (fixed value) or [{property, field}] (the answer "
                                + "of a field), property = partner.<key> or contact.<key>")
                        List<Map<String, Object>> mappings,
                        @Schema(implementation = Object.class, description = "who may submit: an Audience")
                        Map<String, Object> submitAudience, long version, Instant createdAt, Instant updatedAt) {

        static FormResponse of(Form f) {
            return new FormResponse(f.id(), f.name(), f.fields().stream().map(FormField::toJson).toList(),
                    f.mappings().stream().map(PropertyMapping::toJson).toList(), f.submitAudience().toJson(),
                    f.version(), f.createdAt(), f.updatedAt());
        }
    }

    @Serdeable
    @Schema(name = "FormRequest")
    record FormRequest(@Schema(maxLength = 200) String name, @Schema(implementation = Object.class) List<Object> fields,
                       @Schema(implementation = Object.class) List<Object> mappings,
                       @Schema(implementation = Object.class, description = "default everyone") Object submitAudience,
                       @Schema(description = "PUT: the version replaced (optional); stale → 412") Long version) {
    }

    @Serdeable
    @Schema(name = "PortalForm")
    record PortalFormResponse(String id, String name, List<Map<String, Object>> fields) {

        static PortalFormResponse of(Form f) {
            return new PortalFormResponse(f.id(), f.name(), f.fields().stream().map(FormField::toJson).toList());
        }
    }

    @Serdeable
    @Schema(name = "FormSubmission")
    record SubmissionResponse(String id, String formId, String contactId, String partnerId,
                              @Schema(implementation = Object.class) Map<String, Object> values, Instant createdAt) {

        static SubmissionResponse of(Submission s) {
            return new SubmissionResponse(s.id(), s.formId(), s.contactId(), s.partnerId(), s.values(), s.createdAt());
        }
    }

    @Serdeable
    @Schema(name = "SubmissionRequest")
    record SubmissionRequest(@Schema(implementation = Object.class, description = "field key → answer") Object values) {
    }
}
