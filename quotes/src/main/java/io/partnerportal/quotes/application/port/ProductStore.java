package io.partnerportal.quotes.application.port;

import io.partnerportal.common.Page;
import io.partnerportal.common.PageRequest;
import io.partnerportal.quotes.domain.Product;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The price book. */
public interface ProductStore {

    Optional<Product> find(UUID id, boolean lock);

    List<Product> findAll(Collection<UUID> ids);

    /** The product holding this SKU (ignoring case). */
    Optional<UUID> idBySku(String sku);

    /** @throws io.partnerportal.common.jdbc.DuplicateKeyException when the SKU is taken */
    void insert(Product product);

    void update(Product product);

    boolean delete(UUID id);

    Page<Product> list(String q, PageRequest page);
}
