package io.partnerportal.partners.application.port;
