package io.partnerportal.segments.api;
