package io.partnerportal.identity.adapter.persistence;
