package io.partnerportal.segments.application;
