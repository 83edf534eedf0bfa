package io.partnerportal.segments.spi;
