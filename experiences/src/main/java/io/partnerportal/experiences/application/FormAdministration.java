package io.partnerportal.experiences.application;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.Actor;
import io.partnerportal.common.ConfigurationChanged;
import io.partnerportal.common.ConflictException;
import io.partnerportal.common.InvalidInputException;
import io.partnerportal.common.NotFoundException;
import io.partnerportal.common.Page;
import io.partnerportal.common.PageRequest;
import io.partnerportal.common.StaleVersionException;
import io.partnerportal.experiences.application.port.AudienceAccess;
import io.partnerportal.experiences.application.port.Directory;
import io.partnerportal.experiences.application.port.FormStore;
import io.partnerportal.experiences.domain.form.Form;
import io.partnerportal.experiences.domain.form.FormRules;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Forms for admins: fields, property mappings validated against the catalogue when saved, and who may
 * submit. A form named by a tab cannot be deleted (409 with the tabs). Every change is audited.
 */
@Singleton
public class FormAdministration {

    private final FormStore forms;
    private final Directory directory;
    private final AudienceAccess audiences;
    private final AccessExplanation usages;
    private final ApplicationEventPublisher<ConfigurationChanged> audit;

    FormAdministration(FormStore forms, Directory directory, AudienceAccess audiences, AccessExplanation usages,
                       ApplicationEventPublisher<ConfigurationChanged> audit) {
        this.forms = forms;
        this.directory = directory;
        this.audiences = audiences;
        this.usages = usages;
        this.audit = audit;
    }

    @Transactional
    public Page<Form> list(PageRequest page) {
        return forms.list(page);
    }

    @Transactional
    public Form get(String id) {
        return forms.find(id, false).orElseThrow(() -> NotFoundException.of("Form", id));
    }

    @Transactional
    public Form create(Map<String, Object> body, Actor actor) {
        Instant now = now();
        Form form = FormRules.form(UUID.randomUUID().toString(), body, directory.catalogue(), 1, now, now);
        audiences.requireValid(form.submitAudience(), "/submitAudience");
        forms.insert(form);
        audit.publishEvent(new ConfigurationChanged("form", form.id(), form.name(), "created", null, form.snapshot(),
                actor, null));
        return form;
    }

    /** Replaces a form; {@code version} in the body or If-Match (optional) guards against lost updates. */
    @Transactional
    public Form replace(String id, Map<String, Object> body, Long ifMatch, Actor actor) {
        Form current = forms.find(id, true).orElseThrow(() -> NotFoundException.of("Form", id));
        Object sent = body.get("version");
        if (sent != null && !(sent instanceof Number)) {
            throw InvalidInputException.of("/version", "wrong_value_type", "version is the form's version");
        }
        for (Long expected : new Long[]{ifMatch, sent == null ? null : ((Number) sent).longValue()}) {
            if (expected != null && expected != current.version()) {
                throw new StaleVersionException("Form " + id, expected, current.version());
            }
        }
        Form next = FormRules.form(id, body, directory.catalogue(), current.version() + 1, current.createdAt(), now());
        audiences.requireValid(next.submitAudience(), "/submitAudience");
        if (next.name().equals(current.name()) && next.definitionJson().equals(current.definitionJson())) {
            return current;
        }
        forms.update(next);
        audit.publishEvent(new ConfigurationChanged("form", id, next.name(), "updated", current.snapshot(),
                next.snapshot(), actor, null));
        return next;
    }

    /** Deletes a form and its submissions; refused while a tab (draft or published) shows it. */
    @Transactional
    public void delete(String id, Actor actor) {
        Form current = forms.find(id, true).orElseThrow(() -> NotFoundException.of("Form", id));
        List<AccessExplanation.Usage> used = usages.formUsages(id);
        if (!used.isEmpty()) {
            throw new ConflictException("The form '" + current.name() + "' is shown by tabs: remove it from them "
                    + "first.", Map.of("usages", used.stream().map(u -> Map.of("kind", u.kind(), "id", u.id(),
                    "name", u.name(), "detail", u.detail())).toList()));
        }
        forms.delete(id);
        audit.publishEvent(new ConfigurationChanged("form", id, current.name(), "deleted", current.snapshot(), null,
                actor, null));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
