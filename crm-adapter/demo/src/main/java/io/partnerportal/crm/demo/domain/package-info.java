package io.partnerportal.crm.demo.domain;
