package io.partnerportal.experiences.api;
