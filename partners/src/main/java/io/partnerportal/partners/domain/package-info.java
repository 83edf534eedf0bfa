package io.partnerportal.partners.domain;
