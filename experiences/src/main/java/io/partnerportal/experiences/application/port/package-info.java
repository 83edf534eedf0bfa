package io.partnerportal.experiences.application.port;
