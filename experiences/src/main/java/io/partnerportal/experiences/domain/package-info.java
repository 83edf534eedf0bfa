package io.partnerportal.experiences.domain;
