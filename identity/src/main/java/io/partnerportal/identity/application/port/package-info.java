package io.partnerportal.identity.application.port;
