package io.partnerportal.crm.sync.application.port;
