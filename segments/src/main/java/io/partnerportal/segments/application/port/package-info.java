package io.partnerportal.segments.application.port;
