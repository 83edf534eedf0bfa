package io.partnerportal.roles.application.port;
