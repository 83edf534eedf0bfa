package io.partnerportal.experiences.application;
