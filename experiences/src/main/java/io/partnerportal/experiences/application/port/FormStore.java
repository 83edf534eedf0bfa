package io.partnerportal.experiences.application.port;

import io.partnerportal.common.Page;
import io.partnerportal.common.PageRequest;
import io.partnerportal.experiences.domain.form.Form;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Where forms are kept. */
public interface FormStore {

    Page<Form> list(PageRequest page);

    /** Every form (for the usage questions of other modules; forms are few). */
    List<Form> all();

    Optional<Form> find(String id, boolean lock);

    /** The ids among {@code ids} that name a form. */
    List<String> existing(Collection<String> ids);

    void insert(Form form);

    void update(Form form);

    void delete(String id);
}
