package io.partnerportal.crm.spi;
