package io.partnerportal.crm.api;
