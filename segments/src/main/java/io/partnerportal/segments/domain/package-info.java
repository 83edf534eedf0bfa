package io.partnerportal.segments.domain;
