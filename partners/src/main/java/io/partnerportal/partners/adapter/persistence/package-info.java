package io.partnerportal.partners.adapter.persistence;
