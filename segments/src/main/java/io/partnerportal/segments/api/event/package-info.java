package io.partnerportal.segments.api.event;
