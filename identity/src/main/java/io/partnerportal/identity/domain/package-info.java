package io.partnerportal.identity.domain;
