package io.partnerportal.crm.sync.domain;
